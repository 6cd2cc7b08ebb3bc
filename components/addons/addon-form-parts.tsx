'use client';

import type { ComponentProps } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { Input } from '@/components/ui/input';
import type { TActionResult } from '@/lib/http/admin-action';
import { ADDON_CURRENCY } from '@/lib/billing/addons/schemas';
import { formatMoney } from '@/lib/money-format';
import { annualDiscount, describeAnnualDiscount } from './annual-discount';

type TActionFailure = Extract<TActionResult<unknown>, { ok: false }>;

/** Number inputs give strings: blank is "not given", anything else a number zod then judges (NaN included). */
export const asOptionalNumber = (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value));

/**
 * Puts the API's field errors (e.g. slug_taken on `slug`) on the form's own fields. Returns the
 * message for what no field can show, or null when every error found its field.
 */
export function applyActionErrors<T extends FieldValues>(failure: TActionFailure, setError: UseFormSetError<T>, fields: readonly Path<T>[]): string | null {
  const placed = (failure.errors ?? []).filter((error) => (fields as readonly string[]).includes(error.path));
  placed.forEach((error, index) => setError(error.path as Path<T>, { type: 'server', message: error.message }, { shouldFocus: index === 0 }));
  return placed.length > 0 && placed.length === (failure.errors ?? []).length ? null : failure.message;
}

/** An amount input in rupiah, with the currency shown before it. */
export function PriceInput(props: ComponentProps<'input'>) {
  return (
    <div className="relative">
      <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-zinc-500">
        Rp
      </span>
      <Input type="number" inputMode="numeric" min={0} step={1} className="pl-9 text-right tabular-nums" {...props} />
    </div>
  );
}

/** The hint under the annual price: its default, and the discount it implies against 12 × monthly. */
export function annualPriceHint(monthly: unknown, annual: unknown, emptyMeans: 'default' | 'unchanged'): string {
  const discount = annualDiscount(asAmount(monthly), asAmount(annual));
  if (!discount) {
    return emptyMeans === 'default' ? 'Leave empty for monthly × 10.' : 'Leave empty to keep the current annual price.';
  }
  const described = describeAnnualDiscount(discount, ADDON_CURRENCY);
  return discount.isDefault
    ? `Left empty: ${formatMoney(discount.annual, ADDON_CURRENCY)} (monthly × 10), ${described}.`
    : `Annual billing: ${described}.`;
}

const asAmount = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}

/** "Extra WhatsApp number" → "extra-whatsapp-number": a slug suggestion the operator can overwrite. */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
