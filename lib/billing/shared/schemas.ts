import { z } from 'zod';
import { CURRENCIES, MAX_AMOUNT, currencyDecimals, decimalFromJsonNumber } from '@/lib/money';

/** ISO 4217 codes the product bills in (SPEC §4). */
export const ZCurrency = z.enum(CURRENCIES, { error: `Use one of ${CURRENCIES.join(', ')}.` });

/** Slugs: lowercase letters, digits and single hyphens, 1–64 chars (SPEC §4). */
export const ZSlug = z
  .string()
  .min(1, 'Required.')
  .max(64, 'At most 64 characters.')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lowercase letters, digits and single hyphens only (e.g. "pro-annual").');

/**
 * A money amount as the API takes it: a JSON number in major units, ≥ 0. Whether it has too many
 * decimals depends on the currency, which lives in another field; see `refineMoneyDecimals`.
 */
export const ZMoneyInput = z
  .number({ error: 'Must be a number.' })
  .finite('Must be a finite number.')
  .min(0, 'Must be 0 or more.')
  .max(MAX_AMOUNT.toNumber(), 'Too large.');

/** Adds an issue for every amount with more decimals than `currency` allows (IDR 0, USD 2 …). */
export function refineMoneyDecimals(
  ctx: z.RefinementCtx,
  currency: string,
  amounts: Record<string, number | undefined | null>,
): void {
  const decimals = currencyDecimals(currency);
  for (const [path, amount] of Object.entries(amounts)) {
    if (amount === undefined || amount === null || !Number.isFinite(amount)) continue;
    if (decimalFromJsonNumber(amount).decimalPlaces() > decimals) {
      ctx.addIssue({
        code: 'custom',
        path: path.split('.'),
        message: decimals === 0 ? `${currency} amounts are whole numbers.` : `${currency} amounts have at most ${decimals} decimals.`,
      });
    }
  }
}

export const ZSortOrder = z.number().int('Must be a whole number.').min(-1_000_000).max(1_000_000);
/** PostgreSQL has no year 0: an instant before 0001-01-01 UTC is refused by the schema, never by the database (a 500). */
export const MIN_INSTANT_MESSAGE = 'Use an instant on or after 0001-01-01T00:00:00Z.';
export const isStorableInstant = (value: string): boolean => new Date(value).getUTCFullYear() >= 1;
export const ZTimestamp = z.iso
  .datetime({ offset: true, error: 'Use an ISO 8601 timestamp, e.g. 2026-01-31T00:00:00Z.' })
  .refine(isStorableInstant, { error: MIN_INSTANT_MESSAGE });
