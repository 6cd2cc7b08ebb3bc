import { urlFilters } from '@/components/ui/url-filters';

/** The Customers page's filters as they live in the URL: the same names GET /organizations takes. */
export const CUSTOMER_FILTER_KEYS = ['search', 'plan_id', 'status', 'has_coupon'] as const;
export type TCustomerFilters = Partial<Record<(typeof CUSTOMER_FILTER_KEYS)[number], string>>;

export const customerUrlFilters = urlFilters(CUSTOMER_FILTER_KEYS);
export const { read: readCustomerFilters, search: customerFiltersSearch } = customerUrlFilters;
export const CUSTOMER_PAGE_SIZE = 25;
