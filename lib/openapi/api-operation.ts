import type { z } from 'zod';
import type { ZodObjectInput } from 'zod-openapi';
import type { TCsvExport } from '@/lib/http/respond-list';

export type THttpMethod = 'get' | 'post' | 'patch' | 'put';
/** Statuses an operation's own rules may add; the ones every route shares are added by buildOpenApiDocument. */
export type TOperationErrorStatus = 400 | 404 | 409 | 422;

/**
 * One documented operation: everything the document says about it comes from the schemas named
 * here, the very ones its route handler parses and its tests parse responses with.
 */
export interface TApiOperation {
  operationId: string;
  method: THttpMethod;
  /** Under the API's base path; `{id}` is a UUID path parameter (a non-UUID is 404, SPEC §3). */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** The object schema the handler parses the query string with (parseQuery). */
  query?: ZodObjectInput;
  /** The schema the handler's `body(…)` parses; documented in its input shape (before defaults and transforms). */
  body?: { schema: z.ZodType; example: unknown };
  /**
   * Documented in the schema's output shape: what the API sends (JSON unless `mediaType` says
   * otherwise: a PDF download, where `schema` describes the bytes sent as an attachment; a CSV list).
   */
  response: { status: 200 | 201; description: string; schema: z.ZodType; example?: unknown; mediaType?: 'application/pdf' | 'text/csv' };
  /**
   * A list that also answers as CSV (respondList): documented as an operation of its own, `GET <path>.csv`
   * (its route.ts re-exports this GET), so a generated client types this one's 200 as JSON only.
   * `errors`: codes only the CSV export has (e.g. 400 `export_too_large`).
   */
  csv?: TCsvExport & { errors?: TApiOperation['errors'] };
  /** Error codes of this operation's own rules, by status (e.g. 409 `slug_taken`). */
  errors?: Partial<Record<TOperationErrorStatus, string[]>>;
  /**
   * A GET with an entity tag (adminRoute's `version`, lib/http/conditional-get.ts): its 200 carries
   * `ETag` and `Cache-Control: private, no-cache`, it reads `If-None-Match`, and answers 304 on a match.
   */
  conditional?: boolean;
  /** SPEC §3: the route also accepts PUT as an alias of this PATCH; documented as an operation of its own. */
  putAlias?: boolean;
}
