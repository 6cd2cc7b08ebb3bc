import { randomUUID } from 'node:crypto';
import type { TFakeMode } from './fake-http';

export type TFakeRefundStatus = 'pending' | 'succeeded' | 'failed';

export interface TFakeRefund {
  id: string;
  idempotencyKey: string;
  paymentId: string;
  /** In the provider's unit. */
  amount: number;
  currency: string;
  status: TFakeRefundStatus;
  failureCode: string | null;
  metadata: Record<string, string>;
  created: Date;
}

/**
 * What a fake provider knows: its refunds by id and by idempotency key, and (when a test says so)
 * the payments it took, so over-refunds are refused the way the real provider refuses them.
 * `createdPerKey` counts refunds created per key: one, however often a key is retried.
 */
export class FakeRefundBook {
  readonly refunds = new Map<string, TFakeRefund>();
  readonly byKey = new Map<string, TFakeRefund>();
  readonly createdPerKey = new Map<string, number>();
  /** Payment id → amount paid, in the provider's unit. Unknown payments take any refund. */
  readonly payments = new Map<string, number>();
  requests = 0;

  constructor(private readonly prefix: string) {}

  /** What is left to refund on a payment it knows (null: unknown payment). */
  remaining(paymentId: string): number | null {
    const paid = this.payments.get(paymentId);
    if (paid === undefined) return null;
    let refunded = 0;
    for (const refund of this.refunds.values()) if (refund.paymentId === paymentId && refund.status !== 'failed') refunded += refund.amount;
    return paid - refunded;
  }

  create(fields: Omit<TFakeRefund, 'id' | 'created' | 'failureCode'>): TFakeRefund {
    const refund: TFakeRefund = { ...fields, id: `${this.prefix}${randomUUID().replace(/-/g, '').slice(0, 24)}`, created: new Date(), failureCode: null };
    this.refunds.set(refund.id, refund);
    this.byKey.set(refund.idempotencyKey, refund);
    this.createdPerKey.set(refund.idempotencyKey, (this.createdPerKey.get(refund.idempotencyKey) ?? 0) + 1);
    return refund;
  }

  /**
   * A refund made as the fake's `mode` says, the same for every fake: `succeed` and `slow` succeed at
   * once, `fail` fails with the provider's `failureCode`, `pending_then_webhook` stays pending and is
   * settled `afterMs` later by `settle` (which sends the provider's callback); the rest stay pending.
   */
  createAsMode(fields: Omit<TFakeRefund, 'id' | 'created' | 'failureCode' | 'status'>, mode: TFakeMode, failureCode: string, settle: (refundId: string, status: 'succeeded' | 'failed') => Promise<unknown>): TFakeRefund {
    const refund = this.create({ ...fields, status: 'pending' });
    if (mode.kind === 'succeed' || mode.kind === 'slow') refund.status = 'succeeded';
    if (mode.kind === 'fail') Object.assign(refund, { status: 'failed', failureCode });
    if (mode.kind === 'pending_then_webhook') setTimeout(() => void settle(refund.id, mode.outcome).catch(() => {}), mode.afterMs);
    return refund;
  }

  /** Makes a refund final (a test, or a delayed callback): its status and, failed, the provider's code. */
  settle(refundId: string, status: Exclude<TFakeRefundStatus, 'pending'>, failureCode: string): TFakeRefund {
    const refund = this.refunds.get(refundId);
    if (!refund) throw new Error(`The fake provider has no refund ${refundId}.`);
    refund.status = status;
    refund.failureCode = status === 'failed' ? failureCode : null;
    return refund;
  }

  /** Refunds created in all, and the most created under one key (1 when idempotency held). */
  counts(): { refunds: number; maxPerKey: number } {
    return { refunds: this.refunds.size, maxPerKey: Math.max(0, ...this.createdPerKey.values()) };
  }
}
