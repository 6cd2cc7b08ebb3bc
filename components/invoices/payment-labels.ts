const PAYMENT_METHOD_LABELS: Record<string, string> = {
  bank_transfer: 'Bank transfer',
  virtual_account: 'Virtual account',
  card: 'Card',
  qris: 'QRIS',
  ewallet: 'E-wallet',
  other: 'Other',
};

/** A payment method as people write it; one outside the known list is shown readably. */
export function paymentMethodLabel(method: string): string {
  const readable = method.replaceAll('_', ' ');
  return PAYMENT_METHOD_LABELS[method] ?? readable.charAt(0).toUpperCase() + readable.slice(1);
}
