import { API, type ApiClient } from './api-client';

/** What the simulated business sells, created through the API when the simulation starts. */
export interface TCatalog {
  plans: { id: string; slug: string; rank: number }[];
  addons: { id: string; slug: string; unit: 'flat' | 'per_agent' }[];
  /** Codes to apply; some are refused by design (exhausted, expired, or for another plan). */
  couponCodes: string[];
}

const LIMITS = (agents: number, messages: number) => ({ max_agents: agents, max_contacts: 50_000, max_messages_month: messages, max_channels: 5, max_ai_agents: 1 });

export async function createCatalog(api: ApiClient, tenants: number, startsAt: Date): Promise<TCatalog> {
  const created = async (path: string, body: object) => {
    const answer = await api.post<{ id: string }>(`${API}${path}`, body);
    if (answer.status !== 201) throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.id;
  };
  const plans = [
    { slug: 'sim-starter', name: 'Starter', base_price_monthly: 299_000, per_agent_price: 49_000, overage_message_price: 200, limits: LIMITS(3, 5_000) },
    { slug: 'sim-growth', name: 'Growth', base_price_monthly: 799_000, per_agent_price: 79_000, overage_message_price: 150, limits: LIMITS(10, 25_000) },
    { slug: 'sim-scale', name: 'Scale', base_price_monthly: 1_999_000, per_agent_price: 99_000, overage_message_price: 100, limits: LIMITS(25, 100_000) },
  ];
  const planIds: TCatalog['plans'] = [];
  for (const [rank, plan] of plans.entries()) planIds.push({ id: await created('/plans', { ...plan, features: { ai_agent: rank > 0, api_access: true } }), slug: plan.slug, rank });
  const addons: TCatalog['addons'] = [
    { id: await created('/addons', { name: 'Extra WhatsApp number', slug: 'sim-whatsapp', price_monthly: 150_000 }), slug: 'sim-whatsapp', unit: 'flat' },
    { id: await created('/addons', { name: 'AI assist per agent', slug: 'sim-ai-assist', price_monthly: 25_000, unit: 'per_agent' }), slug: 'sim-ai-assist', unit: 'per_agent' },
  ];
  const month = 30 * 86_400_000;
  const coupons = [
    { code: 'SIMWELCOME20', discount_type: 'percentage', discount_value: 20, duration: 'forever', max_uses: tenants },
    // Few uses: most applications after the first ones are refused (max_uses), never over-counted.
    { code: 'SIMHEMAT100K', discount_type: 'fixed', discount_value: 100_000, currency: 'IDR', duration: 'repeating', duration_in_cycles: 3, max_uses: Math.max(2, Math.ceil(tenants / 50)) },
    // Growth only: refused on the other plans.
    { code: 'SIMGROWTH15', discount_type: 'percentage', discount_value: 15, duration: 'once', applicable_plans: [planIds[1]!.id] },
    // Valid for the first two months only: refused afterwards.
    { code: 'SIMLAUNCH', discount_type: 'percentage', discount_value: 10, duration: 'repeating', duration_in_cycles: 2, valid_until: new Date(startsAt.getTime() + 2 * month).toISOString() },
  ];
  for (const coupon of coupons) await created('/coupons', coupon);
  return { plans: planIds, addons, couponCodes: coupons.map((coupon) => coupon.code) };
}
