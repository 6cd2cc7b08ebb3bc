import { describe, expect, it } from 'vitest';
import { NAV_LINKS, isActivePath } from './nav-links';

describe('console navigation', () => {
  it('lists the sections in the order of the spec', () => {
    expect(NAV_LINKS.map((link) => link.label)).toEqual([
      'Dashboard',
      'Customers',
      'Plans',
      'Coupons',
      'Add-ons',
      'Invoices',
      'Payments & refunds',
      'Audit log',
      'API keys',
      'API docs',
    ]);
  });

  it('marks the dashboard active only on /', () => {
    expect(isActivePath('/', '/')).toBe(true);
    expect(isActivePath('/plans', '/')).toBe(false);
  });

  it('marks a section active on its sub-pages but not on a longer sibling name', () => {
    expect(isActivePath('/invoices/123', '/invoices')).toBe(true);
    expect(isActivePath('/plans', '/plans')).toBe(true);
    expect(isActivePath('/plans-archive', '/plans')).toBe(false);
  });
});
