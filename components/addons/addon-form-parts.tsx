'use client';

import type { ComponentProps } from 'react';
import { Input } from '@/components/ui/input';
import { ADDON_CURRENCY } from '@/lib/billing/addons/schemas';
import { formatMoney } from '@/lib/money-format';
import { annualDiscount, describeAnnualDiscount } from './annual-discount';

/** Number inputs give strings: blank is "not given", anything else a number zod then judges (NaN included). */
export const asOptionalNumber = (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value));

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
