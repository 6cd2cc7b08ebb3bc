import { methodNotAllowed } from './method-not-allowed';

/** Marks the handlers of lib/http/other-methods.ts, so that tests listing a route's own handlers can tell them apart. */
const REFUSAL = Symbol.for('billing.method-refusal');

/** A handler for a method a route lacks: 405 problem+json with `Allow` (lib/http/method-not-allowed.ts). */
export function methodRefusal(): (request: Request) => Response {
  const refuse = (request: Request): Response => methodNotAllowed(request) ?? new Response(null, { status: 405 });
  return Object.assign(refuse, { [REFUSAL]: true });
}

/** Whether a route module's export is such a refusal rather than a handler of its own. */
export function isMethodRefusal(exported: unknown): boolean {
  return typeof exported === 'function' && (exported as unknown as Record<symbol, unknown>)[REFUSAL] === true;
}
