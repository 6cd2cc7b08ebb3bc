import type { z } from 'zod';
import { readScalar, type TScalarRead } from '@/lib/db/scalar-read';
import { logger } from '@/lib/log';
import { json, jsonText } from './admin-route';
import { csvRecord } from './csv';
import { csvCellsOf, csvColumnsOf } from './csv-columns';
import { listFormat } from './list-format';

/** A list's CSV: `name` names the download, `schema` (the JSON response schema) gives the columns. */
export interface TCsvExport {
  name: string;
  schema: z.ZodObject;
}

// The body depends on Accept; a cache must not hand a CSV to a JSON client or back.
const VARY = { Vary: 'Accept' };

/** A small list (plans, coupons, add-ons): the JSON array as before, or the same rows as CSV. */
export function respondList(request: Request, table: TCsvExport, rows: unknown[]): Response {
  return listFormat(request) === 'csv' ? csvResponse(table, [rows]) : json(rows, 200, VARY);
}

/**
 * A small list whose JSON PostgreSQL writes (`read.json`: the array's text, byte for byte what
 * json(rows) would send), passed through as it is: `prefetched` when the admission statement read it
 * already (adminRoute's `prefetch`), else read here. CSV is made of `read.rows()`.
 */
export async function respondJsonTextList(
  request: Request,
  table: TCsvExport,
  read: { json: () => TScalarRead; rows: () => Promise<unknown[]> },
  prefetched: string | null | undefined,
): Promise<Response> {
  if (listFormat(request) === 'csv') return csvResponse(table, [await read.rows()]);
  return jsonText(prefetched ?? (await readScalar(read.json())) ?? '[]', 200, VARY);
}

/**
 * adminRoute's `version` (or `prefetch`) for a small list: the read when the answer is JSON; none
 * for CSV (its download is named by the day, and a file is fetched, not revalidated).
 */
export function jsonListRead(read: () => TScalarRead) {
  return ({ request }: { request: Request }): TScalarRead | null => (listFormat(request) === 'json' ? read() : null);
}

/**
 * A paginated list (invoices): JSON is one page, as JSON text (`pageJson`: written by PostgreSQL,
 * passed through); CSV is every matching row, streamed from `everything` batch by batch, so memory
 * stays flat however many rows there are. `everything` runs before the response starts, so it can
 * still refuse with a problem (e.g. too many rows).
 */
export async function respondPagedList(
  request: Request,
  table: TCsvExport,
  pageJson: () => Promise<string>,
  everything: () => Promise<AsyncIterable<unknown[]>>,
): Promise<Response> {
  return listFormat(request) === 'csv' ? csvResponse(table, await everything()) : jsonText(await pageJson(), 200, VARY);
}

function csvResponse(table: TCsvExport, batches: AsyncIterable<unknown[]> | Iterable<unknown[]>): Response {
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csvStream(table.schema, batches), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${table.name}-${date}.csv"`,
      'Cache-Control': 'no-store',
      ...VARY,
    },
  });
}

/** The header record, then one chunk per batch, pulled only as fast as the client reads. */
function csvStream(schema: z.ZodObject, batches: AsyncIterable<unknown[]> | Iterable<unknown[]>): ReadableStream<Uint8Array> {
  const columns = csvColumnsOf(schema);
  const encoder = new TextEncoder();
  const iterator = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRecord(columns.map((column) => column.header))));
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map((row) => csvRecord(csvCellsOf(row, columns))).join('')));
      } catch (error) {
        // The status line is long gone: all that is left is to break the download, not to end it as if complete.
        logger().error({ err: error }, 'csv export failed');
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
