import { z } from 'zod';
import type { TCsvCell } from './csv';

export interface TCsvColumn {
  /** The JSON field, nested ones dotted: `limits.max_agents`. */
  header: string;
  path: string[];
}

/**
 * The CSV columns of a response schema: its JSON fields in schema order, nested objects flattened
 * to dotted names. Derived from the same zod schema as the JSON, so the two cannot drift apart.
 */
export function csvColumnsOf(schema: z.ZodObject): TCsvColumn[] {
  return Object.entries(schema.shape).flatMap(([key, field]) => {
    const inner = unwrap(field as z.ZodType);
    if (!(inner instanceof z.ZodObject)) return [{ header: key, path: [key] }];
    return csvColumnsOf(inner).map((column) => ({ header: `${key}.${column.header}`, path: [key, ...column.path] }));
  });
}

/** A row's cells in column order. Arrays (e.g. plan ids) become one space-separated cell. */
export function csvCellsOf(row: unknown, columns: readonly TCsvColumn[]): TCsvCell[] {
  return columns.map((column) => {
    const value = column.path.reduce<unknown>((object, key) => (isRecord(object) ? object[key] : undefined), row);
    if (Array.isArray(value)) return value.join(' ');
    if (isRecord(value)) return JSON.stringify(value);
    return value as TCsvCell;
  });
}

function unwrap(field: z.ZodType): z.ZodType {
  let inner = field;
  while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
