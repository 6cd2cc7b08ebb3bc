/** What the audit log records changes to (the `entity_type` recordAudit callers write). Without zod, for the browser's filter. */
export const AUDIT_ENTITY_TYPES = ['plan', 'coupon', 'addon', 'invoice', 'api_key', 'organization', 'subscription', 'test_clock'] as const;
