import { now } from '@/lib/clock';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { parseId } from '@/lib/http/parse';
import { notFound } from '@/lib/errors';
import { computeChange } from './compute-change';
import type { TChangePreview, TChangeSubscriptionInput } from './schemas';
import { SUBSCRIPTION_INCLUDE } from './subscription-dto';

/** POST /subscriptions/{id}/change/preview: what the change would do, written nowhere (SPEC §10). */
export async function previewSubscriptionChange(rawId: string, body: TChangeSubscriptionInput): Promise<TChangePreview> {
  const id = parseId(rawId, 'subscription');
  return db().$transaction(async (tx) => {
    const sub = await tx.subscription.findUnique({ where: { id }, include: SUBSCRIPTION_INCLUDE });
    if (!sub) throw notFound('subscription');
    return (await computeChange(tx, sub, body, now(), config().TAX_RATE)).preview;
  });
}
