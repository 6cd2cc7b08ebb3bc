// GET /addons.csv: the list as CSV, documented as an operation of its own; the list's own GET answers CSV
// on this path (lib/http/list-format.ts reads the .csv suffix).
export { GET } from '../addons/route';

// The methods this route lacks: 405 with Allow (lib/http/other-methods.ts).
export * from '@/lib/http/other-methods';
