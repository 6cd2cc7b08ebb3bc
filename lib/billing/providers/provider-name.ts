import type { PaymentProvider } from '@/lib/generated/prisma/client';

const NAMES: Record<PaymentProvider, string> = { manual: 'Manual', xendit: 'Xendit', stripe: 'Stripe' };

/** A provider as people write it. */
export function providerName(provider: PaymentProvider): string {
  return NAMES[provider];
}
