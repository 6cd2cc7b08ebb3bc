import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './callback-path';

describe('safeCallbackPath', () => {
  it('keeps an in-app path with its query', () => {
    expect(safeCallbackPath('/invoices?status=paid')).toBe('/invoices?status=paid');
  });

  it('reduces an absolute URL, including another host, to its path: never an open redirect', () => {
    expect(safeCallbackPath('http://localhost:3000/plans')).toBe('/plans');
    expect(safeCallbackPath('https://evil.example/steal')).toBe('/steal');
  });

  it('keeps protocol-relative and backslash tricks on this origin', () => {
    expect(safeCallbackPath('//evil.example/x')).toBe('/x');
    expect(safeCallbackPath('/\\evil.example')).toBe('/');
  });

  it('ignores empty values and the sign-in page itself', () => {
    expect(safeCallbackPath(undefined)).toBeUndefined();
    expect(safeCallbackPath('')).toBeUndefined();
    expect(safeCallbackPath('/login?callbackUrl=/plans')).toBeUndefined();
  });

  it('takes the first of repeated query values', () => {
    expect(safeCallbackPath(['/coupons', '/plans'])).toBe('/coupons');
  });
});
