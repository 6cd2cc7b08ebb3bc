import type { BillingError } from '@/lib/errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface TProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { path: string; message: string }[];
  request_id?: string;
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** RFC 9457 problem details: `type` names the error code's documentation. */
export function problemBody(status: number, code: string, detail: string, extra: Partial<TProblem> = {}): TProblem {
  return {
    type: `/docs/errors#${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

export function problemResponse(body: TProblem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers },
  });
}

export function billingErrorToProblem(error: BillingError, requestId?: string): TProblem {
  return problemBody(error.status, error.code, error.message, {
    ...(error.options.errors ? { errors: error.options.errors } : {}),
    ...error.options.extra,
    ...(requestId ? { request_id: requestId } : {}),
  });
}
