'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCoupon } from '@/lib/billing/coupons/schemas';

export const COUPONS_QUERY_KEY = ['coupons'] as const;
const COUPONS_URL = '/api/v1/admin/billing/coupons';

/** Reads the public REST list (the browser's session cookie authenticates it): no private read API. */
async function fetchCoupons(): Promise<TCoupon[]> {
  const response = await fetch(COUPONS_URL, { headers: { accept: 'application/json' }, cache: 'no-store' });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = (body as { detail?: string } | null)?.detail;
    throw new Error(detail ?? `The coupon list could not be loaded (HTTP ${response.status}).`);
  }
  // Typed, not parsed: the API built this body from ZCoupon, and its contract tests hold it to that;
  // parsing it again here would put zod in the page's first load for no new check.
  return body as TCoupon[];
}

/** The coupon list, first painted from the server's data, refetched after every mutation. */
export function useCoupons(initialCoupons: TCoupon[]) {
  return useQuery({ queryKey: COUPONS_QUERY_KEY, queryFn: fetchCoupons, initialData: initialCoupons });
}

export function useInvalidateCoupons() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: COUPONS_QUERY_KEY });
}
