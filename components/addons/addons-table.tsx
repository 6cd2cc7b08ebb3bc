'use client';

import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { RowActions, Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { ADDON_CURRENCY } from '@/lib/billing/addons/addon-currency';
import type { TAddon } from '@/lib/billing/addons/schemas';
import { formatMoney } from '@/lib/money-format';
import { UNIT_LABELS } from './addon-labels';
import { AddonFormDialog, ConfirmToggleDialog } from './lazy-addon-dialogs';

type SortKey = 'sort_order' | 'name' | 'slug' | 'unit' | 'price_monthly' | 'price_annual' | 'is_active';
type Sort = { key: SortKey; direction: 'asc' | 'desc' };

const COMPARE: Record<SortKey, (a: TAddon, b: TAddon) => number> = {
  // The API's own order: sort_order, then created_at.
  sort_order: (a, b) => a.sort_order - b.sort_order || a.created_at.localeCompare(b.created_at),
  name: (a, b) => a.name.localeCompare(b.name),
  slug: (a, b) => a.slug.localeCompare(b.slug),
  unit: (a, b) => UNIT_LABELS[a.unit].localeCompare(UNIT_LABELS[b.unit]),
  // Prices are whole rupiah far below 2^53, so comparing the JSON numbers is exact.
  price_monthly: (a, b) => a.price_monthly - b.price_monthly,
  price_annual: (a, b) => a.price_annual - b.price_annual,
  is_active: (a, b) => Number(b.is_active) - Number(a.is_active),
};

const COLUMN_LABELS: Record<Exclude<SortKey, 'sort_order'>, string> = {
  name: 'Name',
  slug: 'Slug',
  unit: 'Unit',
  price_monthly: 'Monthly',
  price_annual: 'Annual',
  is_active: 'Status',
};

const LIST_ORDER: Sort = { key: 'sort_order', direction: 'asc' };

type AddonsTableProps = {
  addons: TAddon[];
  onEdit: (addon: TAddon) => void;
  onToggleActive: (addon: TAddon) => void;
};

/** The add-on list in the API's order; a column header sorts by it, a second click reverses, a third restores. */
export function AddonsTable({ addons, onEdit, onToggleActive }: AddonsTableProps) {
  const [sort, setSort] = useState<Sort>(LIST_ORDER);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const rows = [...addons].sort((a, b) => sign * COMPARE[sort.key](a, b) || COMPARE.sort_order(a, b));
  const header = (key: keyof typeof COLUMN_LABELS, numeric = false) => (
    <SortableHeader label={COLUMN_LABELS[key]} numeric={numeric} sort={sort} sortKey={key} onSort={setSort} />
  );

  return (
    <Table aria-label="Add-ons">
      <caption className="sr-only">
        Add-ons, {sort.key === 'sort_order' ? 'in list order (sort order, then creation)' : `sorted by ${COLUMN_LABELS[sort.key]}, ${sort.direction}ending`}
      </caption>
      <THead>
        <tr>
          {header('name')}
          {header('slug')}
          {header('unit')}
          {header('price_monthly', true)}
          {header('price_annual', true)}
          {header('is_active')}
          <TH className="text-right">
            <span className="sr-only">Actions</span>
          </TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((addon) => (
          <TR key={addon.id} className={addon.is_active ? undefined : 'text-zinc-500'}>
            <TD className="min-w-40">
              <span className={addon.is_active ? 'font-medium text-zinc-900' : 'font-medium'}>{addon.name}</span>
              {addon.description ? (
                <span title={addon.description} className="line-clamp-1 text-xs text-zinc-500">
                  {addon.description}
                </span>
              ) : null}
            </TD>
            <TD className="font-mono text-xs whitespace-nowrap">{addon.slug}</TD>
            <TD className="whitespace-nowrap">{UNIT_LABELS[addon.unit]}</TD>
            <TD numeric>{formatMoney(addon.price_monthly, ADDON_CURRENCY)}</TD>
            <TD numeric>{formatMoney(addon.price_annual, ADDON_CURRENCY)}</TD>
            <TD>
              <Badge tone={addon.is_active ? 'success' : 'neutral'}>{addon.is_active ? 'Active' : 'Inactive'}</Badge>
            </TD>
            <RowActions>
              <Button variant="ghost" size="sm" onClick={() => onEdit(addon)} aria-label={`Edit ${addon.name}`} {...AddonFormDialog.preloadHandlers}>
                Edit
              </Button>
              <Button
                variant="ghost"
                size="sm"
                onClick={() => onToggleActive(addon)}
                aria-label={`${addon.is_active ? 'Deactivate' : 'Activate'} ${addon.name}`}
                {...ConfirmToggleDialog.preloadHandlers}
              >
                {addon.is_active ? 'Deactivate' : 'Activate'}
              </Button>
            </RowActions>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

type SortableHeaderProps = { label: string; numeric: boolean; sort: Sort; sortKey: SortKey; onSort: (sort: Sort) => void };

function SortableHeader({ label, numeric, sort, sortKey, onSort }: SortableHeaderProps) {
  const active = sort.key === sortKey;
  const next: Sort = !active
    ? { key: sortKey, direction: 'asc' }
    : sort.direction === 'asc'
      ? { key: sortKey, direction: 'desc' }
      : LIST_ORDER;
  return (
    <TH numeric={numeric} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        onClick={() => onSort(next)}
        className="inline-flex items-center gap-1 rounded uppercase hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {label}
        <span aria-hidden="true" className={active ? 'text-zinc-900' : 'text-zinc-300'}>
          {active && sort.direction === 'desc' ? '↓' : '↑'}
        </span>
      </button>
    </TH>
  );
}
