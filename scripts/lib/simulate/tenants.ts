import { API, type ApiClient } from './api-client';
import type { TCatalog } from './catalog';
import { Prng } from './prng';

/** The simulator's own picture of one tenant: only what it needs to decide what to do next. */
export interface TTenant {
  index: number;
  /** The simulated month and tick (0..TICKS-1) it signs up in. */
  joins: { month: number; tick: number };
  organizationId?: string;
  subscriptionId?: string;
  state: 'prospect' | 'active' | 'cancelling' | 'cancelled';
  plan: number;
  cycle: 'monthly' | 'annual';
  agents: number;
  hasCoupon: boolean;
}

/** Ticks per simulated month: the clock stops on days 1, 11 and 21. */
export const TICKS = 3;

export function planTenants(count: number, months: number, seed: number): TTenant[] {
  return Array.from({ length: count }, (_, index) => {
    const prng = new Prng(seed, index, 0xa11);
    // 40% are there from the first month; the rest arrive over the year, so the business grows.
    const month = months === 1 || prng.chance(0.4) ? 0 : prng.int(1, months - 1);
    return { index, joins: { month, tick: prng.int(0, TICKS - 1) }, state: 'prospect', plan: prng.pick([0, 0, 1, 1, 1, 2]), cycle: prng.chance(0.2) ? 'annual' : 'monthly', agents: prng.int(1, 14), hasCoupon: false };
  });
}

/** A tenant's organization as it signs up: name, slug, billing e-mail and country. */
export type TTenantNames = (index: number) => { name: string; slug: string; billing_email: string; country: string };

const SIMULATED_NAMES: TTenantNames = (index) => ({ name: `Simulated tenant ${index}`, slug: `sim-tenant-${index}`, billing_email: `billing+${index}@tenant.example`, country: 'ID' });

export interface TActionCounts {
  [action: string]: number;
}

const count = (counts: TActionCounts, name: string) => void (counts[name] = (counts[name] ?? 0) + 1);

/** A new tenant: its organization, then its subscription (with or without add-ons and a coupon). */
export async function signUp(api: ApiClient, catalog: TCatalog, tenant: TTenant, prng: Prng, counts: TActionCounts, names: TTenantNames = SIMULATED_NAMES): Promise<void> {
  const organization = await api.post<{ id: string }>(`${API}/organizations`, names(tenant.index), { retry: prng.chance(0.05), route: '/organizations' });
  if (organization.status !== 201) throw new Error(`tenant ${tenant.index}: POST /organizations answered ${organization.status} ${JSON.stringify(organization.body)}`);
  tenant.organizationId = organization.body.id;
  const addon = prng.chance(0.35) ? catalog.addons[prng.int(0, catalog.addons.length - 1)]! : undefined;
  // A per-agent add-on's quantity is the agent count, always (SPEC §10): sent without one.
  const addons = addon ? [{ addon_id: addon.id, ...(addon.unit === 'flat' ? { quantity: prng.int(1, 2) } : {}) }] : undefined;
  const coupon = prng.chance(0.3) ? prng.pick(catalog.couponCodes) : undefined;
  const body = { organization_id: tenant.organizationId, plan_id: catalog.plans[tenant.plan]!.id, billing_cycle: tenant.cycle, agent_count: tenant.agents, ...(addons ? { addons } : {}), ...(coupon ? { coupon_code: coupon } : {}) };
  let subscription = await api.post<{ id: string }>(`${API}/subscriptions`, body, { retry: prng.chance(0.05), route: '/subscriptions' });
  if (subscription.status === 409 && coupon) {
    // The coupon was refused (exhausted, expired, another plan's): subscribe without it.
    count(counts, 'coupon refused at sign-up');
    const { coupon_code: _refused, ...without } = body as typeof body & { coupon_code?: string };
    subscription = await api.post<{ id: string }>(`${API}/subscriptions`, without, { retry: prng.chance(0.05), route: '/subscriptions' });
  } else if (coupon) {
    tenant.hasCoupon = true;
  }
  if (subscription.status !== 201) throw new Error(`tenant ${tenant.index}: POST /subscriptions answered ${subscription.status} ${JSON.stringify(subscription.body)}`);
  tenant.subscriptionId = subscription.body.id;
  tenant.state = 'active';
  count(counts, `subscribed ${tenant.cycle}`);
}

/**
 * One tick in the life of a subscribed tenant: at most one change to its subscription. `activity`
 * scales the chance of each change (1: about one tenant in five changes something at each stop,
 * cancellations included — many changes to check; the demo's business is calmer).
 */
export async function act(api: ApiClient, catalog: TCatalog, tenant: TTenant, prng: Prng, counts: TActionCounts, activity = 1): Promise<void> {
  const id = tenant.subscriptionId!;
  const post = (path: string, body: object, route: string) => api.post<{ subscription?: unknown }>(`${API}/subscriptions/${id}${path}`, body, { retry: prng.chance(0.05), route: `/subscriptions/{id}${route}` });
  const drawn = prng.next();
  const roll = drawn / activity;
  if (tenant.state === 'cancelling') {
    if (drawn < 0.3) {
      const answer = await post('/reactivate', {}, '/reactivate');
      expectStatus(answer.status, [200, 409], `tenant ${tenant.index} reactivate`);
      // 409: its period ended first and the billing run ended it.
      tenant.state = answer.status === 200 ? 'active' : 'cancelled';
      count(counts, answer.status === 200 ? 'reactivated' : 'reactivation refused (period over)');
    }
    return;
  }
  if (roll < 0.06) {
    const agents = tenant.agents + prng.int(1, 5);
    const answer = await post('/change', { agent_count: agents }, '/change');
    expectStatus(answer.status, [200, 409], `tenant ${tenant.index} add agents`);
    if (answer.status === 200) tenant.agents = agents;
    count(counts, answer.status === 200 ? 'agents added' : 'agent change refused');
  } else if (roll < 0.09 && tenant.plan < catalog.plans.length - 1) {
    const answer = await post('/change', { plan_id: catalog.plans[tenant.plan + 1]!.id }, '/change');
    expectStatus(answer.status, [200, 409], `tenant ${tenant.index} upgrade`);
    if (answer.status === 200) tenant.plan++;
    count(counts, answer.status === 200 ? 'upgraded' : 'upgrade refused');
  } else if (roll < 0.12 && (tenant.plan > 0 || tenant.agents > 1)) {
    const body = tenant.plan > 0 ? { plan_id: catalog.plans[tenant.plan - 1]!.id } : { agent_count: tenant.agents - 1 };
    const answer = await post('/change', body, '/change');
    expectStatus(answer.status, [200, 409], `tenant ${tenant.index} downgrade`);
    count(counts, answer.status === 200 ? 'downgrade scheduled' : 'downgrade refused');
  } else if (roll < 0.13 && tenant.cycle === 'monthly') {
    const answer = await post('/change', { billing_cycle: 'annual' }, '/change');
    expectStatus(answer.status, [200, 409], `tenant ${tenant.index} to annual`);
    if (answer.status === 200) tenant.cycle = 'annual';
    count(counts, answer.status === 200 ? 'moved to annual' : 'cycle change refused');
  } else if (roll < 0.17 && !tenant.hasCoupon) {
    const answer = await post('/coupon', { code: prng.pick(catalog.couponCodes) }, '/coupon');
    expectStatus(answer.status, [200, 409], `tenant ${tenant.index} coupon`);
    if (answer.status === 200) tenant.hasCoupon = true;
    count(counts, answer.status === 200 ? 'coupon applied' : 'coupon refused');
  } else if (roll < 0.2) {
    const at = prng.chance(0.25) ? 'now' : 'period_end';
    const answer = await post('/cancel', { at, reason: 'Simulated churn' }, '/cancel');
    expectStatus(answer.status, [200], `tenant ${tenant.index} cancel`);
    tenant.state = at === 'now' ? 'cancelled' : 'cancelling';
    count(counts, at === 'now' ? 'cancelled now' : 'cancellation scheduled');
  }
}

function expectStatus(status: number, allowed: number[], what: string): void {
  if (!allowed.includes(status)) throw new Error(`${what}: unexpected status ${status}`);
}
