import { describe, expect, it } from 'vitest';
import { clientIp, normalizeIp, UNKNOWN_CLIENT } from './client-ip';

const xff = (value: string) => ({ 'x-forwarded-for': value });

describe('clientIp', () => {
  it("with no proxy, the socket's address that Next.js put in X-Forwarded-For", () => {
    expect(clientIp(xff('203.0.113.7'), 0)).toBe('203.0.113.7');
    expect(clientIp(new Headers(xff('203.0.113.7')), 0)).toBe('203.0.113.7');
  });

  it('behind trusted proxies, the address the outermost of them saw — never the client-written entries further left', () => {
    expect(clientIp(xff('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientIp(xff('6.6.6.6, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7');
    expect(clientIp(xff('203.0.113.7'), 2)).toBe('203.0.113.7');
  });

  it('no header or no address shares one bucket', () => {
    expect(clientIp(undefined, 0)).toBe(UNKNOWN_CLIENT);
    expect(clientIp({}, 1)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(xff('not-an-ip'), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(xff(' , '), 0)).toBe(UNKNOWN_CLIENT);
  });
});

describe('normalizeIp', () => {
  it('drops ports and unwraps IPv4-mapped IPv6', () => {
    expect(normalizeIp('198.51.100.4:5123')).toBe('198.51.100.4');
    expect(normalizeIp('::ffff:198.51.100.4')).toBe('198.51.100.4');
    expect(normalizeIp('[2001:db8::1]:443')).toBe('2001:db8:0:0::/64');
  });

  it('counts IPv6 per /64, so one subscriber cannot rotate through its block', () => {
    expect(normalizeIp('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(normalizeIp('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(normalizeIp('::1')).toBe('0:0:0:0::/64');
    expect(normalizeIp('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('refuses what is not an address', () => {
    expect(normalizeIp('')).toBeNull();
    expect(normalizeIp('999.1.1.1')).toBeNull();
    expect(normalizeIp('<script>')).toBeNull();
  });
});
