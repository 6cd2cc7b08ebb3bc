'use client';

import { PageError } from '@/components/console/page-error';

/** A console page that failed to render; its layout (navigation) stays. */
export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} />;
}
