import { describe, expect, it } from 'vitest';
import { isCrossOriginWrite } from './same-origin';

const request = (method: string, headers: Record<string, string>, url = 'http://localhost:3000/api/v1/admin/billing/plans') => new Request(url, { method, headers });

describe('cross-origin writes', () => {
  it.each([
    ['POST', { origin: 'https://evil.example' }],
    ['PATCH', { origin: 'https://other.billing.example.com', host: 'billing.example.com' }],
    ['DELETE', { origin: 'null' }],
    ['POST', { 'sec-fetch-site': 'cross-site' }],
    ['POST', { 'sec-fetch-site': 'same-site', origin: 'https://billing.example.com' }],
    ['PUT', { origin: 'https://billing.example.com', host: '10.0.0.5:3000', 'x-forwarded-host': 'evil.example' }],
  ])('%s with %j is cross-origin', (method, headers) => {
    expect(isCrossOriginWrite(request(method, headers))).toBe(true);
  });

  it.each([
    ['POST', { origin: 'http://localhost:3000' }],
    ['POST', { origin: 'https://billing.example.com', host: '10.0.0.5:3000', 'x-forwarded-host': 'billing.example.com' }],
    ['PATCH', { origin: 'https://Billing.Example.com', host: 'billing.example.com', 'sec-fetch-site': 'same-origin' }],
    ['POST', {}],
    ['GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['HEAD', { origin: 'null' }],
  ])('%s with %j is not', (method, headers) => {
    expect(isCrossOriginWrite(request(method, headers))).toBe(false);
  });
});
