'use client';

import { Suspense } from 'react';
import { Button } from '@/components/ui/button';
import { lazyWithPreload } from '@/components/ui/lazy-with-preload';
import { useDialogOpener } from '@/components/ui/use-dialog-opener';
import type { TPayableInvoice } from './record-payment-dialog';

// Loaded when first wanted, like the refund dialog.
const RecordPaymentDialog = lazyWithPreload(() => import('./record-payment-dialog').then((dialogs) => dialogs.RecordPaymentDialog));

export function RecordPaymentButton({ invoice }: { invoice: TPayableInvoice }) {
  const opener = useDialogOpener(RecordPaymentDialog);
  return (
    <>
      <Button {...opener.buttonProps}>Record payment</Button>
      {opener.open ? (
        <Suspense fallback={null}>
          <RecordPaymentDialog invoice={invoice} onClose={opener.close} onCloseAutoFocus={opener.returnFocus} />
        </Suspense>
      ) : null}
    </>
  );
}
