import { callRoute, type CallOptions, type CallResult } from './call-route';

type Handler<P> = Parameters<typeof callRoute<P>>[0];

/** callRoute with one caller's credentials attached, for terse API tests. */
export function apiAs(authorization: string) {
  return function call<P>(handler: Handler<P>, options: CallOptions<P> = {}): Promise<CallResult> {
    return callRoute(handler, { ...options, headers: { authorization, ...options.headers } });
  };
}
