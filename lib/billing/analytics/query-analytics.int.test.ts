import { describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { queryAnalytics } from './query-analytics';

describe('queryAnalytics (the analytics pool)', () => {
  it('runs each statement with work_mem 64MB and JIT off, set once per connection', async () => {
    const [settings] = await queryAnalytics<{ work_mem: string; jit: string }>(
      Prisma.sql`SELECT current_setting('work_mem') AS work_mem, current_setting('jit') AS jit`,
    );
    expect(settings).toEqual({ work_mem: '64MB', jit: 'off' });
  });

  it('is read-only: a statement that writes is refused by PostgreSQL', async () => {
    await expect(queryAnalytics(Prisma.sql`UPDATE plans SET name = name`)).rejects.toThrow(/read-only transaction/);
  });
});
