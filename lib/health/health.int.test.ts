import { afterEach, describe, expect, it } from 'vitest';
import * as health from '@/app/api/health/route';
import * as ready from '@/app/api/ready/route';
import { createClient, db } from '@/lib/db';
import { freePort } from '@/lib/db/free-port';
import { setLogDestination } from '@/lib/log';
import { PROBLEM_CONTENT_TYPE } from '@/lib/http/problem';
import { callRoute } from '@/tests/integration/call-route';
import { checkReadiness } from './check-readiness';
import { shippedMigrationNames } from './migration-names';

afterEach(() => setLogDestination(null));

describe('GET /api/health', () => {
  it('is 200 without credentials and without reading the database', async () => {
    const result = await callRoute(health.GET, { path: '/api/health' });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: 'ok' });
    expect(result.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /api/ready', () => {
  it('is 200 without credentials when every shipped migration is applied', async () => {
    const result = await callRoute(ready.GET, { path: '/api/ready' });
    expect(result.status).toBe(200);
    const shipped = await shippedMigrationNames();
    expect(shipped.length).toBeGreaterThan(5);
    expect(result.body).toEqual({ status: 'ready', migrations: shipped.length, warnings: [] });
  });

  it('is not in the request log at info level; at debug it is one probe line', async () => {
    const lines: string[] = [];
    setLogDestination({ write: (line: string) => void lines.push(line) }, 'info');
    await callRoute(ready.GET, { path: '/api/ready' });
    await callRoute(health.GET, { path: '/api/health' });
    expect(lines).toEqual([]);
    setLogDestination({ write: (line: string) => void lines.push(line) }, 'debug');
    await callRoute(ready.GET, { path: '/api/ready' });
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([expect.objectContaining({ level: 'debug', msg: 'probe', route: '/api/ready', status: 200 })]);
  });

  it('a migration missing from _prisma_migrations is 503 migrations_pending naming it', async () => {
    const [last] = (await shippedMigrationNames()).slice(-1);
    const [row] = await db().$queryRaw<{ id: string }[]>`SELECT id FROM _prisma_migrations WHERE migration_name = ${last}`;
    await db().$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = clock_timestamp() WHERE id = ${row!.id}`;
    try {
      const result = await callRoute(ready.GET, { path: '/api/ready' });
      expect(result.status).toBe(503);
      expect(result.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
      expect(result.body).toMatchObject({ status: 503, code: 'migrations_pending' });
      expect(result.body.detail).toContain(last);
    } finally {
      await db().$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE id = ${row!.id}`;
    }
  });

  it('a migration that failed half way is 503 migrations_failed', async () => {
    const [first] = await shippedMigrationNames();
    const [row] = await db().$queryRaw<{ id: string; finished_at: Date }[]>`SELECT id, finished_at FROM _prisma_migrations WHERE migration_name = ${first}`;
    await db().$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE id = ${row!.id}`;
    try {
      expect(await checkReadiness()).toMatchObject({ ready: false, code: 'migrations_failed', reason: expect.stringContaining(first!) });
    } finally {
      await db().$executeRaw`UPDATE _prisma_migrations SET finished_at = ${row!.finished_at} WHERE id = ${row!.id}`;
    }
  });

  it('a database without the history table is migrations_pending; a build without migrations is no_migrations', async () => {
    expect(await checkReadiness(db(), [], Promise.resolve(['20990101000000_future']))).toMatchObject({ ready: false, code: 'migrations_pending', reason: expect.stringContaining('20990101000000_future') });
    expect(await checkReadiness(db(), [], Promise.resolve([]))).toMatchObject({ ready: false, code: 'no_migrations' });
  });

  it('an unreachable database is 503 database_unreachable, quickly', async () => {
    const nowhere = createClient(`postgresql://postgres:postgres@127.0.0.1:${await freePort()}/billing`, 1);
    try {
      const startedAt = performance.now();
      expect(await checkReadiness(nowhere)).toMatchObject({ ready: false, code: 'database_unreachable' });
      expect(performance.now() - startedAt).toBeLessThan(5_000);
    } finally {
      await nowhere.$disconnect();
    }
  });

  it('warnings are listed on a ready instance without making it unready', async () => {
    const readiness = await checkReadiness(db(), [() => 'the test clock is on', async () => null]);
    expect(readiness).toMatchObject({ ready: true, warnings: ['the test clock is on'] });
  });
});
