'use client';

import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Toaster } from 'sonner';
import { z } from 'zod';

// zod 4 probes for eval (`Function("")`) to compile faster parsers. The CSP forbids eval, so the
// probe fails — harmlessly, but as a CSP violation on every page. Jitless is what it falls back to.
z.config({ jitless: true });

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
