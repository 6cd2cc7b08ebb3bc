/** How long a refund has waited for its provider: "pending for 12 min", "pending for 2 h 5 min". */
export function pendingAge(ageMs: number): string {
  const minutes = Math.max(0, Math.floor(ageMs / 60_000));
  return minutes < 60 ? `pending for ${minutes} min` : `pending for ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
