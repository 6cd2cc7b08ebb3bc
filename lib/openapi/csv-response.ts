import { z } from 'zod';
import { csvCellsOf, csvColumnsOf } from '@/lib/http/csv-columns';
import { toCsv } from '@/lib/http/csv';
import type { TListFormat } from '@/lib/http/list-format';
import type { TCsvExport } from '@/lib/http/respond-list';

/** `?format=` of the list routes (lib/http/list-format.ts); typed by its TListFormat so the two cannot part. */
const LIST_FORMATS = ['csv', 'json'] as const satisfies readonly TListFormat[];

export const ZListFormatParam = z.enum(LIST_FORMATS).optional().meta({
  description: 'The list as `csv` or `json`; overrides `Accept`. Without it, CSV only when `Accept` prefers `text/csv`. Anything else is 400 `invalid_format`.',
  param: { name: 'format', in: 'query', id: 'ListFormat' },
});

export const ZContentDispositionHeader = z.string().optional().meta({ description: 'CSV only: `attachment; filename="<list>-YYYY-MM-DD.csv"`.' });
export const ZVaryHeader = z.literal('Accept').meta({ description: 'The body depends on `Accept`.' });

/**
 * The text/csv rendering of a list: its columns are the JSON schema's fields (nested ones dotted),
 * named here from that schema, and the example is written by the API's own CSV writer.
 */
export function csvMediaType(table: TCsvExport, rows: unknown[] | undefined) {
  const columns = csvColumnsOf(table.schema);
  const description = `RFC 4180 CSV (CRLF records, a header record first), one record per ${table.name.replace(/s$/, '')}. Columns: ${columns.map((column) => `\`${column.header}\``).join(', ')}. Arrays are space-separated; cells that a spreadsheet would run as a formula start with \`'\`.`;
  const example = rows ? toCsv(columns.map((column) => column.header), rows.map((row) => csvCellsOf(row, columns))) : undefined;
  return { schema: z.string().meta({ description }), ...(example === undefined ? {} : { example }) };
}
