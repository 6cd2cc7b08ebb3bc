import { db } from '@/lib/db';
import { moneyTextToJson } from '@/lib/money';
import type { TPlan, TPlanFeatures, TPlanLimits } from './schemas';

/**
 * Every plan, active and inactive, by sort_order then created_at (SPEC §3).
 *
 * A hot read (GET /plans, the console's plan pickers), so it is one typed raw statement rather
 * than findMany + planToDto: money leaves PostgreSQL as its exact numeric text and becomes a JSON
 * number only here, at the edge (moneyTextToJson: the number planToDto's moneyToJson gives), without
 * a Decimal per price on the way; the rows are the same, field for field (list-plans.int.test.ts compares both paths).
 */
export async function listPlans(): Promise<TPlan[]> {
  const rows = await db().$queryRaw<TPlanRow[]>`
    SELECT id::text, name, slug, currency,
           base_price_monthly::text, base_price_annual::text, per_agent_price::text, overage_message_price::text,
           limits, features, is_active, sort_order, created_at, updated_at
    FROM plans ORDER BY sort_order ASC, created_at ASC, id ASC`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    slug: row.slug,
    currency: row.currency as TPlan['currency'],
    base_price_monthly: moneyTextToJson(row.base_price_monthly),
    base_price_annual: moneyTextToJson(row.base_price_annual),
    per_agent_price: moneyTextToJson(row.per_agent_price),
    overage_message_price: moneyTextToJson(row.overage_message_price),
    limits: row.limits,
    features: row.features,
    is_active: row.is_active,
    sort_order: row.sort_order,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  }));
}

interface TPlanRow {
  id: string;
  name: string;
  slug: string;
  currency: string;
  /** numeric(18,4) as PostgreSQL spells it: exact. */
  base_price_monthly: string;
  base_price_annual: string;
  per_agent_price: string;
  overage_message_price: string;
  limits: TPlanLimits;
  features: TPlanFeatures;
  is_active: boolean;
  sort_order: number;
  created_at: Date;
  updated_at: Date;
}
