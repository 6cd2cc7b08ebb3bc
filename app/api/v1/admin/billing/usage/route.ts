import { z } from 'zod';
import { recordUsage } from '@/lib/billing/usage/record-usage';
import { ZUsageBatch, ZUsageEvent } from '@/lib/billing/usage/schemas';
import { adminRoute, json } from '@/lib/http/admin-route';
import { parseWith } from '@/lib/http/parse';

// One event, or `{ events: [...] }` (up to 1,000): the `events` key decides which, so field errors name `events.3.messages`.
// A full batch is ~150 KiB, over the API's 64 KiB body limit: this route alone takes up to 512 KiB.
export const POST = adminRoute(async ({ body }) => {
  // The body as JSON.parse left it (a record schema would rebuild it and drop a `__proto__` key the strict schemas must refuse).
  const raw = body(z.unknown());
  if (raw !== null && typeof raw === 'object' && Object.hasOwn(raw, 'events')) return json(await recordUsage(parseWith(ZUsageBatch, raw).events, { batch: true }));
  return json(await recordUsage([parseWith(ZUsageEvent, raw)], { batch: false }));
}, { maxBodyBytes: 512 * 1024 });

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
