import base from './playwright.config';
// Local only (not committed): the shared machine's load (~20 on 2 cores) outlasts the 10 s expect timeout.
export default { ...base, timeout: 120_000, expect: { timeout: 40_000 } };
