import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** Shared with lib/log.ts, which reads LOG_LEVEL itself: logging must work before (and without) a valid config. */
export const ZLogLevel = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }))
  .default('info');

const DURATION = /^(\d+)\s*(ms|s|m|h|d)$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * BILLING_RUN_INTERVAL: how often each app instance starts a billing run by itself (instrumentation.ts),
 * as `30s`, `15m`, `1h`, `1d`; `off` (the default), empty or `0` turn it off. At least 10 seconds.
 * Parsed to milliseconds, or null when off.
 */
export const ZBillingRunInterval = z
  .string()
  .trim()
  .toLowerCase()
  .default('off')
  .transform((value, ctx) => {
    if (value === '' || value === 'off' || value === '0') return null;
    const match = DURATION.exec(value);
    const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : NaN;
    if (!(ms >= 10_000 && ms <= 30 * 86_400_000)) {
      ctx.addIssue({ code: 'custom', message: 'BILLING_RUN_INTERVAL must be off or a duration from 10s to 30d, e.g. 15m, 1h, 1d' });
      return z.NEVER;
    }
    return ms;
  });
/** A duration in milliseconds from `600` (seconds), `30s`, `10m` or `1h`. */
function ZDuration(name: string) {
  return z
    .string()
    .trim()
    .regex(/^\d+(s|m|h)?$/, `${name} must be seconds or a number with s, m or h, e.g. 10m`)
    .transform((value) => {
      const unit = value.at(-1);
      const amount = Number.parseInt(value, 10);
      return amount * (unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : 1000);
    });
}

/**
 * Server configuration, parsed once from the environment. The start script (scripts/start.ts)
 * fills DATABASE_URL (embedded PostgreSQL) and NEXTAUTH_SECRET (persisted) when they are unset.
 */
const ZConfig = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (npm start sets it for the embedded PostgreSQL)'),
  NEXTAUTH_SECRET: z.string().min(16, 'NEXTAUTH_SECRET must be at least 16 characters'),
  /** Invoice tax rate as a decimal fraction; 0.11 is Indonesia's PPN. */
  TAX_RATE: z
    .string()
    .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'TAX_RATE must be a decimal between 0 and 1, e.g. 0.11')
    .default('0.11'),
  /**
   * A read replica (streaming or logical) for analytics (lib/db/read-replica.ts); unset or empty:
   * the primary. Its answers lag the primary by the replication delay (docs/DEPLOY.md).
   */
  DATABASE_REPLICA_URL: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** API requests per minute per API key or signed-in user (lib/http/rate-limit.ts); 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int('RATE_LIMIT_PER_MINUTE must be a whole number').min(0).max(1_000_000).default(600),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (a load balancer: 1).
   * Sign-in throttling reads the client IP from it (lib/auth/login-throttle/client-ip.ts).
   */
  TRUST_PROXY: z.coerce.number().int('TRUST_PROXY must be a whole number of proxies').min(0).max(10).default(0),
  BILLING_RUN_INTERVAL: ZBillingRunInterval,
  LOG_LEVEL: ZLogLevel,
  /**
   * The seller printed on invoice documents (lib/billing/documents). The defaults are the demo
   * company's: set all four in production. SELLER_ADDRESS takes `\n` for line breaks.
   */
  SELLER_NAME: z.string().trim().min(1).max(200).default('PT Pesan Cepat Indonesia'),
  SELLER_ADDRESS: z
    .string()
    .trim()
    .max(500)
    .transform((address) => address.replaceAll('\\n', '\n'))
    .default('Jl. Jenderal Sudirman Kav. 52–53\nJakarta Selatan 12190\nIndonesia'),
  SELLER_EMAIL: z.string().trim().max(200).default('billing@pesancepat.example'),
  /** The seller's NPWP (tax id), printed on every invoice for PPN. */
  SELLER_NPWP: z.string().trim().max(40).default('01.234.567.8-901.000'),
  // Payment providers (SPEC §12). Without a key, refunds of that provider's payments fail with a
  // clear reason; `npm start` without keys runs the demo's fake providers instead (scripts/start.ts).
  XENDIT_SECRET_KEY: z.string().min(1).optional(),
  XENDIT_CALLBACK_TOKEN: z.string().min(1).optional(),
  /** Base URL of Xendit's API (tests and the demo: a local fake speaking Xendit's wire format). */
  XENDIT_API_URL: z.url({ error: 'XENDIT_API_URL must be a URL' }).default('https://api.xendit.co'),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_API_URL: z.url({ error: 'STRIPE_API_URL must be a URL' }).default('https://api.stripe.com'),
  /** Stripe SDK's own retries of connection errors, 409s and 5xx (0 in tests: each costs 0.5–5 s). */
  STRIPE_MAX_NETWORK_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  /** How long one provider call may take before the refund is left pending for the reconciler. */
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** A refund still pending after this long is asked of its provider again: `600`, `30s`, `10m`, `1h`. */
  REFUND_PENDING_RECHECK: ZDuration('REFUND_PENDING_RECHECK').default(600_000),
  /** Run the refund reconciler in-process every this long (`5m`); unset or `0`: never (use `npm run refunds:reconcile` or POST /refunds/reconcile). */
  REFUND_RECONCILE_INTERVAL: ZDuration('REFUND_RECONCILE_INTERVAL').default(0),
  /** Webhook deliveries accepted per minute per provider (lib/http/rate-limit.ts); 0 turns the limit off. */
  WEBHOOK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  /** Label of the demo's test mode (fake providers), shown in the console's banner. */
  PROVIDERS_TEST_MODE: z.enum(['true', 'false']).default('false'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type TConfig = z.infer<typeof ZConfig>;

let cached: TConfig | undefined;

export function config(): TConfig {
  cached ??= parseConfig();
  return overrides ? { ...cached, ...overrides } : cached;
}

function parseConfig(): TConfig {
  const parsed = ZConfig.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

let overrides: Partial<TConfig> | undefined;

/**
 * Settings this process's own in-process API driver needs (the demo seed: no per-minute limit on
 * its own requests, scripts/lib/simulate/in-process-target.ts); the returned function removes them.
 */
export function overrideConfig(values: Partial<TConfig>): () => void {
  overrides = { ...overrides, ...values };
  return () => {
    overrides = undefined;
  };
}
