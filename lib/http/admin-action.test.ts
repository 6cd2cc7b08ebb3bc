import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { notFound } from '@/lib/errors';
import { setLogDestination } from '@/lib/log';
import { runAdminAction } from './admin-action';

// The session lookup needs Next's request scope; what is under test here is what happens after it.
vi.mock('@/lib/auth/guard', () => ({
  requireSuperAdminAction: async () => ({ type: 'user', id: '00000000-0000-4000-8000-000000000001', label: 'root@example.com', role: 'super_admin' }),
}));

let lines: string[];
beforeEach(() => {
  lines = [];
  setLogDestination({ write: (line: string) => void lines.push(line) }, 'info');
});
afterEach(() => setLogDestination(null));

describe('runAdminAction logging', () => {
  it('an unknown failure is logged once, with the error and the reference the user is shown', async () => {
    const result = await runAdminAction(z.object({}), {}, async () => {
      throw new Error('ledger exploded');
    });
    expect(result).toMatchObject({ ok: false, status: 500, code: 'internal_error' });
    const reference = /reference ([0-9a-f-]{36})/.exec(result.ok ? '' : result.message)?.[1];
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', msg: 'server action failed', reference, err: { message: 'ledger exploded' } });
    expect(result.ok ? '' : result.message).not.toContain('ledger exploded');
  });

  it('a BillingError is an answer, not an incident: nothing is logged', async () => {
    const result = await runAdminAction(z.object({}), {}, async () => {
      throw notFound('plan');
    });
    expect(result).toMatchObject({ ok: false, status: 404 });
    expect(lines).toEqual([]);
  });
});
