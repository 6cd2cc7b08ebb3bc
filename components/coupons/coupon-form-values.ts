import type { z } from 'zod';
import type { Control, DefaultValues } from 'react-hook-form';
import type { TCoupon, TCreateCouponInput, TUpdateCouponInput, ZCreateCouponInput } from '@/lib/billing/coupons/schemas';

/** The form edits a create body; an edit submits only what changed (see changedFields). */
export type TCouponFormValues = z.input<typeof ZCreateCouponInput>;
/** What the resolver hands to submit: a create body, or an update body of the changed fields. */
export type TCouponFormOutput = TCreateCouponInput | TUpdateCouponInput;
export type TCouponFormControl = Control<TCouponFormValues, unknown, TCouponFormOutput>;

/** An empty form; the value starts blank (undefined), which zod reports as "Must be a number.". */
export const EMPTY_COUPON_VALUES: DefaultValues<TCouponFormValues> = {
  code: '',
  discount_type: 'percentage',
  discount_value: undefined,
  currency: null,
  duration: 'once',
  duration_in_cycles: null,
  max_uses: null,
  valid_from: undefined,
  valid_until: null,
  applicable_plans: [],
};

export function couponToFormValues(coupon: TCoupon): TCouponFormValues {
  return {
    code: coupon.code,
    discount_type: coupon.discount_type,
    discount_value: coupon.discount_value,
    currency: coupon.currency,
    duration: coupon.duration,
    duration_in_cycles: coupon.duration_in_cycles,
    max_uses: coupon.max_uses,
    valid_from: coupon.valid_from,
    valid_until: coupon.valid_until,
    applicable_plans: coupon.applicable_plans,
  };
}

/** "Duplicate with changes": the same terms under a fresh code, valid from now; a past end date is dropped. */
export function duplicateFormValues(coupon: TCoupon, takenCodes: readonly string[], now: Date): TCouponFormValues {
  const stillValid = coupon.valid_until !== null && Date.parse(coupon.valid_until) > now.getTime();
  return { ...couponToFormValues(coupon), code: suggestCode(coupon.code, takenCodes), valid_from: undefined, valid_until: stillValid ? coupon.valid_until : null };
}

/** WELCOME20 → WELCOME20-V2 (or -V3 … when taken), within the 32-character limit. */
export function suggestCode(code: string, takenCodes: readonly string[]): string {
  const taken = new Set(takenCodes.map((candidate) => candidate.toUpperCase()));
  const base = code.toUpperCase().replace(/-V\d+$/, '');
  for (let version = 2; ; version++) {
    const suffix = `-V${version}`;
    const candidate = `${base.slice(0, 32 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const sameSet = (a: readonly string[] | null | undefined, b: readonly string[]) => {
  const left = new Set(a ?? []);
  return left.size === b.length && b.every((id) => left.has(id));
};

/**
 * The update body for an edit: only fields that changed and may change. A used coupon's code and
 * discount are never sent (they are locked, SPEC §5). When the discount changes, its type, value
 * and currency travel together so the server judges them as one.
 */
export function changedFields(values: TCouponFormValues, coupon: TCoupon): TUpdateCouponInput {
  const body: TUpdateCouponInput = {};
  if ((values.max_uses ?? null) !== coupon.max_uses) body.max_uses = values.max_uses ?? null;
  if (values.valid_from && values.valid_from !== coupon.valid_from) body.valid_from = values.valid_from;
  if ((values.valid_until ?? null) !== coupon.valid_until) body.valid_until = values.valid_until ?? null;
  if (!sameSet(values.applicable_plans, coupon.applicable_plans)) body.applicable_plans = values.applicable_plans ?? [];
  if (coupon.current_uses > 0) return body;
  if (values.code.toUpperCase() !== coupon.code) body.code = values.code;
  const currency = values.discount_type === 'fixed' ? (values.currency ?? 'IDR') : null;
  if (values.discount_type !== coupon.discount_type || values.discount_value !== coupon.discount_value || currency !== coupon.currency) {
    Object.assign(body, { discount_type: values.discount_type, discount_value: values.discount_value, currency });
  }
  return body;
}

/** `<input type="datetime-local">` speaks minutes without a zone; the console reads and writes them as UTC. */
export function isoToUtcInput(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 16) : '';
}

export function utcInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(`${value}:00Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
