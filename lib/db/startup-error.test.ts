import { describe, expect, it } from 'vitest';
import { explainPostgresFailure, explainSystemError, StartupError, startupErrors } from './startup-error';

const context = { port: 5433, dataDir: '/var/lib/billing-admin-console/postgres' };
const explain = (output: string) => explainPostgresFailure({ ...context, output }).message;

/** One sentence: one line, a single full stop at its end (none inside but in numbers and paths). */
function expectOneSentence(message: string) {
  expect(message).not.toContain('\n');
  expect(message).toMatch(/[^.]\.$/);
  expect(message.replace(/\d\.\d|[\w/-]\.[\w/-]/g, '')).toMatch(/^[^.]*\.$/);
}

describe('start-up errors: what PostgreSQL said, as one sentence that says what to do', () => {
  it('a data directory of another major version names both versions and EMBEDDED_PG_DIR', () => {
    const message = explain(
      '2026-12-03 10:00:00.000 UTC [42] FATAL:  database files are incompatible with server\n' +
        '2026-12-03 10:00:00.000 UTC [42] DETAIL:  The data directory was initialized by PostgreSQL version 15, which is not compatible with this version 18.4.\n',
    );
    expect(message).toBe(startupErrors.versionMismatch(context.dataDir, '15', '18').message);
    expect(message).toContain('belongs to PostgreSQL 15, but the embedded server is PostgreSQL 18');
    expect(message).toContain('EMBEDDED_PG_DIR');
    expectOneSentence(message);
  });

  it('no space left, from PostgreSQL or from Node (ENOSPC, EDQUOT), says to free space or move STATE_DIR', () => {
    const fromServer = explain('FATAL:  could not write to file "pg_wal/xlogtemp.42": No space left on device\n');
    expect(fromServer).toBe(`There is no space left on the disk that holds ${context.dataDir}: free some space, or set STATE_DIR to a directory on another disk.`);
    expect(explain('initdb: error: could not extend file "base/1/1259": No space left on device')).toBe(fromServer);
    const fromNode = explainSystemError(Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC' }), '/state/pg-runtime');
    expect(fromNode).toBeInstanceOf(StartupError);
    expect(fromNode!.message).toContain('/state/pg-runtime');
    expect(explainSystemError(Object.assign(new Error('quota'), { code: 'EDQUOT' }), '/x')!.message).toMatch(/^There is no space left/);
    expect(explainSystemError(Object.assign(new Error('nope'), { code: 'EIO' }), '/x')).toBeUndefined();
    expectOneSentence(fromServer);
  });

  it('a port taken after the up-front check (a race) names the port and EMBEDDED_PG_PORT', () => {
    const message = explain('LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\nFATAL:  could not create any TCP/IP sockets\n');
    expect(message).toBe('Port 5433 on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot listen there: stop what uses it or choose another port with EMBEDDED_PG_PORT (for example EMBEDDED_PG_PORT=5434).');
    expect(explain('FATAL:  lock file "/tmp/.s.PGSQL.5433.lock" already exists\nHINT:  Is another postmaster (PID 77) using socket file "/tmp/.s.PGSQL.5433"?')).toBe(message);
  });

  it('a data directory locked by a running server names its PID', () => {
    const message = explain('FATAL:  lock file "postmaster.pid" already exists\nHINT:  Is another postmaster (PID 4242) running in data directory "/d"?\n');
    expect(message).toBe(startupErrors.locked(context.dataDir, 4242).message);
    expect(message).toContain('(PID 4242)');
    expectOneSentence(message);
  });

  it('anything else: the last FATAL line, without its prefix, in one sentence', () => {
    const message = explain('LOG:  starting PostgreSQL 18.4\nFATAL:  data directory "/d" has invalid permissions\nDETAIL:  Permission should be u=rwx (0700) or u=rwx,g=rx (0750).\n');
    expect(message).toBe(`The embedded PostgreSQL did not start on port 5433 with the data directory ${context.dataDir}: data directory "/d" has invalid permissions.`);
    expect(explain('')).toMatch(/: it exited without saying why\.$/);
  });

  it('the HTTP port: taken or not permitted, each says to set PORT', () => {
    expect(startupErrors.httpPortTaken(3000).message).toBe('Port 3000 is already in use, so the console cannot listen there: stop what uses it or choose another port with PORT (for example PORT=3001).');
    expect(startupErrors.httpPortDenied(80).message).toContain('PORT');
    expect(startupErrors.unreachable('the data directory', '/root/x/pg', '/root', 0o40700).message).toBe(
      'The postgres user cannot reach the data directory /root/x/pg because /root is closed to other users (mode 0700): set EMBEDDED_PG_DIR or STATE_DIR to a directory outside /root (the default as root is /var/lib/billing-admin-console).',
    );
  });
});
