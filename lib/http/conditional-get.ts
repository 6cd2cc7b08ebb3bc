import { createHash } from 'node:crypto';

/**
 * Conditional GETs (RFC 9110 §8.8.3, §13.1.2, §15.4.5), for adminRoute's `version` option.
 *
 * A route names a cheap *version* of what its body is made of (one SQL statement over the rows'
 * versions: lib/db/row-versions.ts), never the body itself; the entity tag is a hash of that
 * version and of the request's query string. A matching If-None-Match is answered 304 with the
 * tag and no body, without running the handler: no rows read into objects, no DTOs, no JSON.
 */

/** Clients keep the answer but ask again every time (the tag makes asking cheap); shared caches never store it. */
export const REVALIDATE = 'private, no-cache';

/**
 * Bump when a response's shape changes without any row changing (a new field, another format),
 * so that tags handed out by the previous release stop matching.
 */
const REPRESENTATION = 'v1';

/** `Vary: Accept`: the tag is of the JSON representation (lists answer CSV for another Accept, untagged). */
const validators = (tag: string) => ({ ETag: tag, 'Cache-Control': REVALIDATE, Vary: 'Accept' });

/** A strong tag: the same rows and the same query string give the same bytes. */
export function entityTag(version: string, request: Request): string {
  const { search } = new URL(request.url);
  const digest = createHash('sha256').update(`${REPRESENTATION}\n${search}\n${version}`).digest('base64url');
  return `"${digest.slice(0, 27)}"`;
}

/**
 * Whether If-None-Match names `tag`: `*` (any current representation), or a list of tags compared
 * weakly (`W/"x"` matches `"x"`, as §13.1.2 requires for this header). Absent or unparsable: no.
 */
export function ifNoneMatchHits(header: string | null, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  for (const match of header.matchAll(/(?:W\/)?("[^"]*")/g)) if (match[1] === tag) return true;
  return false;
}

/** 304: the tag and the caching rules a 200 would carry (§15.4.5), no body. */
export function notModified(tag: string): Response {
  return new Response(null, { status: 304, headers: validators(tag) });
}

/** A 200 answer gets its validator; anything else (errors) keeps its own caching rules. */
export function withEntityTag(response: Response, tag: string): Response {
  if (response.status !== 200) return response;
  for (const [name, value] of Object.entries(validators(tag))) response.headers.set(name, value);
  return response;
}
