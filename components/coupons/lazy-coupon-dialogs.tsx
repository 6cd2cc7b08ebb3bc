'use client';

import { lazyWithPreload } from '@/components/ui/lazy-with-preload';

// The coupon form (react-hook-form, the Z… schemas, the worst-case estimate) and Radix Dialog load
// when a dialog is first wanted, not with the page: the table and its buttons are the first load.
export const CouponFormDialog = lazyWithPreload(() => import('./coupon-form-dialog').then((dialogs) => dialogs.CouponFormDialog));
export const DeactivateCouponDialog = lazyWithPreload(() => import('./deactivate-coupon-dialog').then((dialogs) => dialogs.DeactivateCouponDialog));
export const CouponHoldersDialog = lazyWithPreload(() => import('./coupon-holders-dialog').then((dialogs) => dialogs.CouponHoldersDialog));
