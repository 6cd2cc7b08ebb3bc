/** The console's sections, in sidebar order. */
export const NAV_LINKS = [
  { href: '/', label: 'Dashboard' },
  { href: '/customers', label: 'Customers' },
  { href: '/plans', label: 'Plans' },
  { href: '/coupons', label: 'Coupons' },
  { href: '/addons', label: 'Add-ons' },
  { href: '/invoices', label: 'Invoices' },
  { href: '/payments', label: 'Payments & refunds' },
  { href: '/audit-log', label: 'Audit log' },
  { href: '/api-keys', label: 'API keys' },
  { href: '/docs', label: 'API docs' },
] as const;

/** `/` is active only on itself; every other section also owns its sub-pages (`/invoices/…`). */
export function isActivePath(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
