import { healthResponse, logProbe } from '@/lib/health/probe-response';

export const dynamic = 'force-dynamic';

/** Liveness: the process is up and answers HTTP. It touches no database (see /api/ready). Public: it says nothing. */
export async function GET(): Promise<Response> {
  const startedAt = performance.now();
  const response = healthResponse();
  logProbe('/api/health', response.status, startedAt);
  return response;
}
