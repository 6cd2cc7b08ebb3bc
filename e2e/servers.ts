/**
 * One console server per Playwright worker, each on its own port with its own copy of the seeded
 * demo database (scripts/e2e-server.ts), so the workers' journeys never see each other's writes:
 * the suite was written for one worker, in file order, on one database. Two workers keep both of
 * this machine's cores busy (one worker left ~0.5 core idle while the browser waited on the
 * server and the server on the browser). `E2E_WORKERS=1` runs everything on one server.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));

/** The origin of the server for the worker with this parallel index (0 … E2E_WORKERS − 1). */
export function serverOrigin(parallelIndex: number): string {
  return `http://localhost:${E2E_PORT + parallelIndex}`;
}
