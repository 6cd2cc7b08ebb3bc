'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { TChangePreview, TSubscription } from '@/lib/billing/subscriptions/schemas';
import { formatMoney } from '@/lib/money-format';
import { MutationStatus } from './mutation-status';
import { sendJson } from './post-json';
import type { TPlanChoice } from './subscribe-form';
import { useCustomerMutation } from './use-customer-mutation';
import { submitKeepingValues } from './submit-keeping-values';

/** Change plan, cycle or agents: preview every line and MRR before/after, then confirm exactly that (preview_id). */
export function ChangeForm({ subscription, plans }: { subscription: TSubscription; plans: TPlanChoice[] }) {
  const mutation = useCustomerMutation();
  const [preview, setPreview] = useState<{ body: Record<string, unknown>; result: TChangePreview } | null>(null);
  const errors = mutation.problem?.fields ?? {};
  const money = (value: number) => formatMoney(value, subscription.currency);

  async function previewChange(form: FormData) {
    const body: Record<string, unknown> = { plan_id: form.get('plan_id'), billing_cycle: form.get('billing_cycle'), agent_count: Number(form.get('agent_count')) };
    if (form.get('timing')) body.timing = form.get('timing');
    setPreview(null);
    const result = await mutation.run(() => sendJson<TChangePreview>(`/subscriptions/${subscription.id}/change/preview`, body), 'Preview ready: check it, then confirm.');
    if (result) setPreview({ body, result });
  }
  async function confirm() {
    if (!preview) return;
    const done = await mutation.run(
      () => sendJson(`/subscriptions/${subscription.id}/change`, { ...preview.body, preview_id: preview.result.preview_id }),
      preview.result.timing === 'now' ? 'Changed: the prorated invoice is issued.' : 'Change scheduled for the period end.',
    );
    if (done) setPreview(null);
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submitKeepingValues(previewChange)} aria-label="Change subscription" className="grid gap-3 sm:grid-cols-4">
        <Field label="Plan" error={errors.plan_id}>
          {(control) => (
            <Select {...control} name="plan_id" defaultValue={subscription.plan_id}>
              {plans.filter((plan) => plan.currency === subscription.currency).map((plan) => <option key={plan.id} value={plan.id}>{plan.name}</option>)}
            </Select>
          )}
        </Field>
        <Field label="Cycle" error={errors.billing_cycle}>
          {(control) => (
            <Select {...control} name="billing_cycle" defaultValue={subscription.billing_cycle}>
              <option value="monthly">Monthly</option>
              <option value="annual">Annual</option>
            </Select>
          )}
        </Field>
        <Field label="Agents" error={errors.agent_count}>{(control) => <Input {...control} name="agent_count" type="number" min={1} defaultValue={subscription.agent_count} />}</Field>
        <Field label="When" error={errors.timing}>
          {(control) => (
            <Select {...control} name="timing" defaultValue="">
              <option value="">As the rules say</option>
              <option value="now">Now</option>
              <option value="period_end">At period end</option>
            </Select>
          )}
        </Field>
        <div className="sm:col-span-4"><Button type="submit" variant="secondary" disabled={mutation.pending}>Preview change</Button></div>
      </form>
      <MutationStatus mutation={mutation} />
      {preview ? (
        <div aria-label="Change preview" className="rounded-md border border-zinc-200 p-4 text-sm">
          <p className="mb-2 font-medium">
            {preview.result.timing === 'now' ? 'Takes effect now' : `Takes effect at the period end (${preview.result.effective_at.slice(0, 10)})`} · MRR {money(preview.result.mrr_before)} → {money(preview.result.mrr_after)}
          </p>
          {preview.result.coupon_removed ? <p className="mb-2 text-amber-700">Coupon {preview.result.coupon_removed.code} does not apply to the new plan and will be removed.</p> : null}
          <table className="w-full">
            <tbody>
              {preview.result.lines.map((line, index) => (
                <tr key={index}><td className="py-1">{line.description}</td><td className="py-1 text-right tabular-nums">{money(line.amount)}</td></tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 font-medium">
            {preview.result.invoice_now ? `Invoiced now: ${money(preview.result.invoice_now.total)}` : `Next invoice: ${money(preview.result.next_invoice.total)}`}
          </p>
          <div className="mt-3 flex gap-2">
            <Button onClick={confirm} disabled={mutation.pending}>Confirm change</Button>
            <Button variant="ghost" onClick={() => setPreview(null)}>Discard</Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
