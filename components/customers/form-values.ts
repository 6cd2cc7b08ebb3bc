/** An empty text field is an absent value: the schemas' optional fields (`coupon_code`, `tax_id`, `timing`) are optional, not blank. */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}
