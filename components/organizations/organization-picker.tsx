'use client';

import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { FieldControlProps } from '@/components/ui/field';
import { controlClasses } from '@/components/ui/input';
import type { TOrganizationPage, TOrganizationSummary } from '@/lib/billing/organizations/schemas';
import { fetchOrganizations } from './fetch-organizations';
import { useOrganizationName, type TOrganizationChoice } from './use-organization-name';

const SEARCH_DEBOUNCE_MS = 200;
/** A screenful: past that the operator types more of the name instead of scrolling 45,000 tenants. */
const PAGE_SIZE = 20;

type OrganizationPickerProps = FieldControlProps & {
  /** The selected organization's id (from the URL), or none: every organization. */
  value: string | undefined;
  /** The selected organization as the server named it, so the first paint shows its name. */
  initial: TOrganizationChoice | null;
  onChange: (id: string | undefined) => void;
};

/**
 * A combobox (WAI-ARIA APG "list autocomplete"): typing asks GET /organizations for matching
 * names, 200 ms after the last keystroke; ↑/↓ move through the list, Enter chooses, Escape
 * closes and puts the selected name back. Focus stays in the input (aria-activedescendant).
 * Opened, the input starts empty (the selected name is its placeholder), so typing searches
 * afresh instead of appending to the name; leaving it untouched keeps the selection, emptying it
 * and leaving clears the filter, as does the × button.
 */
export function OrganizationPicker({ value, initial, onChange, id, ...described }: OrganizationPickerProps) {
  const [chosen, setChosen] = useState<TOrganizationChoice | null>(null);
  const selectedName = useOrganizationName(value, [chosen, initial]);
  // null: nothing typed since the list opened (closed, the input shows the selected name).
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  // By id, not position: when new matches arrive the highlight falls back to the first one by itself.
  const [activeId, setActiveId] = useState<string | null>(null);
  const typed = (text ?? '').trim();
  const [term, setTerm] = useState(typed);
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const results = useQuery({
    queryKey: ['organizations', 'search', term],
    queryFn: ({ signal }) => fetchOrganizations(term, PAGE_SIZE, signal),
    enabled: open,
    // The previous matches stay on screen while the next ones load: no flicker per keystroke.
    placeholderData: keepPreviousData,
  });
  const options = open ? (results.data?.data ?? []) : [];
  const active = Math.max(0, options.findIndex((organization) => organization.id === activeId));
  // The list shows what was typed, not an older search still on screen: only then may Enter choose.
  const current = term === typed && results.data !== undefined && !results.isPlaceholderData;
  const listboxId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    if (open) document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, id]);

  const close = () => {
    setOpen(false);
    setText(null);
  };
  const choose = (organization: TOrganizationSummary) => {
    setChosen({ id: organization.id, name: organization.name });
    onChange(organization.id);
    close();
  };
  const clear = () => {
    setChosen(null);
    onChange(undefined);
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      if (options.length) setActiveId(options[(active + step + options.length) % options.length]!.id);
    } else if (event.key === 'Enter') {
      if (!open) return;
      event.preventDefault();
      if (text === '' && value) return clear();
      if (!current) return setTerm(typed);
      const organization = options[active];
      if (organization) choose(organization);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="relative">
      <input
        id={id}
        {...described}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listboxId : undefined}
        aria-activedescendant={options[active] ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        placeholder={(open && selectedName) || 'All organizations'}
        title={selectedName ?? undefined}
        className={clsx(controlClasses, 'h-9 truncate', value ? 'pr-8' : 'pr-3')}
        value={text ?? (open ? '' : (selectedName ?? ''))}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => (text === '' && value ? clear() : close())}
        onKeyDown={onKeyDown}
      />
      {value ? (
        <button
          type="button"
          aria-label="Clear organization filter"
          title="Clear organization filter"
          className="absolute inset-y-0 right-0 flex w-8 items-center justify-center rounded-r-md text-zinc-400 hover:text-zinc-700"
          onClick={clear}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M4 4l8 8M12 4l-8 8" />
          </svg>
        </button>
      ) : null}
      <p role="status" className="sr-only">
        {open && results.data && current ? resultsMessage(results.data.data.length, results.data.has_more, term) : ''}
      </p>
      {open ? (
        <div
          // As wide as the input, except in the invoice filter bar's one-row layout (a @container of
          // at least 64rem), where the field sits mid-row with room on both sides for longer emails.
          className="absolute left-0 top-full z-20 mt-1 w-full overflow-hidden rounded-md border border-zinc-200 bg-white shadow-lg @5xl:w-max @5xl:max-w-md @5xl:min-w-full"
          // Keep focus in the input: a blur would close the list before a click on it lands.
          onMouseDown={(event) => event.preventDefault()}
        >
          {options.length ? (
            <ul id={listboxId} role="listbox" aria-label="Organizations" aria-busy={!current} className={clsx('max-h-72 overflow-y-auto py-1', !current && 'opacity-60')}>
              {options.map((organization, index) => (
                <li
                  key={organization.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={clsx('cursor-pointer px-3 py-1.5', index === active ? 'bg-brand-50' : 'bg-white')}
                  onMouseMove={() => setActiveId(organization.id)}
                  onClick={() => choose(organization)}
                >
                  <span className="flex items-center gap-2 text-sm text-zinc-900">
                    <span className="truncate">{organization.name}</span>
                    {organization.id === value?.toLowerCase() ? <span className="shrink-0 text-xs font-medium text-brand-700">Selected</span> : null}
                  </span>
                  <span className="block truncate text-xs text-zinc-500">
                    {organization.slug} · {organization.billing_email}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <p className={clsx('px-3 py-2 text-xs text-zinc-500', options.length > 0 && 'border-t border-zinc-100')}>{footer(results, term)}</p>
        </div>
      ) : null}
    </div>
  );
}

function footer(results: UseQueryResult<TOrganizationPage>, term: string): string {
  if (results.isError && !results.data) return `Organizations could not be loaded: ${results.error.message}`;
  if (!results.data) return 'Searching…';
  const { data, has_more: hasMore } = results.data;
  if (data.length === 0) return term ? `No organization matches “${term}”.` : 'No organizations yet.';
  return hasMore ? `The first ${data.length}, by name. Type more of a name to narrow them down.` : `${data.length} ${data.length === 1 ? 'organization' : 'organizations'}, by name.`;
}

function resultsMessage(count: number, hasMore: boolean, term: string): string {
  if (count === 0) return term ? `No organization matches ${term}.` : 'No organizations.';
  return `${hasMore ? 'More than ' : ''}${count} ${count === 1 ? 'organization' : 'organizations'}. Use the up and down arrows to choose.`;
}
