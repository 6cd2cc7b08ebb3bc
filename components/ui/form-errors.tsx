import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { TActionResult } from '@/lib/http/admin-action';

export type TActionFailure = Extract<TActionResult<unknown>, { ok: false }>;

/** The form field a problem's error path lands on (`addons.0.quantity` → `addons`), or null when the form has none. */
export type TFieldFor<T extends FieldValues> = (path: string) => Path<T> | null;

/** A `TFieldFor` over a form's top-level fields. */
export function topLevelField<T extends FieldValues>(fields: Iterable<string>): TFieldFor<T> {
  const known = new Set(fields);
  return (path) => {
    const top = path.split('.')[0] ?? '';
    return known.has(top) ? (top as Path<T>) : null;
  };
}

/**
 * Puts a refused action's field errors (slug_taken on `slug`, an unknown add-on on `addons`) under
 * the fields they name, focusing the first. True when every error found its field; otherwise the
 * caller shows `failure.message` (a 409 names no field).
 */
export function setServerFieldErrors<T extends FieldValues>(failure: TActionFailure, setError: UseFormSetError<T>, fieldFor: TFieldFor<T>): boolean {
  const errors = failure.errors ?? [];
  const placed = new Set<string>();
  let unplaced = 0;
  for (const error of errors) {
    const field = fieldFor(error.path);
    if (field === null) unplaced++;
    else if (!placed.has(field)) {
      setError(field, { type: 'server', message: error.message }, { shouldFocus: placed.size === 0 });
      placed.add(field);
    }
  }
  return errors.length > 0 && unplaced === 0;
}

/** `setServerFieldErrors`, and the problem's sentence above the form (`root.server`) when a field alone would not tell it. */
export function showActionFailure<T extends FieldValues>(failure: TActionFailure, setError: UseFormSetError<T>, fieldFor: TFieldFor<T>): void {
  if (!setServerFieldErrors(failure, setError, fieldFor)) setError('root.server' as Path<T>, { type: 'server', message: failure.message });
}

/** A field's message, or its first item's for an array field (`addons.1.addon_id`). */
export function fieldMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string') return error.message;
  if (Array.isArray(error)) return error.map(fieldMessage).find(Boolean);
  return Object.values(error).map(fieldMessage).find(Boolean);
}

/** The `root.server` message of a form, announced. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}
