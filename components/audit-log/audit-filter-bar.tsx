'use client';

import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SearchField } from '@/components/ui/search-field';
import { Select } from '@/components/ui/select';
import { AUDIT_ENTITY_TYPES } from '@/lib/audit/audit-entity-types';
import type { TAuditEntityType } from '@/lib/audit/schemas';
import { hasAuditFilters, type TAuditFilters } from './audit-filters';
import { ENTITY_LABELS, KNOWN_ACTIONS } from './audit-labels';

type FilterBarProps = {
  filters: TAuditFilters;
  onChange: (patch: TAuditFilters) => void;
  onClear: () => void;
  /** Changes on every clear, so the actor box drops any keystrokes still waiting to be searched. */
  resetKey: number;
};

export function AuditFilterBar({ filters, onChange, onClear, resetKey }: FilterBarProps) {
  const type = filters.entity_type as TAuditEntityType | undefined;
  const known = type && type in KNOWN_ACTIONS ? KNOWN_ACTIONS[type] : Object.values(KNOWN_ACTIONS).flat();
  // An action from the URL that the list does not know yet still shows as chosen.
  const actions = filters.action && !known.includes(filters.action) ? [filters.action, ...known] : known;

  const changeType = (entityType: string) => {
    const keepsAction = !filters.action || !entityType || filters.action.startsWith(`${entityType}.`);
    // Another entity type: the entity id and an action of the old type would leave nothing to show.
    onChange({ entity_type: entityType, entity_id: '', ...(keepsAction ? {} : { action: '' }) });
  };

  return (
    <div className="mb-4 space-y-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.3fr)_minmax(9rem,1fr)_minmax(11rem,1.2fr)_repeat(2,minmax(9.5rem,0.8fr))_auto] lg:items-end">
        <SearchField key={resetKey} label="Actor" placeholder="Email, key name or id" maxLength={255} value={filters.actor ?? ''} onSearch={(actor) => onChange({ actor })} />
        <Field label="Entity type">
          {(control) => (
            <Select {...control} value={filters.entity_type ?? ''} onChange={(event) => changeType(event.target.value)}>
              <option value="">All entities</option>
              {AUDIT_ENTITY_TYPES.map((entityType) => (
                <option key={entityType} value={entityType}>
                  {ENTITY_LABELS[entityType]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Action">
          {(control) => (
            <Select {...control} value={filters.action ?? ''} onChange={(event) => onChange({ action: event.target.value })}>
              <option value="">All actions</option>
              {actions.map((action) => (
                <option key={action} value={action}>
                  {action}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="From">
          {(control) => <Input {...control} type="date" value={filters.from ?? ''} max={filters.to} onChange={(event) => onChange({ from: event.target.value })} />}
        </Field>
        <Field label="To">
          {(control) => <Input {...control} type="date" value={filters.to ?? ''} min={filters.from} onChange={(event) => onChange({ to: event.target.value })} />}
        </Field>
        <Button variant="ghost" onClick={onClear} disabled={!hasAuditFilters(filters)}>
          Clear filters
        </Button>
      </div>
      {filters.entity_id ? (
        <p className="flex items-center gap-2 text-xs text-zinc-600">
          Only entity <code className="font-mono">{filters.entity_id}</code>
          <Button variant="ghost" size="sm" onClick={() => onChange({ entity_id: '' })}>
            Show all entities
          </Button>
        </p>
      ) : null}
    </div>
  );
}
