/** The product name with a small brand glyph, used in the sidebar and on the sign-in screen. */
export function ProductMark() {
  return (
    <span className="inline-flex items-center gap-2.5">
      <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white">
        B
      </span>
      <span className="text-sm font-semibold tracking-tight text-zinc-900">Billing Admin Console</span>
    </span>
  );
}
