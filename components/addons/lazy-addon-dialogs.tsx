'use client';

import { lazyWithPreload } from '@/components/ui/lazy-with-preload';

// The add-on form (react-hook-form, the Z… schemas, decimal.js for the annual discount) and Radix
// Dialog load when a dialog is first wanted, not with the page: the table is the first load.
export const AddonFormDialog = lazyWithPreload(() => import('./addon-form-dialog').then((dialogs) => dialogs.AddonFormDialog));
export const ConfirmToggleDialog = lazyWithPreload(() => import('./confirm-toggle-dialog').then((dialogs) => dialogs.ConfirmToggleDialog));
