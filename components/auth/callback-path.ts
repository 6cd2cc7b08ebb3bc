/**
 * The in-app path to return to after sign-in. Only a path on this origin is honoured (no open
 * redirect): an absolute URL, which next-auth itself may send, is reduced to its path.
 */
export function safeCallbackPath(raw: string | string[] | undefined): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  let path: string;
  try {
    const url = new URL(value, 'http://placeholder.invalid');
    path = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return undefined;
  }
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/login')) return undefined;
  return path;
}
