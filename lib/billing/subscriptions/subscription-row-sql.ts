import { Prisma, type Addon, type Coupon, type Plan, type Subscription } from '@/lib/generated/prisma/client';
import type { TSubscriptionRow } from './subscription-dto';

/**
 * A subscription with its plan, coupon and add-ons (TSubscriptionRow, what SUBSCRIPTION_INCLUDE
 * loads) as one jsonb value built by PostgreSQL, and back: for statements that read the row
 * together with something else in one round trip (lockSubscriptionWith). numeric columns travel as
 * text (a JSON number would pass through a double), timestamps as jsonb's ISO text.
 *
 * Each model's column list is typed against Prisma's model type: a column added to the schema and
 * not here is a compile error, so the row read here is the row Prisma would read.
 */
type TKind = 'decimal' | 'date' | 'value';
type TColumns<T> = { readonly [K in keyof Required<T>]: readonly [column: string, kind: TKind] };

export const SUBSCRIPTION_COLUMNS: TColumns<Subscription> = {
  id: ['id', 'value'], organizationId: ['organization_id', 'value'], planId: ['plan_id', 'value'], status: ['status', 'value'],
  billingCycle: ['billing_cycle', 'value'], currency: ['currency', 'value'], agentCount: ['agent_count', 'value'], couponId: ['coupon_id', 'value'],
  couponCyclesUsed: ['coupon_cycles_used', 'value'], startedAt: ['started_at', 'date'], billingAnchor: ['billing_anchor', 'date'],
  currentPeriodStart: ['current_period_start', 'date'], currentPeriodEnd: ['current_period_end', 'date'], cancelledAt: ['cancelled_at', 'date'],
  usageBilledUntil: ['usage_billed_until', 'date'], cancelAtPeriodEnd: ['cancel_at_period_end', 'value'], cancelReason: ['cancel_reason', 'value'],
  pendingChange: ['pending_change', 'value'], createdAt: ['created_at', 'date'], updatedAt: ['updated_at', 'date'],
};

const PLAN_COLUMNS: TColumns<Plan> = {
  id: ['id', 'value'], name: ['name', 'value'], slug: ['slug', 'value'], currency: ['currency', 'value'],
  basePriceMonthly: ['base_price_monthly', 'decimal'], basePriceAnnual: ['base_price_annual', 'decimal'], perAgentPrice: ['per_agent_price', 'decimal'],
  overageMessagePrice: ['overage_message_price', 'decimal'], limits: ['limits', 'value'], features: ['features', 'value'], isActive: ['is_active', 'value'],
  sortOrder: ['sort_order', 'value'], createdAt: ['created_at', 'date'], updatedAt: ['updated_at', 'date'],
};

const COUPON_COLUMNS: TColumns<Coupon> = {
  id: ['id', 'value'], code: ['code', 'value'], discountType: ['discount_type', 'value'], discountValue: ['discount_value', 'decimal'],
  currency: ['currency', 'value'], duration: ['duration', 'value'], durationInCycles: ['duration_in_cycles', 'value'], maxUses: ['max_uses', 'value'],
  currentUses: ['current_uses', 'value'], validFrom: ['valid_from', 'date'], validUntil: ['valid_until', 'date'], applicablePlans: ['applicable_plans', 'value'],
  isActive: ['is_active', 'value'], createdAt: ['created_at', 'date'], updatedAt: ['updated_at', 'date'],
};

const ADDON_COLUMNS: TColumns<Addon> = {
  id: ['id', 'value'], name: ['name', 'value'], slug: ['slug', 'value'], description: ['description', 'value'], currency: ['currency', 'value'],
  priceMonthly: ['price_monthly', 'decimal'], priceAnnual: ['price_annual', 'decimal'], unit: ['unit', 'value'], isActive: ['is_active', 'value'],
  sortOrder: ['sort_order', 'value'], createdAt: ['created_at', 'date'], updatedAt: ['updated_at', 'date'],
};

/** One row of `alias` as a jsonb object keyed by the model's field names. */
export function jsonbRowSql<T>(alias: string, columns: TColumns<T>): Prisma.Sql {
  const pairs = Object.entries<readonly [string, TKind]>(columns).map(([field, [column, kind]]) => `'${field}', ${alias}.${column}${kind === 'decimal' ? '::text' : ''}`);
  return Prisma.raw(`jsonb_build_object(${pairs.join(', ')})`);
}

/** The model row a jsonbRowSql object spells (null stays null). */
export function rowFromJson<T>(json: Record<string, unknown>, columns: TColumns<T>): T {
  const row: Record<string, unknown> = {};
  for (const [field, [, kind]] of Object.entries<readonly [string, TKind]>(columns)) {
    const value = json[field];
    row[field] = value === null || value === undefined || kind === 'value' ? (value ?? null) : kind === 'decimal' ? new Prisma.Decimal(value as string) : new Date(value as string);
  }
  return row as T;
}

/**
 * `s`'s subscription row with its relations as one jsonb value (the alias must be `s`). Add-ons in
 * SUBSCRIPTION_INCLUDE's order (created_at; ties by add-on id, so the order is stable).
 */
export const SUBSCRIPTION_ROW_JSONB = Prisma.raw(`jsonb_build_object(
  'row', ${jsonbRowSql('s', SUBSCRIPTION_COLUMNS).text},
  'plan', (SELECT ${jsonbRowSql('p', PLAN_COLUMNS).text} FROM plans p WHERE p.id = s.plan_id),
  'coupon', (SELECT ${jsonbRowSql('c', COUPON_COLUMNS).text} FROM coupons c WHERE c.id = s.coupon_id),
  'addons', (SELECT coalesce(jsonb_agg(jsonb_build_object('subscriptionId', sa.subscription_id, 'addonId', sa.addon_id, 'quantity', sa.quantity,
      'createdAt', sa.created_at, 'addon', ${jsonbRowSql('a', ADDON_COLUMNS).text}) ORDER BY sa.created_at, sa.addon_id), '[]'::jsonb)
    FROM subscription_addons sa JOIN addons a ON a.id = sa.addon_id WHERE sa.subscription_id = s.id))`);

/** Catalog rows read beside something else, in the same statement: a plan and add-ons by id, a coupon by code. */
export interface TCatalogPrefetch {
  planId?: string;
  addonIds?: readonly string[];
  couponCode?: string;
}

export interface TCatalogRows {
  plans: Plan[];
  addons: Addon[];
  /** The coupon with the code, or null (none asked for, or none has it). */
  coupon: Coupon | null;
}

/** The prefetch as three jsonb columns, `plans`, `addons` and `coupon` (NULL when not asked for). */
export function catalogColumnsSql(prefetch: TCatalogPrefetch): Prisma.Sql {
  const plans = prefetch.planId
    ? Prisma.sql`(SELECT jsonb_agg(${jsonbRowSql('p', PLAN_COLUMNS)}) FROM plans p WHERE p.id = ${prefetch.planId.toLowerCase()}::uuid)`
    : Prisma.sql`NULL::jsonb`;
  const addons = prefetch.addonIds?.length
    ? Prisma.sql`(SELECT jsonb_agg(${jsonbRowSql('a', ADDON_COLUMNS)}) FROM addons a WHERE a.id = ANY (${prefetch.addonIds.map((addonId) => addonId.toLowerCase())}::uuid[]))`
    : Prisma.sql`NULL::jsonb`;
  const coupon = prefetch.couponCode
    ? Prisma.sql`(SELECT ${jsonbRowSql('c', COUPON_COLUMNS)} FROM coupons c WHERE c.code = ${prefetch.couponCode.toUpperCase()})`
    : Prisma.sql`NULL::jsonb`;
  return Prisma.sql`${plans} AS plans, ${addons} AS addons, ${coupon} AS coupon`;
}

export interface TCatalogColumns {
  plans: Record<string, unknown>[] | null;
  addons: Record<string, unknown>[] | null;
  coupon: Record<string, unknown> | null;
}

export function catalogFromColumns(row: TCatalogColumns): TCatalogRows {
  return {
    plans: (row.plans ?? []).map((plan) => rowFromJson(plan, PLAN_COLUMNS)),
    addons: (row.addons ?? []).map((addon) => rowFromJson(addon, ADDON_COLUMNS)),
    coupon: row.coupon ? rowFromJson(row.coupon, COUPON_COLUMNS) : null,
  };
}

interface TRowJson {
  row: Record<string, unknown>;
  plan: Record<string, unknown>;
  coupon: Record<string, unknown> | null;
  addons: (Record<string, unknown> & { addon: Record<string, unknown> })[];
}

export function subscriptionRowFromJson(json: unknown): TSubscriptionRow {
  const { row, plan, coupon, addons } = json as TRowJson;
  return {
    ...rowFromJson(row, SUBSCRIPTION_COLUMNS),
    plan: rowFromJson(plan, PLAN_COLUMNS),
    coupon: coupon ? rowFromJson(coupon, COUPON_COLUMNS) : null,
    addons: addons.map((item) => ({
      subscriptionId: item.subscriptionId as string, addonId: item.addonId as string, quantity: item.quantity as number,
      createdAt: new Date(item.createdAt as string), addon: rowFromJson(item.addon, ADDON_COLUMNS),
    })),
  };
}
