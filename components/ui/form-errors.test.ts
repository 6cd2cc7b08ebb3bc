import { describe, expect, it, vi } from 'vitest';
import { fieldMessage, setServerFieldErrors, showActionFailure, topLevelField } from './form-errors';

type TValues = { code: string; addons: { addon_id: string }[] };
const failure = (errors?: { path: string; message: string }[]) => ({ ok: false as const, status: 400, code: 'validation_failed', message: 'The request is invalid.', ...(errors ? { errors } : {}) });
const fieldFor = topLevelField<TValues>(['code', 'addons']);

describe('setServerFieldErrors', () => {
  it('puts each error on the top-level field its path names, once per field, focusing only the first', () => {
    const setError = vi.fn();
    const placedAll = setServerFieldErrors(failure([
      { path: 'addons.0.quantity', message: 'Must equal the agent count (4).' },
      { path: 'addons.1.addon_id', message: 'Listed twice.' },
      { path: 'code', message: 'Unknown coupon.' },
    ]), setError, fieldFor);
    expect(placedAll).toBe(true);
    expect(setError.mock.calls).toEqual([
      ['addons', { type: 'server', message: 'Must equal the agent count (4).' }, { shouldFocus: true }],
      ['code', { type: 'server', message: 'Unknown coupon.' }, { shouldFocus: false }],
    ]);
  });

  it('is false when an error names no field of the form, or when there are no field errors (a 409)', () => {
    expect(setServerFieldErrors(failure([{ path: 'organization_id', message: 'Unknown.' }, { path: 'code', message: 'x' }]), vi.fn(), fieldFor)).toBe(false);
    expect(setServerFieldErrors(failure(), vi.fn(), fieldFor)).toBe(false);
  });
});

describe('showActionFailure', () => {
  it('shows the problem sentence above the form only when the fields do not tell it all', () => {
    const refused = vi.fn();
    showActionFailure(failure(), refused, fieldFor);
    expect(refused).toHaveBeenCalledWith('root.server', { type: 'server', message: 'The request is invalid.' });
    const inline = vi.fn();
    showActionFailure(failure([{ path: 'code', message: 'Unknown coupon.' }]), inline, fieldFor);
    expect(inline.mock.calls.map(([name]) => name)).toEqual(['code']);
  });
});

describe('fieldMessage', () => {
  it("reads a field's message, or the first item's of an array field", () => {
    expect(fieldMessage({ message: 'Required.' })).toBe('Required.');
    expect(fieldMessage([undefined, { addon_id: { message: 'Listed twice.' } }])).toBe('Listed twice.');
    expect(fieldMessage(undefined)).toBeUndefined();
  });
});
