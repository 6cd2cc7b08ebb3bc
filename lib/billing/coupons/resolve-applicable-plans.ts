import type { Tx } from '@/lib/db';
import { validationFailed } from '@/lib/errors';

/**
 * The plan ids a coupon is restricted to, deduplicated and lowercased; null and [] both mean
 * every plan and are stored as []. Every id must name an existing plan (SPEC §5: 400 otherwise),
 * active or not: restricting a coupon to a retired plan is allowed, pointing at nothing is not.
 */
export async function resolveApplicablePlans(tx: Tx, ids: readonly string[] | null | undefined): Promise<string[]> {
  const wanted = [...new Set((ids ?? []).map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return [];
  const found = new Set((await tx.plan.findMany({ where: { id: { in: wanted } }, select: { id: true } })).map((plan) => plan.id));
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length) {
    throw validationFailed([{ path: 'applicable_plans', message: `No plan has the id ${missing.join(', ')}.` }]);
  }
  return wanted;
}
