'use server';

import { applyCoupon } from '@/lib/billing/subscriptions/apply-coupon';
import { cancelPendingChange } from '@/lib/billing/subscriptions/cancel-pending-change';
import { cancelSubscription } from '@/lib/billing/subscriptions/cancel-subscription';
import { changeSubscription } from '@/lib/billing/subscriptions/change-subscription';
import { createSubscription } from '@/lib/billing/subscriptions/create-subscription';
import { previewSubscriptionChange } from '@/lib/billing/subscriptions/preview-subscription-change';
import { reactivateSubscription } from '@/lib/billing/subscriptions/reactivate-subscription';
import { removeCoupon } from '@/lib/billing/subscriptions/remove-coupon';
import {
  ZApplyCouponInput,
  ZCancelSubscriptionInput,
  ZChangeSubscriptionInput,
  ZCreateSubscriptionInput,
  ZReasonlessInput,
} from '@/lib/billing/subscriptions/schemas';
import { runAdminAction } from '@/lib/http/admin-action';

// The customer page's forms: the schemas and operations of the REST routes under
// /subscriptions (STYLE rule 1). Each operation judges the raw subscription id itself (404 when unknown).

export async function createSubscriptionAction(input: unknown) {
  return runAdminAction(ZCreateSubscriptionInput, input, (data, actor) => createSubscription(data, actor));
}

export async function previewSubscriptionChangeAction(id: string, input: unknown) {
  return runAdminAction(ZChangeSubscriptionInput, input, (data) => previewSubscriptionChange(id, data));
}

/** With the preview's `preview_id`: 409 subscription_changed when what the operator saw moved. */
export async function changeSubscriptionAction(id: string, input: unknown) {
  return runAdminAction(ZChangeSubscriptionInput, input, (data, actor) => changeSubscription(id, data, actor));
}

export async function cancelPendingChangeAction(id: string) {
  return runAdminAction(ZReasonlessInput, {}, (_data, actor) => cancelPendingChange(id, actor));
}

export async function applyCouponAction(id: string, input: unknown) {
  return runAdminAction(ZApplyCouponInput, input, (data, actor) => applyCoupon(id, data.code, actor));
}

export async function removeCouponAction(id: string) {
  return runAdminAction(ZReasonlessInput, {}, (_data, actor) => removeCoupon(id, actor));
}

export async function cancelSubscriptionAction(id: string, input: unknown) {
  return runAdminAction(ZCancelSubscriptionInput, input, (data, actor) => cancelSubscription(id, data, actor));
}

export async function reactivateSubscriptionAction(id: string) {
  return runAdminAction(ZReasonlessInput, {}, (_data, actor) => reactivateSubscription(id, actor));
}
