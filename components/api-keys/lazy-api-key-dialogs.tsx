'use client';

import { lazyWithPreload } from '@/components/ui/lazy-with-preload';

// The create form (react-hook-form, ZCreateApiKeyInput) and Radix Dialog load when a dialog is
// first wanted, not with the page: the key table is the first load.
export const CreateApiKeyDialog = lazyWithPreload(() => import('./create-api-key-dialog').then((dialogs) => dialogs.CreateApiKeyDialog));
export const RevokeApiKeyDialog = lazyWithPreload(() => import('./revoke-api-key-dialog').then((dialogs) => dialogs.RevokeApiKeyDialog));
