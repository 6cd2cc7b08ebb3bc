import { describe, expect, it } from 'vitest';
import { parseGenerateArgs } from './options';

describe('parseGenerateArgs', () => {
  it('reads the sizes, the flags and the defaults', () => {
    expect(parseGenerateArgs(['--organizations', '45000', '--months', '40'])).toEqual({ organizations: 45_000, months: 40, reset: false, seed: 1 });
    const pinned = parseGenerateArgs(['--organizations', '5', '--months', '3', '--reset', '--seed', '7', '--now', '2026-03-15T10:00:00Z']);
    expect(pinned).toMatchObject({ reset: true, seed: 7, now: new Date('2026-03-15T10:00:00Z') });
  });

  it('refuses a missing or non-positive size with the usage line', () => {
    expect(() => parseGenerateArgs(['--months', '3'])).toThrow(/--organizations[\s\S]*usage: npm run db:generate/);
    expect(() => parseGenerateArgs(['--organizations', '0', '--months', '3'])).toThrow(/--organizations/);
    expect(() => parseGenerateArgs(['--organizations', '10', '--months', '2.5'])).toThrow(/--months/);
  });

  it('refuses an unknown flag', () => {
    expect(() => parseGenerateArgs(['--organizations', '1', '--months', '1', '--invoices', '9'])).toThrow(/invoices/);
  });
});
