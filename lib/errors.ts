/**
 * Errors are values with codes (STYLE rule 3): operations throw a BillingError, the route and
 * action wrappers turn it into a status and a problem+json body. Never match on message text.
 */
export interface FieldError {
  path: string;
  message: string;
}

export class BillingError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: { errors?: FieldError[]; extra?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'BillingError';
  }
}

export const badRequest = (code: string, message: string, errors?: FieldError[]) =>
  new BillingError(400, code, message, { errors });

export const validationFailed = (errors: FieldError[]) =>
  new BillingError(400, 'validation_failed', describeFieldErrors(errors), { errors });

export const notFound = (entity: string) => new BillingError(404, 'not_found', `No ${entity} has this id.`);

export const conflict = (code: string, message: string, extra?: Record<string, unknown>, errors?: FieldError[]) =>
  new BillingError(409, code, message, { extra, errors });

export const unprocessable = (code: string, message: string, extra?: Record<string, unknown>) =>
  new BillingError(422, code, message, { extra });

export const unauthenticated = (message = 'Sign in or send a valid API key as `Authorization: Bearer <key>`.') =>
  new BillingError(401, 'unauthenticated', message, { headers: { 'WWW-Authenticate': 'Bearer realm="billing"' } });

export const forbidden = () =>
  new BillingError(403, 'forbidden', 'Only super-admins may use the billing console and its API.');

function describeFieldErrors(errors: FieldError[]): string {
  const first = errors[0];
  if (!first) return 'The request is invalid.';
  const rest = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${first.path ? `${first.path}: ` : ''}${first.message}${rest}`;
}
