'use client';

import { Suspense, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { RowActions, Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TPlan, TPlanLimits } from '@/lib/billing/plans/schemas';
import { formatMoney } from '@/lib/money-format';
import { CreatePlanButton, EditPlanDialog, PlanActivationDialog } from './lazy-plan-dialogs';
import { DEFAULT_PLAN_SORT, visiblePlans, type TPlanSort, type TPlanSortKey, type TPlanStatusFilter } from './plan-list-view';
import { PlansToolbar } from './plans-toolbar';
import { usePlans } from './plans-query';

const COLUMNS: { key: TPlanSortKey | null; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Name / slug' },
  { key: 'base_price_monthly', label: 'Monthly', numeric: true },
  { key: 'base_price_annual', label: 'Annual', numeric: true },
  { key: 'per_agent_price', label: 'Per agent', numeric: true },
  { key: null, label: 'Limits' },
  { key: null, label: 'Features' },
  { key: 'is_active', label: 'Status' },
  { key: 'sort_order', label: 'Order', numeric: true },
];

// Tighter cells than the default: nine columns share the console width (960 px at a 1280 px screen).
const TIGHT_CELLS = '[&_td]:px-2.5 [&_th]:px-2.5';

export function PlansTable({ initialPlans }: { initialPlans: TPlan[] }) {
  const plans = usePlans(initialPlans);
  const [status, setStatus] = useState<TPlanStatusFilter>('all');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<TPlanSort>(DEFAULT_PLAN_SORT);
  const [editing, setEditing] = useState<TPlan | null>(null);
  const [toggling, setToggling] = useState<TPlan | null>(null);

  const rows = visiblePlans(plans.data, { status, query, sort });
  const toggleSort = (key: TPlanSortKey) =>
    setSort((current) => (current.key === key ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' }));

  if (plans.data.length === 0) {
    return <EmptyState title="No plans yet" description="Create the first plan tenants can subscribe to." action={<CreatePlanButton />} />;
  }

  return (
    <div className="space-y-4">
      <PlansToolbar
        status={status}
        onStatusChange={setStatus}
        query={query}
        onQueryChange={setQuery}
        shown={rows.length}
        total={plans.data.length}
        refreshing={plans.isFetching}
        error={plans.error}
      />
      {rows.length === 0 ? (
        <EmptyState
          title="No plans match"
          description="Change the search or the status filter."
          action={
            <Button variant="secondary" onClick={() => (setQuery(''), setStatus('all'))}>
              Clear filters
            </Button>
          }
        />
      ) : (
        <Table aria-label="Plans" className={TIGHT_CELLS}>
          <THead>
            <tr>
              {COLUMNS.map((column) => (
                <SortableHeader key={column.label} column={column} sort={sort} onSort={toggleSort} />
              ))}
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </tr>
          </THead>
          <TBody>
            {rows.map((plan) => (
              <PlanRow key={plan.id} plan={plan} onEdit={() => setEditing(plan)} onToggle={() => setToggling(plan)} />
            ))}
          </TBody>
        </Table>
      )}
      <Suspense fallback={null}>
        {editing ? <EditPlanDialog plan={editing} onClose={() => setEditing(null)} /> : null}
        {toggling ? <PlanActivationDialog plan={toggling} onClose={() => setToggling(null)} /> : null}
      </Suspense>
    </div>
  );
}

function SortableHeader({ column, sort, onSort }: { column: (typeof COLUMNS)[number]; sort: TPlanSort; onSort: (key: TPlanSortKey) => void }) {
  const { key } = column;
  if (!key) return <TH numeric={column.numeric}>{column.label}</TH>;
  const active = sort.key === key;
  return (
    <TH numeric={column.numeric} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        onClick={() => onSort(key)}
        className="inline-flex items-center gap-1 rounded-sm tracking-wide uppercase hover:text-zinc-900"
      >
        {column.label}
        <span aria-hidden="true" className={active ? 'text-zinc-900' : 'text-zinc-300'}>
          {active && sort.direction === 'desc' ? '↓' : '↑'}
        </span>
      </button>
    </TH>
  );
}

function PlanRow({ plan, onEdit, onToggle }: { plan: TPlan; onEdit: () => void; onToggle: () => void }) {
  return (
    <TR>
      <TD className="max-w-56">
        <span className="block font-medium text-zinc-900">{plan.name}</span>
        <span className="block font-mono text-xs text-zinc-500">{plan.slug}</span>
      </TD>
      <TD numeric>{formatMoney(plan.base_price_monthly, plan.currency)}</TD>
      <TD numeric>{formatMoney(plan.base_price_annual, plan.currency)}</TD>
      <TD numeric>{formatMoney(plan.per_agent_price, plan.currency)}</TD>
      <TD className="text-xs">
        <ul aria-label="Key limits">
          <li>{limit(plan.limits.max_agents, 'agents')}</li>
          <li className="text-zinc-500">{limit(plan.limits.max_messages_month, 'messages/mo')}</li>
        </ul>
      </TD>
      <TD className="max-w-36">
        <FeatureBadges features={plan.features} />
      </TD>
      <TD>{plan.is_active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}</TD>
      <TD numeric>{plan.sort_order}</TD>
      <RowActions>
        <Button variant="ghost" size="sm" aria-label={`Edit ${plan.name}`} onClick={onEdit} {...EditPlanDialog.preloadHandlers}>
          Edit
        </Button>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`${plan.is_active ? 'Deactivate' : 'Activate'} ${plan.name}`}
          onClick={onToggle}
          {...PlanActivationDialog.preloadHandlers}
        >
          {plan.is_active ? 'Deactivate' : 'Activate'}
        </Button>
      </RowActions>
    </TR>
  );
}

const FEATURE_BADGES: { key: keyof TPlan['features']; label: string }[] = [
  { key: 'ai_agent', label: 'AI agent' },
  { key: 'api_access', label: 'API' },
  { key: 'dedicated_support', label: 'Dedicated support' },
];

function FeatureBadges({ features }: { features: TPlan['features'] }) {
  const enabled = FEATURE_BADGES.filter(({ key }) => features[key]);
  if (enabled.length === 0) return <span className="text-xs text-zinc-500">None</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Features">
      {enabled.map(({ key, label }) => (
        <li key={key}>
          <Badge tone="brand" className="whitespace-normal!">
            {label}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

const limit = (value: TPlanLimits[keyof TPlanLimits], unit: string) => `${value === null ? 'Unlimited' : value.toLocaleString('en-US')} ${unit}`;
