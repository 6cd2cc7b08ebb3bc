'use client';

import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { TSubscription } from '@/lib/billing/subscriptions/schemas';
import { MutationStatus } from './mutation-status';
import { sendJson } from './post-json';
import { useCustomerMutation } from './use-customer-mutation';
import { submitKeepingValues } from './submit-keeping-values';

/** Apply a coupon (judged now, once per organization ever) or remove the one applied. */
export function CouponForm({ subscription }: { subscription: TSubscription }) {
  const mutation = useCustomerMutation();
  const path = `/subscriptions/${subscription.id}/coupon`;
  return (
    <div className="space-y-2">
      {subscription.coupon ? (
        <Button variant="secondary" disabled={mutation.pending} onClick={() => mutation.run(() => sendJson(`${path}/remove`, {}), 'Coupon removed.')}>
          Remove coupon {subscription.coupon.code}
        </Button>
      ) : null}
      <form onSubmit={submitKeepingValues(async (form) => void (await mutation.run(() => sendJson(path, { code: String(form.get('code') ?? '').trim() }), 'Coupon applied.')))} aria-label="Apply coupon" className="flex items-end gap-2">
        <Field label="Coupon code" error={mutation.problem?.fields.code}>{(control) => <Input {...control} name="code" placeholder="WELCOME20" required />}</Field>
        <Button type="submit" disabled={mutation.pending}>Apply coupon</Button>
      </form>
      <MutationStatus mutation={mutation} />
    </div>
  );
}

/** Cancel at the period end (reversible) or now (drops a pending change, refunds nothing by itself). */
export function CancelForm({ subscription }: { subscription: TSubscription }) {
  const mutation = useCustomerMutation();
  return (
    <form
      onSubmit={submitKeepingValues(async (form) => void (await mutation.run(() => sendJson(`/subscriptions/${subscription.id}/cancel`, { at: form.get('at'), reason: String(form.get('reason') ?? '') }), 'Cancellation recorded.')))}
      aria-label="Cancel subscription"
      className="grid gap-3 sm:grid-cols-3"
    >
      <Field label="When" error={mutation.problem?.fields.at}>
        {(control) => (
          <Select {...control} name="at" defaultValue="period_end">
            <option value="period_end">At period end</option>
            <option value="now">Now</option>
          </Select>
        )}
      </Field>
      <Field label="Reason" error={mutation.problem?.fields.reason} className="sm:col-span-2">{(control) => <Input {...control} name="reason" placeholder="Why the customer leaves" />}</Field>
      <div className="sm:col-span-3 space-y-2">
        <MutationStatus mutation={mutation} />
        <Button type="submit" variant="danger" disabled={mutation.pending}>Cancel subscription</Button>
      </div>
    </form>
  );
}

/** Undo buttons of the pending-change and cancellation banners. */
export function UndoButton({ path, label, success }: { path: string; label: string; success: string }) {
  const mutation = useCustomerMutation();
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="secondary" disabled={mutation.pending} onClick={() => mutation.run(() => sendJson(path, {}), success)}>{label}</Button>
      <MutationStatus mutation={mutation} />
    </span>
  );
}
