import { describe, expect, it } from 'vitest';
import { providerName } from './provider-name';

describe('providerName', () => {
  it('writes each provider as people do', () => {
    expect([providerName('manual'), providerName('xendit'), providerName('stripe')]).toEqual(['Manual', 'Xendit', 'Stripe']);
  });
});
