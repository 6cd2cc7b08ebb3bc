import { describe, expect, it } from 'vitest';
import type { BillingRun } from '@/lib/generated/prisma/client';
import { billingRunToDto } from './billing-run-dto';

const row: BillingRun = {
  id: 'r1', trigger: 'api', status: 'succeeded', asOf: new Date('2026-03-01T00:00:00.000Z'), startedAt: new Date('2026-03-01T00:00:01.000Z'),
  finishedAt: new Date('2026-03-01T00:00:09.000Z'), heartbeatAt: new Date('2026-03-01T00:00:08.000Z'), issued: 5, skipped: 1, failed: 1, renewed: 4, ended: 2,
  failures: [{ subscription_id: '7f1f1c1e-0b6a-4b8e-9a51-2d7c8f0e4b21', code: 'invalid_billing_data', reason: 'no plan' }], startedBy: 'admin@example.com',
};

describe('billingRunToDto', () => {
  it('shows a run with its counts, its instants as ISO strings and its failures as stored', () => {
    expect(billingRunToDto(row)).toEqual({
      id: 'r1', trigger: 'api', status: 'succeeded', as_of: '2026-03-01T00:00:00.000Z', started_at: '2026-03-01T00:00:01.000Z', finished_at: '2026-03-01T00:00:09.000Z', heartbeat_at: '2026-03-01T00:00:08.000Z',
      started_by: 'admin@example.com', issued: 5, renewed: 4, ended: 2, skipped: 1, failed: 1,
      failures: [{ subscription_id: '7f1f1c1e-0b6a-4b8e-9a51-2d7c8f0e4b21', code: 'invalid_billing_data', reason: 'no plan' }],
    });
  });

  it('a run still going has finished_at null; failures that are not the stored shape are refused, not shown', () => {
    expect(billingRunToDto({ ...row, finishedAt: null }).finished_at).toBeNull();
    expect(() => billingRunToDto({ ...row, failures: [{ code: 'x' }] })).toThrow(/subscription_id/);
  });
});
