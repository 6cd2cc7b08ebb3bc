/**
 * Short amounts for chart axes and bar labels ("Rp 12,5 jt", "$1.3M"), in the currency's locale.
 * Intl only, no decimal.js: it runs in the browser's chart bundle, and an axis label is an
 * approximation by design — exact amounts are in the tooltips, formatted on the server.
 */
export function compactMoneyFormatter(locale: string, currency: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  return (value) => format.format(value).replace(/\u00a0/g, ' ');
}
