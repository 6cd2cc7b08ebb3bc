'use client';

import { Suspense } from 'react';
import { Button } from '@/components/ui/button';
import { lazyWithPreload } from '@/components/ui/lazy-with-preload';
import { useDialogOpener } from '@/components/ui/use-dialog-opener';

// The plan dialogs (the form, react-hook-form, the Z… schemas, Radix Dialog) load when first
// wanted, not with the page: the table and its buttons are the page's first load.
const CreatePlanDialog = lazyWithPreload(() => import('./plan-dialogs').then((dialogs) => dialogs.CreatePlanDialog));
export const EditPlanDialog = lazyWithPreload(() => import('./plan-dialogs').then((dialogs) => dialogs.EditPlanDialog));
export const PlanActivationDialog = lazyWithPreload(() => import('./plan-dialogs').then((dialogs) => dialogs.PlanActivationDialog));

export function CreatePlanButton() {
  const opener = useDialogOpener(CreatePlanDialog);
  return (
    <>
      <Button {...opener.buttonProps}>New plan</Button>
      {opener.open ? (
        <Suspense fallback={null}>
          <CreatePlanDialog onClose={opener.close} onCloseAutoFocus={opener.returnFocus} />
        </Suspense>
      ) : null}
    </>
  );
}
