import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { parseId } from '@/lib/http/parse';
import { billingRunToDto } from './billing-run-dto';
import type { TBillingRun } from './schemas';

export async function getBillingRunOrThrow(rawId: string): Promise<TBillingRun> {
  const run = await db().billingRun.findUnique({ where: { id: parseId(rawId, 'billing run') } });
  if (!run) throw notFound('billing run');
  return billingRunToDto(run);
}
