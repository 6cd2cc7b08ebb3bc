import { describe, expect, it } from 'vitest';

// money.ts is imported inside the test, not at the top: MAX_AMOUNT is built when the module loads,
// and a broken constant then fails this test by name instead of failing every importing file's
// load, which the mutation runner cannot tell from "no test ran" (docs/MUTATION.md).
describe('MAX_AMOUNT', () => {
  it('is the numeric(18,4) ceiling kept for sums: 10^14 − 1 major units', async () => {
    const { MAX_AMOUNT } = await import('./money');
    expect(MAX_AMOUNT.toFixed()).toBe('99999999999999');
    expect(MAX_AMOUNT.plus(1).toFixed()).toBe('100000000000000');
  });
});
