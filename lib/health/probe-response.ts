import { plainLogger } from '@/lib/log';
import { problemBody, problemResponse } from '@/lib/http/problem';
import type { TReadiness } from './check-readiness';

/**
 * Health probes arrive every few seconds from every load balancer and orchestrator: they are not
 * written to the request log at info level (they would drown the requests people make), only at
 * debug, and never as errors — a 503 from /api/ready is the answer, not an incident.
 */
export function logProbe(route: string, status: number, startedAt: number, detail?: string): void {
  try {
    plainLogger().debug({ route, status, duration_ms: Math.round((performance.now() - startedAt) * 10) / 10, ...(detail ? { detail } : {}) }, 'probe');
  } catch {
    // A log that cannot be written must not fail the probe.
  }
}

const NO_STORE = { 'Cache-Control': 'no-store' };

export function readinessResponse(readiness: TReadiness): Response {
  if (readiness.ready) return Response.json({ status: 'ready', migrations: readiness.migrations, warnings: readiness.warnings }, { headers: NO_STORE });
  return problemResponse(problemBody(503, readiness.code, readiness.reason), { 'Retry-After': '5' });
}

export function healthResponse(): Response {
  return Response.json({ status: 'ok' }, { headers: NO_STORE });
}
