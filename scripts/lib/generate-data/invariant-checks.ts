import type pg from 'pg';
import { COUNT_STALE_CURRENT_SUBSCRIPTIONS_SQL } from '@/lib/billing/organizations/current-subscription';

/**
 * The rules the app relies on, each as a query counting the rows that break it: 0 everywhere
 * means the data is consistent. Run over the whole database (seeded, generated and app-made rows
 * alike), so they double as a check that generated rows sit well beside the others. The generator
 * skips foreign-key triggers as superuser (bulk-load-mode.ts): the anti-joins here stand in.
 */
export const INVARIANT_CHECKS: Record<string, string> = {
  // Kept by triggers on subscriptions, which fire even while the generator skips foreign-key triggers (ENABLE ALWAYS).
  'an organization\'s current_subscription_id is its current subscription (live, else latest)': COUNT_STALE_CURRENT_SUBSCRIPTIONS_SQL,
  'invoice total is the sum of its lines': `
    SELECT count(*) FROM invoices i
      LEFT JOIN (SELECT invoice_id, sum(amount) AS amount FROM invoice_lines GROUP BY invoice_id) l ON l.invoice_id = i.id
     WHERE l.amount IS DISTINCT FROM i.total`,
  // A `credit` line (the unused days of a replaced period, SPEC §10) counts in the subtotal.
  'subtotal − discount + tax = total, and the lines say the same': `
    SELECT count(*) FROM invoices i
      JOIN (SELECT invoice_id,
                   sum(amount) FILTER (WHERE kind IN ('plan_base', 'per_agent', 'overage', 'addon', 'credit')) AS charges,
                   COALESCE(sum(amount) FILTER (WHERE kind = 'discount'), 0) AS discount,
                   COALESCE(sum(amount) FILTER (WHERE kind = 'tax'), 0) AS tax
              FROM invoice_lines GROUP BY invoice_id) l ON l.invoice_id = i.id
     WHERE i.subtotal - i.discount_total + i.tax_total <> i.total
        OR l.charges <> i.subtotal OR -l.discount <> i.discount_total OR l.tax <> i.tax_total`,
  // issueInvoice counts positions from 0, the seeds from 1: either way without gaps.
  'line positions run 1…n': `
    SELECT count(*) FROM (SELECT invoice_id FROM invoice_lines GROUP BY invoice_id
                          HAVING min(position) NOT IN (0, 1) OR max(position) - min(position) + 1 <> count(*)) x`,
  // A pending refund keeps its reservation until it settles (SPEC §12): it counts as refunded.
  'amount_refunded is the sum of succeeded and pending refunds': `
    SELECT count(*) FROM invoices i
      LEFT JOIN (SELECT invoice_id, sum(amount) AS amount FROM refunds WHERE status IN ('succeeded', 'pending') GROUP BY invoice_id) r ON r.invoice_id = i.id
     WHERE COALESCE(r.amount, 0) <> i.amount_refunded`,
  'status matches the amounts and dates': `
    SELECT count(*) FROM invoices WHERE NOT CASE status
      WHEN 'draft' THEN issued_at IS NULL AND paid_at IS NULL AND amount_paid = 0
      WHEN 'open' THEN issued_at IS NOT NULL AND paid_at IS NULL AND amount_paid = 0 AND voided_at IS NULL
      WHEN 'void' THEN voided_at > issued_at AND paid_at IS NULL AND amount_paid = 0
      WHEN 'paid' THEN paid_at > issued_at AND amount_paid = total AND amount_refunded = 0
      WHEN 'partially_refunded' THEN paid_at > issued_at AND amount_paid = total AND amount_refunded > 0 AND amount_refunded < amount_paid
      WHEN 'refunded' THEN paid_at > issued_at AND amount_paid = total AND amount_refunded = amount_paid
    END`,
  'a paid invoice has one payment of its total, an unpaid one none': `
    SELECT count(*) FROM invoices i
      LEFT JOIN (SELECT invoice_id, count(*) AS n, sum(amount) AS amount, min(paid_at) AS paid_at FROM payments GROUP BY invoice_id) p ON p.invoice_id = i.id
     WHERE CASE WHEN i.paid_at IS NULL THEN p.n IS NOT NULL
                ELSE p.n IS DISTINCT FROM 1 OR p.amount <> i.amount_paid OR p.paid_at <> i.paid_at END`,
  'refunds come after the payment, before now, in the invoice currency': `
    SELECT count(*) FROM refunds r JOIN invoices i ON i.id = r.invoice_id
     WHERE r.created_at <= i.paid_at OR r.created_at > now() OR r.currency <> i.currency`,
  'a discounted invoice\'s organization redeemed that coupon (one redemption per coupon and organization)': `
    SELECT count(*) FROM invoices i
      LEFT JOIN coupon_redemptions cr ON cr.coupon_id = i.coupon_id AND cr.organization_id = i.organization_id
     WHERE i.discount_total > 0 AND cr.id IS NULL`,
  'current_uses counts the redemptions': `
    SELECT count(*) FROM coupons c
      LEFT JOIN (SELECT coupon_id, count(*) AS n FROM coupon_redemptions GROUP BY coupon_id) r ON r.coupon_id = c.id
     WHERE c.current_uses <> COALESCE(r.n, 0)`,
  // SPEC §10: validity is checked when the coupon is applied (redeemed); its cycles then discount
  // the invoices that follow, past its window too. Eligibility is the invoiced plan's.
  'a coupon discounting an invoice was redeemed inside its window, for an eligible plan and currency': `
    SELECT count(*) FROM invoices i
      JOIN coupons c ON c.id = i.coupon_id
      JOIN coupon_redemptions cr ON cr.coupon_id = c.id AND cr.organization_id = i.organization_id
     WHERE cr.redeemed_at < c.valid_from
        OR cr.redeemed_at > c.valid_until
        OR (cardinality(c.applicable_plans) > 0 AND NOT i.plan_id = ANY (c.applicable_plans))
        OR (c.discount_type = 'fixed' AND c.currency <> i.currency)`,
  'an invoice belongs to its subscription: same tenant, currency, inside its life': `
    SELECT count(*) FROM invoices i JOIN subscriptions s ON s.id = i.subscription_id
     WHERE i.organization_id <> s.organization_id OR i.currency <> s.currency
        OR i.period_start < s.started_at OR i.period_start > COALESCE(s.cancelled_at, now())`,
  'created_at is the issue time, or the period start (+1 h) for a draft': `
    SELECT count(*) FROM invoices
     WHERE created_at <> COALESCE(issued_at, LEAST(period_start + interval '1 hour', created_at)) OR created_at > now()`,
  'a subscription is cancelled exactly when it has a cancellation date': `
    SELECT count(*) FROM subscriptions
     WHERE (status = 'cancelled') <> (cancelled_at IS NOT NULL) OR cancelled_at <= started_at
        OR current_period_start >= current_period_end OR started_at > now()`,
  'every reference points at a row (foreign keys)': `
    SELECT (SELECT count(*) FROM subscriptions s WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = s.organization_id))
         + (SELECT count(*) FROM subscriptions s WHERE NOT EXISTS (SELECT 1 FROM plans p WHERE p.id = s.plan_id))
         + (SELECT count(*) FROM subscriptions s WHERE s.coupon_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM coupons c WHERE c.id = s.coupon_id))
         + (SELECT count(*) FROM subscription_addons sa WHERE NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = sa.subscription_id)
                                                          OR NOT EXISTS (SELECT 1 FROM addons a WHERE a.id = sa.addon_id))
         + (SELECT count(*) FROM invoices i WHERE NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = i.subscription_id)
                                              OR NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = i.organization_id)
                                              OR (i.coupon_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM coupons c WHERE c.id = i.coupon_id)))
         + (SELECT count(*) FROM invoice_lines l WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.id = l.invoice_id)
                                                   OR (l.addon_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM addons a WHERE a.id = l.addon_id)))
         + (SELECT count(*) FROM payments p WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.id = p.invoice_id))
         + (SELECT count(*) FROM refunds r WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.id = r.invoice_id)
                                            OR (r.actor_user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = r.actor_user_id)))
         + (SELECT count(*) FROM coupon_redemptions cr WHERE NOT EXISTS (SELECT 1 FROM coupons c WHERE c.id = cr.coupon_id)
                                                         OR (cr.subscription_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = cr.subscription_id))
                                                         OR (cr.organization_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = cr.organization_id)))`,
};

/** The checks that found rows breaking their rule, with how many; empty when all hold. */
export async function findInvariantViolations(client: pg.ClientBase): Promise<Record<string, number>> {
  const violations: Record<string, number> = {};
  for (const [rule, sql] of Object.entries(INVARIANT_CHECKS)) {
    const { rows } = await client.query<Record<string, string>>(sql);
    const count = Number(Object.values(rows[0] ?? {})[0] ?? 0);
    if (count > 0) violations[rule] = count;
  }
  return violations;
}
