/**
 * How many more invoices a subscription's coupon discounts (SPEC §10: `duration` counts discounted
 * invoices): `once` 1, `repeating` its cycles, less those used since it was applied; `forever` null.
 */
export function cyclesLeft(coupon: { duration: 'once' | 'repeating' | 'forever'; durationInCycles: number | null }, used: number): number | null {
  if (coupon.duration === 'forever') return null;
  const cycles = coupon.duration === 'once' ? 1 : (coupon.durationInCycles ?? 0);
  return Math.max(0, cycles - used);
}

/** Whether the coupon still discounts the next invoice. */
export function coversNextInvoice(coupon: { duration: 'once' | 'repeating' | 'forever'; durationInCycles: number | null }, used: number): boolean {
  const left = cyclesLeft(coupon, used);
  return left === null || left > 0;
}
