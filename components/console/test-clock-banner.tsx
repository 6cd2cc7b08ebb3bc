/** Issue #19: the server was started with TEST_CLOCK=true, so "now" is movable; shown on every console page. */
export function TestClockBanner({ now }: { now: string }) {
  return (
    <p role="status" className="mb-3 rounded-md border border-violet-300 bg-violet-50 px-3 py-1 text-xs text-violet-900">
      <strong className="font-semibold">Test clock on:</strong> billing reads the clock <time dateTime={now}>{now.replace('T', ' ').slice(0, 16)} UTC</time>, which
      can be moved forward (<code>POST /api/v1/test-clock</code>). Not for real customers.
    </p>
  );
}
