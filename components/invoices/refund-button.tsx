'use client';

import { Suspense } from 'react';
import { Button } from '@/components/ui/button';
import { lazyWithPreload } from '@/components/ui/lazy-with-preload';
import { useDialogOpener } from '@/components/ui/use-dialog-opener';
import type { TRefundableInvoice } from './refund-dialog';

// The refund dialog (its form: react-hook-form, ZRefundInput, decimal.js; Radix Dialog) loads when
// first wanted, not with the invoice page.
const RefundDialog = lazyWithPreload(() => import('./refund-dialog').then((dialogs) => dialogs.RefundDialog));

export function RefundButton({ invoice }: { invoice: TRefundableInvoice }) {
  const opener = useDialogOpener(RefundDialog);
  return (
    <>
      <Button variant="secondary" {...opener.buttonProps}>
        Refund
      </Button>
      {opener.open ? (
        <Suspense fallback={null}>
          <RefundDialog invoice={invoice} onClose={opener.close} onCloseAutoFocus={opener.returnFocus} />
        </Suspense>
      ) : null}
    </>
  );
}
