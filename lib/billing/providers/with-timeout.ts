export class ProviderTimeoutError extends Error {}

/**
 * `promise`, or a ProviderTimeoutError after `ms`. For an SDK whose request takes no AbortSignal
 * (xendit-node 7): the request may still finish later, which is harmless — its refund is left
 * pending and settled by the webhook or the reconciler with the same idempotency key.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProviderTimeoutError(`No answer from the provider within ${ms} ms.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
