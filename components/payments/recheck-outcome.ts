import type { TReconcileResult } from '@/lib/billing/refunds/reconcile-refunds';

/** What "recheck now" learned, in words: the reconciler's counts for the one refund asked about. */
export function recheckOutcome(result: TReconcileResult, refundId: string): { text: string; error: boolean } {
  const error = result.errors.find((entry) => entry.refund_id === refundId);
  if (error) return { text: `The provider could not be asked: ${error.message}`, error: true };
  if (result.succeeded) return { text: 'Succeeded at the provider: its credit note is issued.', error: false };
  if (result.failed) return { text: 'Failed at the provider: the amount is refundable again.', error: false };
  if (result.still_pending) return { text: 'Still pending at the provider.', error: false };
  return { text: 'Already settled, or being checked by the reconciler right now.', error: false };
}
