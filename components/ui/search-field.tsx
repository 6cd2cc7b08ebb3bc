'use client';

import { useEffect, useRef, useState } from 'react';
import { Field } from './field';
import { Input } from './input';

/** How long typing pauses before a search goes out. */
const SEARCH_DEBOUNCE_MS = 300;

interface TSearchFieldProps {
  label: string;
  placeholder: string;
  maxLength: number;
  /** The search in force (from the URL). */
  value: string;
  onSearch: (text: string) => void;
}

/** A filter bar's text search: searches as the operator types, once they pause; Enter searches at once. */
export function SearchField({ label, placeholder, maxLength, value, onSearch }: TSearchFieldProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The URL changed under the box (Clear filters, Back): show its value, unless it is what is typed.
  if (value !== seen) {
    setSeen(value);
    if (value !== text.trim()) setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (next: string, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onSearch(next.trim()), delay);
  };

  return (
    <form role="search" onSubmit={(event) => (event.preventDefault(), search(text, 0))}>
      <Field label={label}>
        {(control) => (
          <Input
            {...control}
            type="search"
            placeholder={placeholder}
            autoComplete="off"
            spellCheck={false}
            maxLength={maxLength}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              search(event.target.value, SEARCH_DEBOUNCE_MS);
            }}
          />
        )}
      </Field>
    </form>
  );
}
