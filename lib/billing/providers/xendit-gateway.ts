import { Xendit, XenditSdkError } from 'xendit-node';
import type { GatewayRefundRequest, GatewayRefundResult, PaymentGateway } from '@/lib/billing/refunds/payment-gateway';
import { toProviderAmount } from './provider-amount';
import { withTimeout } from './with-timeout';

export interface TXenditOptions {
  secretKey: string;
  /** `XENDIT_API_URL`: Xendit's API, or a local fake in tests and the demo. */
  baseUrl: string;
  timeoutMs: number;
}

/** Xendit refund as its API answers (snake_case JSON). */
export interface TXenditRefund {
  id: string;
  status: string;
  reference_id?: string;
  amount?: number;
  failure_code?: string | null;
}

// xendit-node 7.0.0's Refund deserializer drops `status` and `reason` (research-payment-providers.md
// §2a): the *Raw methods, private in its types but the SDK's own request path, give the raw JSON.
interface RawRefundApi {
  createRefundRaw(parameters: { idempotencyKey: string; data: Record<string, unknown> }): Promise<{ raw: Response }>;
  getRefundRaw(parameters: { refundID: string }): Promise<{ raw: Response }>;
}

/** Codes meaning Xendit's records and ours disagree: 409 with Xendit's words, not a plain decline. */
const REFUSALS = new Set(['MAXIMUM_REFUND_AMOUNT_REACHED', 'REFUND_IN_PROGRESS', 'DUPLICATE_ERROR', 'IDEMPOTENCY_ERROR']);

/**
 * Refunds through Xendit's official SDK: `POST /refunds` of the payment request, our refund id as
 * both the `idempotency-key` and the `reference_id`, the amount in whole rupiah. Xendit answers
 * PENDING and settles by webhook; 5xx, network errors and timeouts leave the refund pending for the
 * reconciler, which asks again with the same key (the SDK itself never retries).
 */
export function xenditGateway(options: TXenditOptions): PaymentGateway {
  const api = new Xendit({ secretKey: options.secretKey, xenditURL: options.baseUrl }).Refund as unknown as RawRefundApi;

  const create = async (request: GatewayRefundRequest): Promise<GatewayRefundResult> => {
    if (!request.providerPaymentId) return { status: 'failed', reason: 'The Xendit payment has no payment request id to refund.' };
    const data = {
      paymentRequestId: request.providerPaymentId,
      referenceId: request.refundId,
      amount: toProviderAmount('xendit', request.amount, request.currency),
      currency: request.currency,
      reason: 'REQUESTED_BY_CUSTOMER',
      metadata: { refund_id: request.refundId, invoice_id: request.invoiceId },
    };
    return answer(() => api.createRefundRaw({ idempotencyKey: request.refundId, data }));
  };

  const answer = async (call: () => Promise<{ raw: Response }>): Promise<GatewayRefundResult> => {
    try {
      const response = await withTimeout(call(), options.timeoutMs);
      return xenditRefundResult((await response.raw.json()) as TXenditRefund);
    } catch (error) {
      return xenditErrorResult(error);
    }
  };

  return {
    refund: create,
    async lookup(request) {
      const byId = (refundID: string) => answer(() => api.getRefundRaw({ refundID }));
      if (request.providerRefundId) return byId(request.providerRefundId);
      // Never reached Xendit, or its answer was lost: the same key returns the refund made, or makes it now.
      const made = await create(request);
      return made.status === 'pending' && made.reference ? byId(made.reference) : made;
    },
  };
}

/** Xendit's status → ours: SUCCEEDED and FAILED are final; anything else (PENDING, unknown) is not. */
export function xenditRefundResult(refund: TXenditRefund): GatewayRefundResult {
  const status = String(refund.status ?? '').toUpperCase();
  if (status === 'SUCCEEDED') return { status: 'succeeded', reference: refund.id };
  if (status === 'FAILED') return { status: 'failed', reason: `Xendit: ${refund.failure_code ?? 'refund failed'}`, reference: refund.id };
  return { status: 'pending', reference: refund.id ?? null };
}

function xenditErrorResult(error: unknown): GatewayRefundResult {
  const status = error instanceof XenditSdkError ? Number(error.status) : 0;
  if (error instanceof XenditSdkError && status >= 400 && status < 500 && status !== 429) {
    const code = String(error.errorCode ?? status);
    const message = String(error.errorMessage ?? 'refused');
    if (REFUSALS.has(code)) return { status: 'failed', reason: `Xendit ${code}: ${message}`, refusal: { code, message } };
    return { status: 'failed', reason: `Xendit ${code}: ${message}` };
  }
  // 5xx, 429, a network error or our timeout: Xendit may have the refund; the reconciler asks again.
  return { status: 'pending', reference: null };
}
