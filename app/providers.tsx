'use client';

import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Toaster } from 'sonner';
import { config as configureZod } from 'zod/v4/core';

// zod 4 probes for eval (`Function("")`) to compile faster parsers. The CSP forbids eval, so the
// probe fails — harmlessly, but as a CSP violation on every page. Jitless is what it falls back to.
// From zod/v4/core (the same global setting `z.config` writes): `import { z } from 'zod'` here put
// all of zod (~31 kB gzip) into every page, even those that never parse anything (docs/PERFORMANCE.md).
configureZod({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; created in state so a re-render never replaces its cache.
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } }),
  );

  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <Toaster position="top-right" richColors closeButton />
    </QueryClientProvider>
  );
}
