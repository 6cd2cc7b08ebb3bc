import { now } from '@/lib/clock';
import { config } from '@/lib/config';
import { db } from '@/lib/db';
import { changePrefetch, computeChange } from './compute-change';
import { readSubscriptionWith } from './lock-subscription';
import type { TChangePreview, TChangeSubscriptionInput } from './schemas';

/** POST /subscriptions/{id}/change/preview: what the change would do, written nowhere (SPEC §10). Read as the change reads, without its lock. */
export async function previewSubscriptionChange(rawId: string, body: TChangeSubscriptionInput): Promise<TChangePreview> {
  return db().$transaction(async (tx) => {
    const { sub, plans, addons, pricedInvoice } = await readSubscriptionWith(tx, rawId, changePrefetch(body));
    return (await computeChange(tx, sub, body, now(), config().TAX_RATE, { plans, addons, pricedInvoice: pricedInvoice ?? null })).preview;
  });
}
