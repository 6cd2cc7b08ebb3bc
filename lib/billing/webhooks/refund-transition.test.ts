import { describe, expect, it } from 'vitest';
import { refundTransition } from './refund-transition';

describe('refundTransition', () => {
  it('a pending refund settles either way, or learns its id while still pending', () => {
    expect(refundTransition('pending', 'succeeded', 'xendit', false)).toEqual({ kind: 'succeed' });
    expect(refundTransition('pending', 'failed', 'stripe', false)).toEqual({ kind: 'fail' });
    expect(refundTransition('pending', 'pending', 'stripe', false)).toEqual({ kind: 'note_reference' });
  });

  it('Stripe: failed after succeeded is a return', () => {
    expect(refundTransition('succeeded', 'failed', 'stripe', false)).toEqual({ kind: 'return' });
  });

  it('Xendit: failed after succeeded is not a thing; the final status stays', () => {
    expect(refundTransition('succeeded', 'failed', 'xendit', false).kind).toBe('ignore');
  });

  it('a final status is never replaced by an older one; duplicates change nothing', () => {
    expect(refundTransition('succeeded', 'succeeded', 'stripe', false)).toEqual({ kind: 'ignore', why: 'Already succeeded.' });
    expect(refundTransition('succeeded', 'pending', 'stripe', false).kind).toBe('ignore');
    expect(refundTransition('failed', 'succeeded', 'stripe', false)).toEqual({ kind: 'ignore', why: 'Already failed: an older succeeded changes nothing.' });
    expect(refundTransition('failed', 'succeeded', 'stripe', true)).toEqual({ kind: 'ignore', why: 'Already returned: an older succeeded changes nothing.' });
    expect(refundTransition('failed', 'pending', 'xendit', false).kind).toBe('ignore');
    expect(refundTransition('failed', 'failed', 'stripe', true)).toEqual({ kind: 'ignore', why: 'Already failed.' });
  });
});

describe('refundTransition: why an event is ignored', () => {
  it('names the provider that reported failed after succeeded', () => {
    expect(refundTransition('succeeded', 'failed', 'xendit', false)).toEqual({ kind: 'ignore', why: 'xendit reports failed after succeeded; a final status is kept.' });
  });
});
