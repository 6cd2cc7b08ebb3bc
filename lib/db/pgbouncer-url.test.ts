import { describe, expect, it } from 'vitest';
import { parsePoolerUrl } from './pgbouncer-url';

describe('parsePoolerUrl', () => {
  it('?pgbouncer=true marks a PgBouncer URL and is taken off it', () => {
    expect(parsePoolerUrl('postgresql://app:secret@pool:6432/billing?pgbouncer=true&sslmode=disable')).toEqual({
      connectionString: 'postgresql://app:secret@pool:6432/billing?sslmode=disable',
      pgbouncer: true,
    });
  });

  it('a URL without the flag is passed on untouched, byte for byte', () => {
    const url = 'postgresql://postgres:p%40ss@127.0.0.1:5432/billing';
    expect(parsePoolerUrl(url)).toEqual({ connectionString: url, pgbouncer: false });
  });

  it('pgbouncer=false is no pooler, and an unparsable string is passed on for pg to report', () => {
    expect(parsePoolerUrl('postgresql://h/db?pgbouncer=false').pgbouncer).toBe(false);
    expect(parsePoolerUrl('not a url')).toEqual({ connectionString: 'not a url', pgbouncer: false });
  });
});
