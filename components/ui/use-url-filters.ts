'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import type { TUrlFilters } from './url-filters';

/**
 * A list page's filters, kept in the URL (shareable, kept by Back). They are written with
 * history.replaceState, which Next's router picks up in useSearchParams without a server round
 * trip: react-query then reads the REST list for the new filters, and the server renders only the
 * first visit. `clear` empties them and bumps `resetKey`, which filter bars use to reset inputs
 * they keep locally (a debounced search box).
 */
export function useUrlFilters<K extends string>(spec: TUrlFilters<K>) {
  const filters = spec.read(useSearchParams());
  const [resetKey, setResetKey] = useState(0);

  const write = (patch: Partial<Record<K, string>> | null) => {
    // Read the URL at write time: a debounced search must not undo a filter picked meanwhile.
    const current = patch ? spec.read(new URLSearchParams(window.location.search)) : {};
    const search = spec.search({ ...current, ...patch });
    window.history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
  };
  const clear = () => {
    write(null);
    setResetKey((key) => key + 1);
  };

  return { filters, filtered: spec.has(filters), write, clear, resetKey };
}
