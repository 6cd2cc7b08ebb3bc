import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { ConsoleNav } from './console-nav';
import { ProductMark } from './product-mark';

/** Sidebar (product, sections, signed-in account) and the main content column. */
export function ConsoleShell({ email, children }: { email: string; children: ReactNode }) {
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only z-50 rounded-md print:hidden bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      {/* The aside stretches with the row, so its background and border run the whole page height; its content stays in view. */}
      <aside className="print:hidden border-b border-zinc-200 bg-white md:w-64 md:shrink-0 md:border-r md:border-b-0">
        <div className="flex flex-col gap-4 px-3 py-4 md:sticky md:top-0 md:h-screen">
          <div className="px-3">
            <ProductMark />
          </div>
          <ConsoleNav />
          <div className="flex items-center justify-between gap-3 border-t border-zinc-100 px-3 pt-4 md:mt-auto md:flex-col md:items-stretch">
            <div className="min-w-0">
              <p className="text-xs text-zinc-500">Signed in as</p>
              <p className="truncate text-sm font-medium text-zinc-900" title={email}>
                {email}
              </p>
            </div>
            <SignOutButton />
          </div>
        </div>
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-8 focus:outline-none sm:px-8 print:p-0">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
