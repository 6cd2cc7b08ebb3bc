import { describe, expect, it } from 'vitest';
import { recheckOutcome } from './recheck-outcome';

const ID = 'e2c6a0f4-8b1d-4f93-a5c7-3d9e1b5f7a62';
const none = { checked: 1, succeeded: 0, failed: 0, still_pending: 0, errors: [] };

describe('recheckOutcome', () => {
  it('says what the provider answered', () => {
    expect(recheckOutcome({ ...none, succeeded: 1 }, ID)).toEqual({ text: 'Succeeded at the provider: its credit note is issued.', error: false });
    expect(recheckOutcome({ ...none, failed: 1 }, ID).text).toMatch(/^Failed at the provider/);
    expect(recheckOutcome({ ...none, still_pending: 1 }, ID).text).toBe('Still pending at the provider.');
  });

  it('an error for this refund is an error, in the reconciler\'s words', () => {
    expect(recheckOutcome({ ...none, errors: [{ refund_id: ID, message: 'timeout' }] }, ID)).toEqual({ text: 'The provider could not be asked: timeout', error: true });
  });

  it('nothing checked: settled meanwhile or taken by another reconciler', () => {
    expect(recheckOutcome({ ...none, checked: 0 }, ID).text).toMatch(/^Already settled/);
  });
});
