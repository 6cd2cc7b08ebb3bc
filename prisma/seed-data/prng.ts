import { createHash } from 'node:crypto';

/**
 * Stable ids for the demo catalog: the same plan, coupon or add-on has the same id on every
 * machine, so two seeded databases can be compared row for row. (The demo's history draws its
 * chance from the simulation's seeded PRNG, scripts/lib/simulate/prng.ts.) A UUID (version 5 layout over SHA-1) for a demo row, from its natural key. */
export function seedUuid(key: string): string {
  const hex = createHash('sha1').update(`billing-admin-console demo:${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
