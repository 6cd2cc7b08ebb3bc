'use client';

import { Suspense } from 'react';
import { Button } from '@/components/ui/button';
import { lazyWithPreload } from '@/components/ui/lazy-with-preload';
import { useDialogOpener } from '@/components/ui/use-dialog-opener';

// The dialog (and zod, which checks the reason) loads when first wanted, not with the invoice page.
const VoidInvoiceDialog = lazyWithPreload(() => import('./void-invoice-dialog').then((dialogs) => dialogs.VoidInvoiceDialog));

export function VoidInvoiceButton({ invoice }: { invoice: { id: string; number: string } }) {
  const opener = useDialogOpener(VoidInvoiceDialog);
  return (
    <>
      <Button variant="secondary" {...opener.buttonProps}>
        Void invoice
      </Button>
      {opener.open ? (
        <Suspense fallback={null}>
          <VoidInvoiceDialog invoice={invoice} onClose={opener.close} onCloseAutoFocus={opener.returnFocus} />
        </Suspense>
      ) : null}
    </>
  );
}
