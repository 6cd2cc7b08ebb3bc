import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { InvoiceStatus } from '@/lib/generated/prisma/enums';

let sequence = 0;

/** An organization with a subscription to a fresh plan: the smallest world an invoice needs. */
export async function createSubscriptionFixture(currency = 'IDR') {
  const tag = `${Date.now().toString(36)}-${++sequence}-${randomUUID().slice(0, 6)}`;
  const plan = await db().plan.create({
    data: {
      name: `Plan ${tag}`, slug: `plan-${tag}`, currency, basePriceMonthly: '100000', basePriceAnnual: '1000000', perAgentPrice: '10000', overageMessagePrice: '100',
      limits: { max_agents: 2, max_contacts: null, max_messages_month: 1000, max_channels: null, max_ai_agents: null },
      features: { ai_agent: false, api_access: false, dedicated_support: false },
    },
  });
  const organization = await db().organization.create({ data: { name: `Org ${tag}`, slug: `org-${tag}`, billingEmail: `billing@${tag}.test`, country: 'ID' } });
  const now = new Date();
  const subscription = await db().subscription.create({
    data: { organizationId: organization.id, planId: plan.id, billingCycle: 'monthly', currency, agentCount: 2, startedAt: now, currentPeriodStart: now, currentPeriodEnd: now },
  });
  return { plan, organization, subscription };
}

/** An invoice in `status` for `total` (fully paid when paid or refunded states), `taxTotal` of it PPN (default none). */
export async function createInvoiceFixture(options: { total?: string; taxTotal?: string; currency?: string; status?: InvoiceStatus; amountRefunded?: string; number?: string; issuedAt?: Date } = {}) {
  const { subscription, plan } = await createSubscriptionFixture(options.currency ?? 'IDR');
  const status = options.status ?? 'paid';
  const total = options.total ?? '111000';
  const paid = ['paid', 'partially_refunded', 'refunded'].includes(status);
  const issuedAt = options.issuedAt ?? new Date();
  const tax = options.taxTotal ?? '0';
  const base = new Prisma.Decimal(total).minus(tax).toFixed();
  return db().invoice.create({
    data: {
      number: options.number ?? `TEST-${Date.now().toString(36)}-${++sequence}`,
      organizationId: subscription.organizationId,
      subscriptionId: subscription.id,
      planId: plan.id,
      currency: subscription.currency,
      status,
      periodStart: issuedAt,
      periodEnd: issuedAt,
      subtotal: base,
      taxRate: tax === '0' ? '0' : '0.11',
      taxTotal: tax,
      total,
      amountPaid: paid ? total : '0',
      amountRefunded: options.amountRefunded ?? (status === 'refunded' ? total : '0'),
      issuedAt: status === 'draft' ? null : issuedAt,
      paidAt: paid ? issuedAt : null,
      createdAt: issuedAt,
      lines: {
        create: [
          { position: 0, kind: 'plan_base', description: 'Plan', quantity: 1, unitAmount: base, amount: base },
          ...(tax === '0' ? [] : [{ position: 1, kind: 'tax' as const, description: 'VAT 11%', quantity: 1, unitAmount: tax, amount: tax }]),
        ],
      },
    },
  });
}

/** A paid invoice whose payment came through `provider` (its provider payment id returned too). */
export async function createProviderPaidInvoice(provider: 'xendit' | 'stripe' | 'manual', options: { total?: string; taxTotal?: string; currency?: string } = {}) {
  const invoice = await createInvoiceFixture({ status: 'paid', total: options.total ?? '111000', taxTotal: options.taxTotal, currency: options.currency });
  const providerPaymentId = provider === 'manual' ? null : `${provider === 'stripe' ? 'pi_' : 'pr-'}${randomUUID().replace(/-/g, '')}`;
  await db().payment.create({
    data: {
      invoiceId: invoice.id, amount: invoice.total, currency: invoice.currency, method: provider === 'stripe' ? 'card' : 'virtual_account',
      provider, providerPaymentId, reference: `REF-${randomUUID()}`, paidAt: invoice.paidAt ?? new Date(),
    },
  });
  return { invoice, providerPaymentId };
}
