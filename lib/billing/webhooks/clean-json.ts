const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A string PostgreSQL can store in text and jsonb: NUL and lone UTF-16 surrogates become U+FFFD. */
export function cleanText(value: string): string {
  return value.replace(UNSTORABLE, '\ufffd');
}

/**
 * A parsed JSON document with every key and string cleaned (cleanText): a webhook body is stored
 * as it came, except for what jsonb cannot hold (found by the webhook fuzz test: `"\ud800"`).
 */
export function cleanJson(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [cleanText(key), cleanJson(item)]));
  }
  return value;
}
