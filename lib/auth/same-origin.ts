const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request was sent by a page of another origin. A browser attaches the
 * session cookie to any request it makes to us, even one a foreign page started; SameSite=Lax
 * stops cross-site posts, but not one from a sibling subdomain (same site, other origin) nor a
 * browser without SameSite. So a cookie speaks for the user on POST/PUT/PATCH/DELETE only when
 * Origin is ours — the check Next applies to server actions, applied to the REST API. No Origin
 * and no Sec-Fetch-Site: not a browser (curl, another service), which sends no cookie unasked.
 */
export function isCrossOriginWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  // As Next does for server actions: the host the client addressed, through a proxy or not.
  const host = (request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host).split(',')[0]!.trim().toLowerCase();
  try {
    return new URL(origin).host.toLowerCase() !== host;
  } catch {
    return true; // `Origin: null` (sandboxed frames, privacy redirects): not our page
  }
}
