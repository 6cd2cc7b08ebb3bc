import type { TAuditPage } from '@/lib/audit/schemas';
import { GROWTH_PLAN } from './catalog';

/** A super-admin raising the Growth plan's price and agent limit in the console. */
export const AUDIT_PAGE: TAuditPage = {
  data: [
    {
      id: '9c2e4a6b-8d0f-4b13-a5c7-e9f1b3d5a7c2',
      actor_type: 'user',
      actor_id: '2b4d6f8a-0c1e-4a35-b7d9-f1a3c5e7b9d1',
      actor_label: 'superadmin@example.com',
      action: 'plan.updated',
      entity_type: 'plan',
      entity_id: GROWTH_PLAN.id,
      before: { ...GROWTH_PLAN },
      after: { ...GROWTH_PLAN, base_price_monthly: 849_000, limits: { ...GROWTH_PLAN.limits, max_agents: 15 }, updated_at: '2026-11-24T09:30:00.000Z' },
      request_id: '5f7a9c1e-3b5d-4f79-8a1c-3e5f7a9b1d3f',
      created_at: '2026-11-24T09:30:00.000Z',
    },
  ],
  has_more: true,
  next_cursor: '9c2e4a6b-8d0f-4b13-a5c7-e9f1b3d5a7c2',
};
