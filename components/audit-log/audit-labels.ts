import type { BadgeTone } from '@/components/ui/badge';
import type { TAuditEntityType, TAuditEntry } from '@/lib/audit/schemas';

export const ENTITY_LABELS: Record<TAuditEntityType, string> = {
  plan: 'Plan',
  coupon: 'Coupon',
  addon: 'Add-on',
  invoice: 'Invoice',
  api_key: 'API key',
  organization: 'Customer',
  subscription: 'Subscription',
  test_clock: 'Test clock',
};

/** The actions the operations write today, by entity type: the choices of the action filter. */
export const KNOWN_ACTIONS: Record<TAuditEntityType, string[]> = {
  plan: ['plan.created', 'plan.updated'],
  coupon: ['coupon.created', 'coupon.updated'],
  addon: ['addon.created', 'addon.updated'],
  invoice: ['invoice.issued', 'invoice.refund_requested', 'invoice.refund_succeeded', 'invoice.refund_pending', 'invoice.refund_failed', 'invoice.voided'],
  api_key: ['api_key.created', 'api_key.revoked'],
  organization: ['organization.created', 'organization.updated'],
  subscription: [
    'subscription.created', 'subscription.changed', 'subscription.change_scheduled', 'subscription.change_cancelled', 'subscription.coupon_applied',
    'subscription.coupon_removed', 'subscription.cancel_scheduled', 'subscription.cancelled', 'subscription.reactivated',
  ],
  test_clock: ['test_clock.moved'],
};

export const ACTOR_BADGES: Record<TAuditEntry['actor_type'], { label: string; tone: BadgeTone }> = {
  user: { label: 'User', tone: 'brand' },
  api_key: { label: 'API key', tone: 'violet' },
  system: { label: 'System', tone: 'neutral' },
};

/**
 * Where an entity lives in the console: catalog items and keys on their list pages (they have
 * no page of their own), an invoice on its detail page. Unknown types have no link.
 */
export function entityHref(entityType: string, entityId: string): string | null {
  switch (entityType) {
    case 'plan':
      return '/plans';
    case 'coupon':
      return '/coupons';
    case 'addon':
      return '/addons';
    case 'api_key':
      return '/api-keys';
    case 'invoice':
      return `/invoices/${encodeURIComponent(entityId)}`;
    case 'organization':
      return `/customers/${encodeURIComponent(entityId)}`;
    default:
      return null;
  }
}

export function entityTypeLabel(entityType: string): string {
  return ENTITY_LABELS[entityType as TAuditEntityType] ?? entityType;
}

/** What a person calls the entity (name, code or number as it was then), else its short id. */
export function entityName(entry: Pick<TAuditEntry, 'entity_id' | 'before' | 'after'>): string {
  for (const state of [entry.after, entry.before]) {
    for (const key of ['name', 'code', 'number']) {
      const value = state?.[key];
      if (typeof value === 'string' && value) return value;
    }
  }
  return entry.entity_id.slice(0, 8);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number) => String(value).padStart(2, '0');

/**
 * `25 Nov 2026, 14:05:09 UTC`: seconds matter when reading what happened in what order. UTC, as
 * the date filters are read, and formatted by hand so server and browser render the same text.
 */
export function formatAuditTime(iso: string): string {
  const date = new Date(iso);
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${time} UTC`;
}

/** A value exactly as the API wrote it: JSON (money stays 299000, a string keeps its quotes). */
export function formatAuditValue(value: unknown): string {
  return value === undefined ? '—' : JSON.stringify(value);
}
