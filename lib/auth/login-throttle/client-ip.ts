import { isIPv4, isIPv6 } from 'node:net';

type THeaders = Headers | Record<string, unknown> | undefined;

/** The bucket of requests whose address cannot be read: they share one limit rather than none. */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The client address sign-in throttling keys on (docs/SECURITY.md). Next.js hands an App Router
 * handler no socket: it writes the socket's address into X-Forwarded-For only when the request
 * has none (`x-forwarded-for ??= remoteAddress`). Each trusted proxy appends the address it saw,
 * so with `trustedProxies` of them the client is that many entries from the right; the entries
 * further left are whatever the client sent, and are never used. With no proxy (0) the last entry
 * is the socket's address — unless a client connecting directly sent its own header, which Next
 * keeps: only a proxy in front (TRUST_PROXY ≥ 1) makes the per-IP limit unspoofable.
 * IPv6 addresses count per /64, the block one subscriber usually gets.
 */
export function clientIp(headers: THeaders, trustedProxies: number): string {
  const hops = headerValue(headers, 'x-forwarded-for')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const hop = hops[Math.max(0, hops.length - Math.max(1, trustedProxies))];
  return (hop && normalizeIp(hop)) ?? UNKNOWN_CLIENT;
}

function headerValue(headers: THeaders, name: string): string {
  if (!headers) return '';
  if (headers instanceof Headers) return headers.get(name) ?? '';
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
}

/** A canonical form (no port, IPv4-mapped IPv6 as IPv4, IPv6 as its /64), or null when it is no address. */
export function normalizeIp(raw: string): string | null {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
  return null;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::1.2.3.4) is two groups.
  const last = right.length ? right : left;
  const dotted = last.at(-1)?.includes('.') ? last.pop()!.split('.').map(Number) : null;
  if (dotted) last.push(((dotted[0]! << 8) | dotted[1]!).toString(16), ((dotted[2]! << 8) | dotted[3]!).toString(16));
  const missing = 8 - left.length - right.length;
  return [...left, ...Array.from({ length: tail === undefined ? 0 : missing }, () => '0'), ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
