import { API, type ApiClient } from './api-client';
import { forEachBounded } from './pool';
import { Prng } from './prng';
import type { TActionCounts, TTenant } from './tenants';

const USAGE_BATCHES_AT_ONCE = 3;

/**
 * The messaging platform's reports for one tick: each live tenant's messages since the last tick,
 * in batches of up to 1,000 events over all tenants, a few events sent again (a resend must be
 * counted once: the API answers `duplicate`).
 */
export async function reportUsage(api: ApiClient, tenants: TTenant[], at: { seed: number; month: number; tick: number; instant: Date }, counts: TActionCounts): Promise<void> {
  const events: { organization_id: string; messages: number; occurred_at: string; event_id: string }[] = [];
  const resent: typeof events = [];
  const occurredAt = new Date(at.instant.getTime() - 60_000).toISOString();
  for (const tenant of tenants) {
    if (tenant.state !== 'active' && tenant.state !== 'cancelling') continue;
    const prng = new Prng(at.seed, tenant.index, at.month, at.tick, 0x05e);
    const reports = prng.int(0, 3);
    for (let report = 0; report < reports; report++) {
      const event = { organization_id: tenant.organizationId!, messages: prng.int(100, 4_000 * (tenant.plan + 1)), occurred_at: occurredAt, event_id: `sim-${tenant.index}-${at.month}-${at.tick}-${report}` };
      events.push(event);
      if (prng.chance(0.05)) resent.push(event);
    }
  }
  const all = [...events, ...resent];
  const batches = Array.from({ length: Math.ceil(all.length / 1_000) }, (_, index) => all.slice(index * 1_000, (index + 1) * 1_000));
  // A few batches at once (the server and PostgreSQL each have a core): an event and its resend in
  // two batches at once are still one accepted, one duplicate (record-usage.ts: the event id decides).
  await forEachBounded(batches, USAGE_BATCHES_AT_ONCE, async (batch) => {
    const answer = await api.post<{ accepted: number; duplicates: number; refused: number }>(`${API}/usage`, { events: batch }, { route: '/usage' });
    if (answer.status !== 200 && answer.status !== 201) throw new Error(`POST /usage answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    counts['usage events accepted'] = (counts['usage events accepted'] ?? 0) + answer.body.accepted;
    counts['usage events resent (duplicate)'] = (counts['usage events resent (duplicate)'] ?? 0) + answer.body.duplicates;
    counts['usage events refused'] = (counts['usage events refused'] ?? 0) + answer.body.refused;
  });
  if (resent.length && (counts['usage events resent (duplicate)'] ?? 0) < resent.length) throw new Error(`${resent.length} usage events were resent, fewer were answered duplicate: a resend was counted twice`);
}
