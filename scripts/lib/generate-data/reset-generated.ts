import { ORGANIZATION_SLUG_PREFIX } from './session-functions';

/**
 * Removes what earlier runs generated: the `gen-` tenants and everything hanging off them,
 * including rows the app added since (an invoice issued, a refund made in the console), and gives
 * their coupon uses back. The generated catalog (gen- plans and add-ons, GEN- coupons) stays, to be
 * reused.
 *
 * Deleting millions of rows one by one (with a foreign-key check each) took minutes; instead the
 * rows to keep (the demo's, the app's) are copied aside, the ten tenant tables truncated
 * together, and the keepers put back: seconds, and the new rows land in fresh tables, as unbloated
 * as a real history. TRUNCATE is transactional: a failed run restores everything.
 */
const TENANT_TABLES = ['organizations', 'subscriptions', 'subscription_addons', 'invoices', 'invoice_lines', 'payments', 'refunds', 'credit_notes', 'coupon_redemptions', 'usage_events'];

export const RESET_GENERATED_SQL = `
CREATE TEMP TABLE keep_organizations ON COMMIT DROP AS
SELECT * FROM organizations WHERE slug NOT LIKE '${ORGANIZATION_SLUG_PREFIX}%';
CREATE TEMP TABLE keep_subscriptions ON COMMIT DROP AS
SELECT * FROM subscriptions WHERE organization_id IN (SELECT id FROM keep_organizations);
CREATE TEMP TABLE keep_subscription_addons ON COMMIT DROP AS
SELECT * FROM subscription_addons WHERE subscription_id IN (SELECT id FROM keep_subscriptions);
CREATE TEMP TABLE keep_invoices ON COMMIT DROP AS
SELECT * FROM invoices WHERE subscription_id IN (SELECT id FROM keep_subscriptions);
CREATE TEMP TABLE keep_invoice_lines ON COMMIT DROP AS
SELECT * FROM invoice_lines WHERE invoice_id IN (SELECT id FROM keep_invoices);
CREATE TEMP TABLE keep_payments ON COMMIT DROP AS
SELECT * FROM payments WHERE invoice_id IN (SELECT id FROM keep_invoices);
CREATE TEMP TABLE keep_refunds ON COMMIT DROP AS
SELECT * FROM refunds WHERE invoice_id IN (SELECT id FROM keep_invoices);
CREATE TEMP TABLE keep_credit_notes ON COMMIT DROP AS
SELECT * FROM credit_notes WHERE invoice_id IN (SELECT id FROM keep_invoices);
CREATE TEMP TABLE keep_coupon_redemptions ON COMMIT DROP AS
SELECT * FROM coupon_redemptions
 WHERE (subscription_id IS NULL OR subscription_id IN (SELECT id FROM keep_subscriptions))
   AND organization_id IN (SELECT id FROM keep_organizations);
CREATE TEMP TABLE keep_usage_events ON COMMIT DROP AS
SELECT * FROM usage_events WHERE organization_id IN (SELECT id FROM keep_organizations);

UPDATE coupons c SET current_uses = c.current_uses - gone.uses
  FROM (SELECT coupon_id, count(*)::int AS uses FROM coupon_redemptions
         WHERE id NOT IN (SELECT id FROM keep_coupon_redemptions) GROUP BY coupon_id) gone
 WHERE c.id = gone.coupon_id;

TRUNCATE ${TENANT_TABLES.join(', ')};
${TENANT_TABLES.map((table) => `INSERT INTO ${table} SELECT * FROM keep_${table};`).join('\n')}
`;

export const COUNT_GENERATED_SQL = `SELECT count(*)::int AS organizations FROM organizations WHERE slug LIKE '${ORGANIZATION_SLUG_PREFIX}%'`;
