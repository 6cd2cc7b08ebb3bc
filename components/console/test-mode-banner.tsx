/** The demo without provider keys (scripts/start.ts): refunds go to local fakes of Xendit and Stripe; no real money moves. */
export function TestModeBanner() {
  return (
    <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <strong className="font-semibold">Test mode:</strong> Xendit and Stripe are local fakes started by <code>npm start</code>. Refunds and webhooks are real
      API calls to them; no real money moves.
    </p>
  );
}
