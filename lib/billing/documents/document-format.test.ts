import { describe, expect, it } from 'vitest';

// The module is imported inside each test, not at the top: its formatters are built when it loads,
// and a broken formatter option (a mutant, or a bad edit) then fails these tests by name instead of
// failing the file's import, which the mutation runner cannot tell from "no test ran".
const load = () => import('./document-format');

describe('document dates and country names (built when the module loads)', () => {
  it('a date is written the British way (day, short month, year), in UTC whatever the server zone', async () => {
    const { documentDate, documentPeriod } = await load();
    expect(documentDate('2026-03-03T23:30:00.000Z')).toBe('3 Mar 2026');
    expect(documentPeriod('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z')).toBe('1 Jan 2026 – 31 Jan 2026');
  });

  it('a country is named in English', async () => {
    const { partyDetails } = await load();
    expect(partyDetails([], 'id')).toEqual(['Indonesia']);
    expect(partyDetails([], 'DE')).toEqual(['Germany']);
  });
});
