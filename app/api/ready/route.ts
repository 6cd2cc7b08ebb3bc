import { checkReadiness } from '@/lib/health/check-readiness';
import { logProbe, readinessResponse } from '@/lib/health/probe-response';

export const dynamic = 'force-dynamic';

/**
 * Readiness: the database answers and every shipped migration is applied; 503 problem+json with
 * the reason otherwise. Public, like /api/health: it reveals no data, only whether to send traffic.
 */
export async function GET(): Promise<Response> {
  const startedAt = performance.now();
  const readiness = await checkReadiness();
  const response = readinessResponse(readiness);
  logProbe('/api/ready', response.status, startedAt, readiness.ready ? undefined : readiness.code);
  return response;
}
