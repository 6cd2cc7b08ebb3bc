import { listed, type TInvariant } from './invariant';

/** Every change the simulation made is in the audit log: each record created, each payment, refund, cancellation and clock move. */
export const auditInvariants: TInvariant[] = [
  {
    name: 'the audit log has an entry for every change',
    async check({ sql, clockMoves }) {
      const rows = await sql.$queryRaw<{ what: string; id: string }[]>`
        SELECT 'organization without organization.created' AS what, o.id::text FROM organizations o
          WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'organization' AND a.entity_id = o.id::text AND a.action = 'organization.created')
        UNION ALL SELECT 'subscription without subscription.created', s.id::text FROM subscriptions s
          WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'subscription' AND a.entity_id = s.id::text AND a.action = 'subscription.created')
        UNION ALL SELECT 'cancelled subscription without its cancellation', s.id::text FROM subscriptions s
          WHERE s.status = 'cancelled' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'subscription' AND a.entity_id = s.id::text AND a.action IN ('subscription.cancelled', 'subscription.ended'))
        UNION ALL SELECT 'invoice without invoice.issued', i.id::text FROM invoices i
          WHERE i.status <> 'draft' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'invoice' AND a.entity_id = i.id::text AND a.action = 'invoice.issued')
        UNION ALL SELECT 'invoice with fewer invoice.payment_recorded entries than payments', p.invoice_id::text FROM payments p GROUP BY p.invoice_id
          HAVING count(*) > (SELECT count(*) FROM audit_log a WHERE a.entity_type = 'invoice' AND a.entity_id = p.invoice_id::text AND a.action = 'invoice.payment_recorded')
        UNION ALL SELECT 'invoice with fewer refund entries than refunds', r.invoice_id::text FROM refunds r GROUP BY r.invoice_id
          HAVING count(*) > (SELECT count(*) FROM audit_log a WHERE a.entity_type = 'invoice' AND a.entity_id = r.invoice_id::text AND a.action IN ('invoice.refund_requested', 'invoice.refund_succeeded', 'invoice.refund_pending', 'invoice.refund_failed'))
        ORDER BY 1, 2`;
      const failures = listed(this.name, rows.map((row) => `${row.what}: ${row.id}`));
      if (clockMoves !== undefined) {
        const [moves] = await sql.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM audit_log WHERE action = 'test_clock.moved'`;
        if (moves!.count !== clockMoves) failures.push(`${this.name}: the clock moved ${clockMoves} times, the audit log has ${moves!.count} test_clock.moved entries`);
      }
      return failures;
    },
  },
];
