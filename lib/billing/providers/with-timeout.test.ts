import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProviderTimeoutError, withTimeout } from './with-timeout';

afterEach(() => {
  vi.useRealTimers();
});

describe('withTimeout', () => {
  it('answers with the provider\'s answer when it comes in time, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    await expect(withTimeout(Promise.resolve('re_1'), 1000)).resolves.toBe('re_1');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes the provider\'s own failure through unchanged', async () => {
    const failure = new Error('card_declined');
    await expect(withTimeout(Promise.reject(failure), 1000)).rejects.toBe(failure);
  });

  it('gives up with a ProviderTimeoutError naming the wait once `ms` has passed, not before', async () => {
    vi.useFakeTimers();
    let settled = false;
    const result = withTimeout(new Promise<string>(() => {}), 5000).finally(() => {
      settled = true;
    });
    const outcome = expect(result).rejects.toThrow(new ProviderTimeoutError('No answer from the provider within 5000 ms.'));
    await vi.advanceTimersByTimeAsync(4999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    await expect(result).rejects.toBeInstanceOf(ProviderTimeoutError);
    expect(vi.getTimerCount()).toBe(0);
  });
});
