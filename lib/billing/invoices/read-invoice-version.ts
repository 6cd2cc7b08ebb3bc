import { Prisma } from '@/lib/generated/prisma/client';
import type { TScalarRead } from '@/lib/db/scalar-read';
import { isUuid } from '@/lib/http/parse';

/**
 * The version of one invoice's detail answer (getInvoiceOrThrow), for its entity tag, as a scalar
 * read (adminRoute folds it into an API key's admission statement): the row versions (xmin,
 * lib/db/row-versions.ts) of the invoice and of every row its answer shows — its lines, payments,
 * refunds with the user or API key that made each, credit notes, its organization (the name) and its
 * coupon (the code). A payment, a refund (reserved, settled or failed), a credit note, a void or a
 * rename of any of them changes it; one statement over primary keys and the child tables' invoice_id
 * indexes. NULL for no such invoice, and no read for a malformed id (the handler answers its own 404).
 */
export function invoiceVersionSql(id: string | undefined): TScalarRead | null {
  if (!id || !isUuid(id)) return null;
  return Prisma.sql`(
    SELECT concat_ws('|', i.xmin::text, o.xmin::text, c.xmin::text,
      (SELECT string_agg(l.id::text || '.' || l.xmin::text, ',' ORDER BY l.id) FROM invoice_lines l WHERE l.invoice_id = i.id),
      (SELECT string_agg(p.id::text || '.' || p.xmin::text, ',' ORDER BY p.id) FROM payments p WHERE p.invoice_id = i.id),
      (SELECT string_agg(r.id::text || '.' || r.xmin::text || '.' || coalesce(u.xmin::text, '') || '.' || coalesce(k.xmin::text, ''), ',' ORDER BY r.id)
         FROM refunds r LEFT JOIN users u ON u.id = r.actor_user_id LEFT JOIN api_keys k ON k.id = r.actor_api_key_id WHERE r.invoice_id = i.id),
      (SELECT string_agg(n.id::text || '.' || n.xmin::text, ',' ORDER BY n.id) FROM credit_notes n WHERE n.invoice_id = i.id)
    )
    FROM invoices i JOIN organizations o ON o.id = i.organization_id LEFT JOIN coupons c ON c.id = i.coupon_id
    WHERE i.id = ${id}::uuid)`;
}
