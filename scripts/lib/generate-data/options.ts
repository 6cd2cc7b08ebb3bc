import { parseArgs } from 'node:util';
import { z } from 'zod';

/**
 * What `npm run db:generate` makes: `organizations` tenants (one subscription each) billed over the
 * last `months` calendar months, the current one included. 45,000 × 40 gives ≈ 990,000 invoices
 * (monthly tenants get one a month, annual ones one a year; many start late, some cancel).
 */
export const ZGenerateOptions = z.strictObject({
  organizations: z.coerce.number().int().min(1).max(2_000_000),
  months: z.coerce.number().int().min(1).max(120),
  /** Delete the rows an earlier run generated first; without it a second run is refused. */
  reset: z.boolean().default(false),
  /** Seeds the deterministic pseudo-random choices: the same seed, options and `now` give the same rows. */
  seed: z.coerce.number().int().min(0).max(1_000_000).default(1),
  /** The moment the history ends at (tests pin it); default: the real now. */
  now: z.coerce.date().optional(),
});

export type TGenerateOptions = z.output<typeof ZGenerateOptions>;

export const GENERATE_USAGE =
  'usage: npm run db:generate -- --organizations N --months M [--reset] [--seed S] [--now ISO-DATE]';

/** Parses the command line (`--organizations 25000 --months 44 --reset`). */
export function parseGenerateArgs(argv: readonly string[]): TGenerateOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      organizations: { type: 'string' },
      months: { type: 'string' },
      reset: { type: 'boolean' },
      seed: { type: 'string' },
      now: { type: 'string' },
    },
    strict: true,
  });
  const parsed = ZGenerateOptions.safeParse({ ...values, reset: values.reset ?? false });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`);
    throw new Error([...problems, GENERATE_USAGE].join('\n'));
  }
  return parsed.data;
}
