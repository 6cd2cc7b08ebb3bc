// Issue #19 names the test clock POST /api/v1/test-clock: the same handlers as the documented
// /api/v1/admin/billing/test-clock (OpenAPI operations getTestClock, moveTestClock).
export { GET, POST } from '../admin/billing/test-clock/route';

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
