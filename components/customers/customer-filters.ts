import { urlFilters } from '@/components/ui/url-filters';

/** The Customers page's filters as they live in the URL: the same names GET /organizations takes. */
/** `coupon_id` comes from the coupons page (the customers holding a coupon); it has no control of its own. */
export const CUSTOMER_FILTER_KEYS = ['search', 'plan_id', 'status', 'has_coupon', 'coupon_id'] as const;
export type TCustomerFilters = Partial<Record<(typeof CUSTOMER_FILTER_KEYS)[number], string>>;

export const customerUrlFilters = urlFilters(CUSTOMER_FILTER_KEYS);
export const { read: readCustomerFilters, search: customerFiltersSearch } = customerUrlFilters;
export const CUSTOMER_PAGE_SIZE = 25;
