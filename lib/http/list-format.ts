import type { z } from 'zod';
import { badRequest } from '@/lib/errors';
import { parseWith } from './parse';

export type TListFormat = 'json' | 'csv';

/** `?format=` overrides Accept: a plain `<a href download>` in the console cannot set headers. */
const FORMAT_PARAM = 'format';

/** `GET /plans.csv` is `GET /plans` as CSV: its route.ts re-exports the list's GET (documented as an operation of its own). */
export const CSV_PATH_SUFFIX = '.csv';

/**
 * How a list endpoint answers: CSV on its `.csv` path; else `?format=csv|json` when given, else
 * CSV only when the Accept header prefers text/csv to application/json. No Accept, a wildcard or
 * a browser's default is JSON.
 */
export function listFormat(request: Request): TListFormat {
  const url = new URL(request.url);
  if (url.pathname.endsWith(CSV_PATH_SUFFIX)) return 'csv';
  const format = url.searchParams.get(FORMAT_PARAM);
  if (format === null) return prefersCsv(request.headers.get('accept')) ? 'csv' : 'json';
  if (format === 'csv' || format === 'json') return format;
  throw badRequest('invalid_format', '`format` must be csv or json.', [{ path: FORMAT_PARAM, message: 'Use csv or json.' }]);
}

/** parseQuery for list endpoints: `format` belongs to the negotiation, not to the list's filters. */
export function parseListQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = new URLSearchParams(new URL(request.url).searchParams);
  params.delete(FORMAT_PARAM);
  return parseWith(schema, Object.fromEntries(params.entries()));
}

/**
 * Accept as RFC 9110 §12.5.1 reads it: each type gets the quality of its most specific matching
 * range. CSV wins on a higher quality; on a tie, on a more specific range (text/csv over a wildcard), then
 * on being listed first (`text/csv, application/json`). Otherwise JSON, the API's default.
 */
export function prefersCsv(accept: string | null): boolean {
  if (!accept) return false;
  const ranges = accept.split(',').map(parseRange);
  const csv = bestMatch(ranges, 'text', 'csv');
  const json = bestMatch(ranges, 'application', 'json');
  if (!csv || csv.quality === 0) return false;
  if (!json) return true;
  return csv.quality !== json.quality ? csv.quality > json.quality : csv.specificity !== json.specificity ? csv.specificity > json.specificity : csv.index < json.index;
}

type Range = { type: string; subtype: string; quality: number };
type Match = { quality: number; specificity: number; index: number };

function parseRange(text: string): Range {
  const [mediaRange = '', ...params] = text.split(';').map((part) => part.trim().toLowerCase());
  const [type = '', subtype = ''] = mediaRange.split('/');
  const q = params.find((param) => param.startsWith('q='));
  const quality = q === undefined ? 1 : Number(q.slice(2));
  return { type, subtype, quality: Number.isFinite(quality) ? Math.min(Math.max(quality, 0), 1) : 0 };
}

function bestMatch(ranges: Range[], type: string, subtype: string): Match | undefined {
  let best: Match | undefined;
  ranges.forEach((range, index) => {
    const specificity =
      range.type === type && range.subtype === subtype ? 3 : range.type === type && range.subtype === '*' ? 2 : range.type === '*' && range.subtype === '*' ? 1 : 0;
    if (specificity > 0 && (!best || specificity > best.specificity)) best = { quality: range.quality, specificity, index };
  });
  return best;
}
