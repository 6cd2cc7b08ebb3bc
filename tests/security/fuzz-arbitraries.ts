import fc from 'fast-check';
import { MAX_BODY_BYTES } from '@/lib/http/parse';

/**
 * Generators of hostile input for the fuzz tests. Bodies are built as JSON *text*, not objects,
 * so they can hold what JSON.stringify cannot write: -0, 1e309, duplicate keys, `__proto__` as a
 * key, nesting thousands deep.
 */

/** A JSON token written verbatim. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** An object as an ordered list of entries: duplicate keys and `__proto__` survive. */
export class JsonEntries {
  constructor(readonly entries: [string, TJson][]) {}
}

export type TJson = RawJson | JsonEntries | string | number | boolean | null | TJson[];

export function toJsonText(value: TJson): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof JsonEntries) return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  return JSON.stringify(value);
}

export function entriesOf(object: Record<string, unknown>): JsonEntries {
  return new JsonEntries(Object.entries(object).map(([key, value]) => [key, fromPlain(value)]));
}

function fromPlain(value: unknown): TJson {
  if (Array.isArray(value)) return value.map(fromPlain);
  if (value !== null && typeof value === 'object') return entriesOf(value as Record<string, unknown>);
  return value as TJson;
}

/** Numbers at the edges of IEEE 754, int32, the money columns and JSON itself. */
export const EDGE_NUMBERS = [
  '-0', '0', '-1', '0.5', '1e308', '-1e308', '1e309', '-1e309', '1e-400', '4.9e-324', '2.2250738585072014e-308',
  '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740993', '2147483647', '2147483648', '-2147483649',
  '99999999999999.9999', '100000000000000', '123456789012345678901234567890', '0.30000000000000004', '1.0000000000000000001',
  '0.001', '12.345', '1E2', '1e+2',
].map((text) => new RawJson(text));

/** Strings that have broken parsers, databases and renderers somewhere. */
export const HOSTILE_STRINGS = [
  '', ' ', '   ', 'NaN', 'Infinity', '-Infinity', '1e308', '-0', '0x10', '١٢٣', '１２３', 'null', 'true', '[]', '{}', 'undefined',
  '\u0000', 'a\u0000b', '\ud800', '\udfff', 'a\ud83d', '\u202egnp.exe', 'مرحبا بالعالم', 'שלום', '👨‍👩‍👧‍👦', '🏳️‍🌈', '\u200b', '\ufeff', 'ß', 'İ', 'ǅ',
  '\t\n\r', '\u2028\u2029', "'; DROP TABLE plans; --", "' OR '1'='1", '" OR ""="', '\\', '%00', '%', '_', '*', '<script>alert(1)</script>',
  '../../etc/passwd', '${7*7}', '{{7*7}}', '=HYPERLINK("http://x")', 'IDR ', 'idr', 'ＩＤＲ', 'x'.repeat(256), 'x'.repeat(5_000),
  '2026-02-30T00:00:00Z', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2026-01-01', '2026-02-29', '2026-13-01', '+275760-09-13', '-000001-01-01',
  '1970-01-01T00:00:00.000+14:00', '00000000-0000-0000-0000-000000000000',
  'percentage', 'fixed', 'super_admin', 'per_agent',
];

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

export const hostileScalar: fc.Arbitrary<TJson> = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_NUMBERS), weight: 3 },
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

/** Any JSON value, a few levels deep, with keys from `keys` (the endpoint's own fields), prototype names and noise. */
export function hostileValue(keys: string[]): fc.Arbitrary<TJson> {
  const key = fc.oneof(fc.constantFrom(...keys, ...PROTOTYPE_KEYS), fc.string({ maxLength: 12 }));
  const { value } = fc.letrec<{ value: TJson }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      hostileScalar,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => new JsonEntries(entries)),
    ),
  }));
  return value;
}

/** One request body, how it is sent, and what the API must answer when the body alone decides. */
export interface TBodyCase {
  kind: string;
  text: string;
  contentType: string | null;
  /** The status this body must get on an endpoint that reads a body; undefined: any 4xx (or 2xx). */
  expect?: number;
  idempotencyKey?: string;
}

const json = (kind: string, value: TJson, expect?: number): TBodyCase => ({ kind, text: toJsonText(value), contentType: 'application/json', expect });

/** Take a valid body and break 1–3 things: a field's type or value, a missing field, an unknown or prototype key, a duplicate. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<TBodyCase> {
  const keys = Object.keys(valid);
  const value = hostileValue(keys);
  const mutation = fc.oneof(
    // Most often one field gets one hostile scalar, the rest staying valid: that reaches the database.
    { arbitrary: fc.tuple(fc.constant('set' as const), fc.constantFrom(...keys), hostileScalar), weight: 4 },
    fc.tuple(fc.constant('set' as const), fc.constantFrom(...keys), value),
    fc.tuple(fc.constant('delete' as const), fc.constantFrom(...keys), fc.constant(null)),
    fc.tuple(fc.constant('add' as const), fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 16 })), value),
    fc.tuple(fc.constant('duplicate' as const), fc.constantFrom(...keys), value),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 2 }).map((mutations) => {
    let entries = entriesOf(valid).entries;
    for (const [operation, key, replacement] of mutations) {
      if (operation === 'set') entries = entries.map(([name, item]) => [name, name === key ? replacement : item]);
      else if (operation === 'delete') entries = entries.filter(([name]) => name !== key);
      else entries = [...entries, [key, replacement]];
    }
    return json(`mutated(${mutations.map(([operation, key]) => `${operation} ${key}`).join(', ')})`, new JsonEntries(entries));
  });
}

/** Prototype pollution attempts: always unknown fields, so always 400 on a strict schema. */
function pollution(valid: Record<string, unknown>): fc.Arbitrary<TBodyCase> {
  const payload = entriesOf({ is_active: false, role: 'super_admin', isAdmin: true, polluted: 'yes' });
  return fc.constantFrom(
    json('pollution(__proto__)', new JsonEntries([['__proto__', payload], ...entriesOf(valid).entries]), 400),
    json('pollution(constructor.prototype)', new JsonEntries([...entriesOf(valid).entries, ['constructor', new JsonEntries([['prototype', payload]])]]), 400),
    json('pollution(prototype)', new JsonEntries([...entriesOf(valid).entries, ['prototype', payload]]), 400),
    json('pollution(nested __proto__)', nestedPollution(valid, payload), 400),
  );
}

/** `__proto__` inside the body's first nested object (limits, say), or at the top when it has none. */
function nestedPollution(valid: Record<string, unknown>, payload: JsonEntries): JsonEntries {
  const entries = entriesOf(valid).entries;
  const nested = entries.findIndex(([, item]) => item instanceof JsonEntries);
  if (nested === -1) return new JsonEntries([['__proto__', payload], ...entries]);
  return new JsonEntries(entries.map(([key, item], index): [string, TJson] => [key, index === nested ? new JsonEntries([...(item as JsonEntries).entries, ['__proto__', payload]]) : item]));
}

/** Nesting from 1,000 to ~30,000 levels, inside the 64 KiB limit. */
const deep: fc.Arbitrary<TBodyCase> = fc.tuple(fc.integer({ min: 1_000, max: 30_000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => {
  const levels = open === '[' ? depth : Math.min(depth, 10_000);
  const close = open === '[' ? ']' : '}';
  return { kind: `deep(${levels} × ${open})`, text: open.repeat(levels) + (open === '[' ? '' : '1') + close.repeat(levels), contentType: 'application/json', expect: 400 };
});

/** Just over the limit and far over it: 413 before anything is parsed. */
function oversize(valid: Record<string, unknown>, limit: number): fc.Arbitrary<TBodyCase> {
  return fc.integer({ min: limit + 1, max: limit * 4 }).map((size) => {
    const text = toJsonText(entriesOf({ ...valid, padding: '' }));
    return { kind: `oversize(${size} bytes)`, text: text.replace('"padding":""', `"padding":"${'x'.repeat(size - text.length)}"`), contentType: 'application/json', expect: 413 };
  });
}

/** A JSON body under a type that is not JSON: 415. */
function wrongType(valid: Record<string, unknown>): fc.Arbitrary<TBodyCase> {
  return fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/html', 'application/jsonp', '', null).map((contentType) => ({
    kind: `wrong content type (${contentType})`,
    text: toJsonText(entriesOf(valid)),
    contentType,
    expect: 415,
  }));
}

/** The right shape in the wrong container, or not JSON at all. */
function wrongShape(valid: Record<string, unknown>): fc.Arbitrary<TBodyCase> {
  return fc.oneof(
    fc.constant(json('array instead of object', [entriesOf(valid)], 400)),
    fc.constantFrom('null', '"a string"', '42', 'true', '[]', '[[[]]]').map((text) => ({ kind: `scalar root ${text}`, text, contentType: 'application/json', expect: 400 })),
    fc.constantFrom('{', '{"name": }', "{'name': 'x'}", '{"a":1,}', 'NaN', '{"amount": NaN}', '{"amount": Infinity}', '{"amount": 0x10}', '\u0000', '{"a":"\u0000"}', '\ufeff{}').map((text) => ({ kind: `not JSON ${JSON.stringify(text)}`, text, contentType: 'application/json', expect: 400 })),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }).map((text) => ({ kind: 'random text', text, contentType: 'application/json' })),
    fc.constantFrom('', ' ', '\n\t').map((text) => ({ kind: `empty body ${JSON.stringify(text)}`, text, contentType: 'application/json' })),
  );
}

/** Counterexamples print their kind and the start of the body: a 200 KiB body in a failure message helps nobody. */
function printable(bodyCase: TBodyCase): TBodyCase {
  const shown = { ...bodyCase, text: bodyCase.text.length > 300 ? `${bodyCase.text.slice(0, 300)}… (${bodyCase.text.length} chars)` : bodyCase.text };
  return Object.assign(bodyCase, { [fc.toStringMethod]: () => JSON.stringify(shown) });
}

/** Every kind of hostile body for an endpoint whose valid body is `valid`. */
/** `maxBodyBytes`: the route's body limit (64 KiB but for the routes that take more, e.g. POST /usage). */
export function hostileBody(valid: Record<string, unknown>, maxBodyBytes = MAX_BODY_BYTES): fc.Arbitrary<TBodyCase> {
  const withKey = (body: fc.Arbitrary<TBodyCase>) =>
    fc.tuple(body, fc.option(fc.oneof(fc.constant(''), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 300 }).filter((key) => /^[\x20-\x7e]+$/.test(key))), { freq: 8 })).map(([request, key]) =>
      printable(key === null ? request : { ...request, idempotencyKey: key }),
    );
  const own = Object.keys(valid).length > 0;
  return withKey(
    fc.oneof(
      { arbitrary: own ? mutated(valid) : hostileValue([]).map((value) => json('random document', value)), weight: 6 },
      { arbitrary: hostileValue(Object.keys(valid)).map((value) => json('random document', value)), weight: 2 },
      { arbitrary: pollution(valid), weight: 1 },
      { arbitrary: deep, weight: 1 },
      { arbitrary: oversize(valid, maxBodyBytes), weight: 1 },
      { arbitrary: wrongType(valid), weight: 1 },
      { arbitrary: wrongShape(valid), weight: 2 },
    ),
  );
}

/** Every byte percent-encoded: what a client that encodes correctly would send (lone surrogates become U+FFFD). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

/** Fragments sent without encoding: malformed escapes, overlong and invalid UTF-8, separators. */
const RAW_QUERY_FRAGMENTS = ['%ZZ', '%', '%0', '%00', '%ED%A0%80', '%C0%AF', '%FF%FE', '+', '%2B', '&', '=', '==', 'a=b', ';', '#', '%23', '[]', '[0]', '%5B%5D'];

/** A query string (without `?`): the list's own parameters, prototype names and noise, with hostile values, repeated keys allowed. */
export function hostileQuery(keys: string[]): fc.Arbitrary<string> {
  const key = fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 4 }, fc.constantFrom(...PROTOTYPE_KEYS, 'format', 'limit', 'starting_after', ''), fc.string({ maxLength: 10 }));
  const value = fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS, ...EDGE_NUMBERS.map((number) => number.text), 'csv', 'json', 'CSV', '0', '101', '-1', '25.5').map(percentEncode), weight: 4 },
    fc.string({ unit: 'binary', maxLength: 30 }).map(percentEncode),
    fc.constantFrom(...RAW_QUERY_FRAGMENTS),
  );
  return fc.array(fc.tuple(key.map(percentEncode), value), { maxLength: 6 }).map((pairs) => pairs.map(([name, item]) => `${name}=${item}`).join('&'));
}

/** Ids that are not an existing record's: malformed, hostile, or a UUID nobody has. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.filter((text) => text !== '')),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.uuid().chain((id) => fc.constantFrom(id, `{${id}}`, `${id}\n`, ` ${id}`, `${id}%00`, `${id}/../x`, id.replaceAll('-', ''), `urn:uuid:${id}`, `${id}${id}`)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.constant('x'.repeat(10_000)),
);
