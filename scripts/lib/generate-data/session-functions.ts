/**
 * Session-local helpers (pg_temp: gone when the connection closes, nothing added to the schema),
 * and UTC for this transaction, so that month arithmetic on timestamptz follows UTC calendar months.
 * Plain SQL functions, so PostgreSQL inlines them into the set-based statements that call them.
 *
 * gen_rnd(n, salt): a uniform number in [0, 1) from a hash of (row number, salt) — deterministic,
 * unlike random(), so a given seed always generates the same rows, whatever plan or worker runs it.
 *
 * gen_id(kind, n): a UUID made from a kind and a row number. Counter-based ids are appended to the
 * right of every primary-key index (random UUIDs would scatter millions of inserts over it), the
 * same seed gives the same ids, and the form stays a valid RFC 9562
 * UUID (version 8, "custom"), so the API's z.uuid() accepts it: 6e6e<kind:4>-0000-8000-8<n: 15 hex
 * digits> (PostgreSQL reads a hyphen after any four digits, so n needs no slicing: 3× cheaper).
 * Kinds: 1 organization, 2 subscription, 3 invoice, 4 invoice line, 5 payment, 6 refund, 7 redemption.
 */
export const SESSION_FUNCTIONS_SQL = `
SET LOCAL TIME ZONE 'UTC';
CREATE OR REPLACE FUNCTION pg_temp.gen_rnd(n bigint, salt int) RETURNS float8
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (hashint8extended(n, salt) & 2147483647)::float8 / 2147483648 $$;
CREATE OR REPLACE FUNCTION pg_temp.gen_id(kind int, n bigint) RETURNS uuid
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ('6e6e' || lpad(to_hex(kind), 4, '0') || '-0000-8000-8' || lpad(to_hex(n), 15, '0'))::uuid $$;
`;

/** Generated tenants' slugs and invoices' numbers start with these: how reset finds them. */
export const ORGANIZATION_SLUG_PREFIX = 'gen-';
export const INVOICE_NUMBER_PREFIX = 'GEN-';
