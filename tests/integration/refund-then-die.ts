// A refund request whose process is killed (SIGKILL) between the reservation and the provider call:
// run by lib/billing/refunds/reconcile-refunds.int.test.ts as a child process. It goes through the
// same Idempotency-Key wrapper and refund operation as POST /invoices/{id}/refund (adminRoute's
// authentication is left out: next-auth does not load under plain tsx), as the API key actor the
// test passes (REFUND_ACTOR), with the path callRoute uses, so the test's retry has the same scope.
import type { TActor } from '@/lib/auth/actor';
import { refundInvoice } from '@/lib/billing/refunds/refund-invoice';
import { usePaymentGateway as installGateway } from '@/lib/billing/refunds/payment-gateway';
import { withIdempotency } from '@/lib/http/idempotency';

installGateway({
  async refund() {
    process.kill(process.pid, 'SIGKILL');
    return new Promise(() => {});
  },
});
const actor = JSON.parse(process.env.REFUND_ACTOR!) as TActor;
const body = { reason: 'Killed mid-refund', amount: 40000 };
const request = new Request('http://localhost:3000/api/v1/admin/billing', { method: 'POST', headers: { 'idempotency-key': process.env.REFUND_KEY! } });
await withIdempotency(request, actor, JSON.stringify(body), async () => Response.json(await refundInvoice(process.env.REFUND_INVOICE_ID!, body, actor), { status: 201 }));
console.error('the process should have died before this line');
process.exit(3);
