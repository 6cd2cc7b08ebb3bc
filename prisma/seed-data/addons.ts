import type { Prisma } from '../../lib/generated/prisma/client';
import { monthStart } from './calendar';
import { seedUuid } from './prng';

/** Demo add-ons, in rupiah; annual = monthly × 10 like the plans (SPEC §6 default). */
const ADDONS = [
  { slug: 'extra-whatsapp-number', name: 'Extra WhatsApp number', unit: 'flat', monthly: 150_000, description: 'One more WhatsApp Business number on the account.' },
  { slug: 'ai-credits-pack', name: 'AI credits pack', unit: 'flat', monthly: 250_000, description: '10.000 extra AI agent replies a month.' },
  { slug: 'priority-support', name: 'Priority support', unit: 'per_agent', monthly: 25_000, description: 'Four-hour response time, charged for every agent seat.' },
  { slug: 'extra-channel', name: 'Extra channel', unit: 'flat', monthly: 100_000, description: 'One more channel (Instagram, Telegram, web chat, email).' },
  { slug: 'advanced-analytics', name: 'Advanced analytics', unit: 'flat', monthly: 199_000, description: 'Agent performance and CSAT reports with exports.' },
] as const;

export const ADDON_SLUGS = ADDONS.map((addon) => addon.slug);

export function addonSeedRows(now: Date): Prisma.AddonCreateManyInput[] {
  const created = monthStart(now, -30);
  return ADDONS.map((addon, index) => ({
    id: seedUuid(`addon:${addon.slug}`),
    name: addon.name,
    slug: addon.slug,
    description: addon.description,
    currency: 'IDR',
    priceMonthly: String(addon.monthly),
    priceAnnual: String(addon.monthly * 10),
    unit: addon.unit,
    isActive: true,
    sortOrder: (index + 1) * 10,
    createdAt: created,
    updatedAt: created,
  }));
}
