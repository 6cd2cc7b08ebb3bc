// The container's HEALTHCHECK: healthy while GET /api/ready answers 200 (database reachable,
// migrations applied). Node rather than curl: the runtime image has no curl.
const port = process.env.PORT || '3000';
try {
  const response = await fetch(`http://127.0.0.1:${port}/api/ready`, { signal: AbortSignal.timeout(3000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
