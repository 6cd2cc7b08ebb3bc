import { randomUUID } from 'node:crypto';
import * as organizations from '@/app/api/v1/admin/billing/organizations/route';
import * as subscriptions from '@/app/api/v1/admin/billing/subscriptions/route';
import * as member from '@/app/api/v1/admin/billing/subscriptions/[id]/route';
import * as change from '@/app/api/v1/admin/billing/subscriptions/[id]/change/route';
import * as preview from '@/app/api/v1/admin/billing/subscriptions/[id]/change/preview/route';
import * as changeCancel from '@/app/api/v1/admin/billing/subscriptions/[id]/change/cancel/route';
import * as coupon from '@/app/api/v1/admin/billing/subscriptions/[id]/coupon/route';
import * as couponRemove from '@/app/api/v1/admin/billing/subscriptions/[id]/coupon/remove/route';
import * as cancel from '@/app/api/v1/admin/billing/subscriptions/[id]/cancel/route';
import * as reactivate from '@/app/api/v1/admin/billing/subscriptions/[id]/reactivate/route';
import { db } from '@/lib/db';
import { credentialsFor } from './actors';
import { apiAs } from './api-client';

/**
 * A catalog of its own for customer-hub tests (unique slugs and codes per call) and the REST calls
 * an operator makes on a customer, as one super-admin.
 *
 * Starter: Rp 310.000 a month (3.100.000 a year), 3 agents included, Rp 50.000 per extra agent.
 * Growth: Rp 620.000 a month (6.200.000 a year), 5 included, Rp 40.000 per extra agent.
 * Add-ons: WhatsApp (flat) Rp 93.000 a month; AI assist (per agent) Rp 10.000 a month.
 */
export async function customerHub() {
  const api = apiAs((await credentialsFor('super_admin')).bearer);
  const tag = randomUUID().slice(0, 8);
  const limits = (agents: number) => ({ max_agents: agents, max_contacts: null, max_messages_month: 10_000, max_channels: null, max_ai_agents: null });
  const features = { ai_agent: false, api_access: false, dedicated_support: false };
  const plan = async (name: string, monthly: number, perAgent: number, agents: number) =>
    db().plan.create({ data: { name, slug: `${name.toLowerCase()}-${tag}`, currency: 'IDR', basePriceMonthly: String(monthly), basePriceAnnual: String(monthly * 10), perAgentPrice: String(perAgent), overageMessagePrice: '100', limits: limits(agents), features } });
  const starter = await plan('Starter', 310_000, 50_000, 3);
  const growth = await plan('Growth', 620_000, 40_000, 5);
  const addon = async (name: string, unit: 'flat' | 'per_agent', monthly: number) =>
    db().addon.create({ data: { name, slug: `${name.toLowerCase().replace(/\s/g, '-')}-${tag}`, unit, priceMonthly: String(monthly), priceAnnual: String(monthly * 10) } });
  const whatsapp = await addon('WhatsApp', 'flat', 93_000);
  const ai = await addon('AI assist', 'per_agent', 10_000);

  let coupons = 0;
  const makeCoupon = (data: { percent?: number; fixed?: number; duration?: 'once' | 'repeating' | 'forever'; cycles?: number; maxUses?: number; plans?: string[] } = {}) =>
    db().coupon.create({
      data: {
        code: `H${tag.toUpperCase()}${++coupons}`, discountType: data.fixed ? 'fixed' : 'percentage', discountValue: String(data.fixed ?? data.percent ?? 20),
        currency: data.fixed ? 'IDR' : null, duration: data.duration ?? 'forever', durationInCycles: data.cycles ?? null, maxUses: data.maxUses ?? null,
        applicablePlans: data.plans ?? [], validFrom: new Date('2020-01-01T00:00:00Z'),
      },
    });

  let orgs = 0;
  const createOrganization = async () => {
    const slug = `hub-${tag}-${++orgs}`;
    const result = await api(organizations.POST, { method: 'POST', body: { name: `Hub ${tag} ${orgs}`, slug, billing_email: `billing@${slug}.test`, country: 'ID' } });
    if (result.status !== 201) throw new Error(`organization: ${result.status} ${result.text}`);
    return result.body.id as string;
  };
  const subscribe = (body: Record<string, unknown>) => api(subscriptions.POST, { method: 'POST', body });
  const subscribed = async (body: Record<string, unknown> = {}) => {
    const result = await subscribe({ organization_id: await createOrganization(), plan_id: starter.id, billing_cycle: 'monthly', agent_count: 2, ...body });
    if (result.status !== 201) throw new Error(`subscribe: ${result.status} ${result.text}`);
    return result.body as { id: string; organization_id: string } & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted by tests
  };
  const post = (handler: typeof change.POST, id: string, body?: unknown) => api(handler, { method: 'POST', params: { id }, body });
  return {
    api, starter, growth, whatsapp, ai, makeCoupon, createOrganization, subscribe, subscribed,
    get: (id: string) => api(member.GET, { params: { id } }),
    change: (id: string, body: unknown) => post(change.POST, id, body),
    preview: (id: string, body: unknown) => post(preview.POST, id, body),
    cancelChange: (id: string) => post(changeCancel.POST, id),
    applyCoupon: (id: string, code: string) => post(coupon.POST, id, { code }),
    removeCoupon: (id: string) => post(couponRemove.POST, id),
    cancel: (id: string, body: unknown) => post(cancel.POST, id, body),
    reactivate: (id: string) => post(reactivate.POST, id),
  };
}
