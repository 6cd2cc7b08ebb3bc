import { z } from 'zod';
import { CSV_PATH_SUFFIX } from '@/lib/http/list-format';
import { csvCellsOf, csvColumnsOf } from '@/lib/http/csv-columns';
import { toCsv } from '@/lib/http/csv';
import type { TCsvExport } from '@/lib/http/respond-list';
import type { TApiOperation } from './api-operation';

export const ZContentDispositionHeader = z.string().meta({ description: '`attachment; filename="<list>-YYYY-MM-DD.csv"`.', example: 'attachment; filename="plans-2026-12-03.csv"' });

/**
 * What the server really sends: lib/http/respond-list.ts adds `Accept`; Next.js appends the
 * request headers its router varies on to every response it serves, and compression appends
 * `Accept-Encoding`. A cache keyed on these never hands a CSV to a JSON client or back.
 */
export const ZVaryHeader = z
  .string()
  .regex(/(^|,\s*)Accept(\s*,|$)/)
  .meta({
    description:
      'A comma-separated list that always names `Accept` (the body depends on it). The server also lists the request headers its framework varies every response on (`rsc`, `next-router-state-tree`, `next-router-prefetch`, `next-router-segment-prefetch`) and, when it compresses, `Accept-Encoding`.',
    example: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept, Accept-Encoding',
  });

/**
 * The text/csv rendering of a list: its columns are the JSON schema's fields (nested ones dotted),
 * named here from that schema, and the example is written by the API's own CSV writer.
 */
function csvMediaType(table: TCsvExport, rows: unknown[] | undefined) {
  const columns = csvColumnsOf(table.schema);
  const description = `RFC 4180 CSV (CRLF records, a header record first), one record per ${table.name.replace(/s$/, '')}. Columns: ${columns.map((column) => `\`${column.header}\``).join(', ')}. Arrays are space-separated; cells that a spreadsheet would run as a formula start with \`'\`.`;
  const example = rows ? toCsv(columns.map((column) => column.header), rows.map((row) => csvCellsOf(row, columns))) : undefined;
  return { schema: z.string().meta({ description }), example };
}

/**
 * `GET <path>.csv`, the CSV rendering of a list operation, as an operation of its own: one media
 * type per response keeps a generated client's type of the JSON list free of `| string`.
 */
export function csvVariant(operation: TApiOperation & { csv: NonNullable<TApiOperation['csv']> }): TApiOperation {
  const { response, csv } = operation;
  const rows = Array.isArray(response.example) ? response.example : (response.example as { data?: unknown[] } | undefined)?.data;
  const media = csvMediaType(csv, rows);
  const every = operation.query ? 'Every row matching the filters (`limit` and `starting_after` page JSON only and are ignored)' : 'Every row';
  return {
    operationId: `${operation.operationId}Csv`,
    method: 'get',
    path: `${operation.path}${CSV_PATH_SUFFIX}`,
    tag: operation.tag,
    summary: `${operation.summary} as CSV`,
    description: `${every}, as a CSV download. \`GET ${operation.path}\` answers the same with \`?format=csv\` or an \`Accept\` that prefers \`text/csv\`; this path is that answer, documented apart so the JSON operation has one response type.`,
    ...(operation.query ? { query: operation.query } : {}),
    response: { status: 200, description: 'The CSV file.', schema: media.schema, example: media.example, mediaType: 'text/csv' },
    ...(csv.errors ? { errors: csv.errors } : {}),
  };
}
