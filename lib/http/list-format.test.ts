import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BillingError } from '@/lib/errors';
import { listFormat, parseListQuery, prefersCsv } from './list-format';

const request = (query = '', accept?: string) => new Request(`http://localhost/api/v1/admin/billing/plans${query}`, { headers: accept ? { accept } : {} });

describe('prefersCsv', () => {
  it.each([
    ['text/csv', true],
    ['text/csv; charset=utf-8', true],
    ['text/csv, application/json', true],
    ['text/csv, */*', true],
    ['text/csv;q=0.9, application/json', false],
    ['application/json;q=0.5, text/csv', true],
    ['text/*', true],
    ['application/json, text/csv', false],
    ['application/json', false],
    ['*/*', false],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', false],
    ['text/csv;q=0', false],
    ['TEXT/CSV', true],
    ['', false],
  ])('%j → %s', (accept, expected) => {
    expect(prefersCsv(accept)).toBe(expected);
  });

  it('no Accept header is JSON', () => {
    expect(prefersCsv(null)).toBe(false);
  });
});

describe('listFormat', () => {
  it('reads ?format=, which overrides Accept', () => {
    expect(listFormat(request('?format=csv'))).toBe('csv');
    expect(listFormat(request('?format=json', 'text/csv'))).toBe('json');
    expect(listFormat(request('', 'text/csv'))).toBe('csv');
    expect(listFormat(request())).toBe('json');
  });

  it('an unknown format is 400 invalid_format', () => {
    expect(() => listFormat(request('?format=xlsx'))).toThrow(expect.objectContaining({ status: 400, code: 'invalid_format' }) as BillingError);
  });
});

describe('parseListQuery', () => {
  it('validates the filters without `format`, so strict query schemas accept it', () => {
    const schema = z.strictObject({ status: z.string().optional() });
    expect(parseListQuery(request('?status=paid&format=csv'), schema)).toEqual({ status: 'paid' });
    expect(() => parseListQuery(request('?bogus=1&format=csv'), schema)).toThrow(BillingError);
  });
});
