import { Decimal } from 'decimal.js';

export type TCsvCell = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Formula (CSV) injection guard, after OWASP: a spreadsheet evaluates a cell that starts with
 * = + - @ TAB or CR as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`), so such a cell is written
 * with a leading single quote, which spreadsheets show as text and do not evaluate. The one
 * exception is a plain number (`-5`, `-1250.5`): that is data, it stays numeric, and it cannot
 * run anything. The quote is added before RFC 4180 quoting, so it survives any re-quoting.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One field: empty for null, numbers in plain decimal notation (never `1e+21`), guarded, quoted when needed (RFC 4180 §2.6–2.7). */
export function csvField(cell: TCsvCell): string {
  const text = cellText(cell);
  const guarded = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** One record, CRLF-terminated (RFC 4180 §2.1). */
export function csvRecord(cells: readonly TCsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** A whole document: the header record, then one record per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly TCsvCell[])[]): string {
  return [header, ...rows].map(csvRecord).join('');
}

function cellText(cell: TCsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    // Money arrives as JSON numbers in major units; write their shortest decimal spelling in full.
    return Number.isFinite(cell) ? new Decimal(String(cell)).toFixed() : '';
  }
  return String(cell);
}
