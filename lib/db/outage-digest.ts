/**
 * The digest a server-rendered page's error carries when the database is unreachable. Next.js
 * sends a server error's `digest` to the browser (never its message), and keeps one the error
 * already has, so the error screen can say what happened (components/console/page-error.tsx).
 * No imports: the browser bundle reads this.
 */
export const DATABASE_UNAVAILABLE_DIGEST = 'DATABASE_UNAVAILABLE';
