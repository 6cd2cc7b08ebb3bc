'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog for the page (print styles show only the document). */
export function PrintButton() {
  return <Button onClick={() => window.print()}>Print</Button>;
}
