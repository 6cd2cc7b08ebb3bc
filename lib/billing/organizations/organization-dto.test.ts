import { describe, expect, it } from 'vitest';
import { organizationToDto } from './organization-dto';

describe('organizationToDto', () => {
  it('shows an organization row with the API field names (billing_email, tax_id) and times as ISO strings', () => {
    expect(organizationToDto({
      id: 'o1', name: 'PT Maju', slug: 'pt-maju', billingEmail: 'billing@maju.co.id', country: 'ID', taxId: '01.234.567.8-901.000',
      createdAt: new Date('2026-01-02T03:04:05.006Z'), updatedAt: new Date('2026-02-03T04:05:06.007Z'),
    })).toEqual({
      id: 'o1', name: 'PT Maju', slug: 'pt-maju', billing_email: 'billing@maju.co.id', country: 'ID', tax_id: '01.234.567.8-901.000',
      created_at: '2026-01-02T03:04:05.006Z', updated_at: '2026-02-03T04:05:06.007Z',
    });
  });
});
