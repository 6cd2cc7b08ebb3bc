import type { TCurrency } from '@/lib/money-format';

/**
 * The seed gives add-ons no currency: they are priced in the product's currency, IDR (the
 * `currency` column defaults to it), so every amount is whole rupiah. Without zod, so the add-on
 * table can price its rows without loading the schemas.
 */
export const ADDON_CURRENCY: TCurrency = 'IDR';
