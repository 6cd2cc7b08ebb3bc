'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { MutationStatus } from './mutation-status';
import { sendJson } from './post-json';
import { useCustomerMutation } from './use-customer-mutation';
import { submitKeepingValues } from './submit-keeping-values';

const FIELDS = [
  ['name', 'Name', 'Toko Sinar Jaya'],
  ['slug', 'Slug', 'toko-sinar-jaya'],
  ['billing_email', 'Billing email', 'keuangan@example.co.id'],
  ['country', 'Country', 'ID'],
  ['tax_id', 'NPWP (optional)', '01.234.567.8-901.000'],
] as const;

/** "New customer": POST /organizations, then its customer page. */
export function NewCustomerButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const mutation = useCustomerMutation();
  if (!open) return <Button onClick={() => setOpen(true)}>New customer</Button>;

  async function submit(form: FormData) {
    const body: Record<string, string> = {};
    for (const [key] of FIELDS) {
      const value = String(form.get(key) ?? '').trim();
      if (value) body[key] = value;
    }
    const created = await mutation.run(() => sendJson<{ id: string }>('/organizations', body), 'Customer created.');
    if (created) router.push(`/customers/${created.id}`);
  }

  return (
    <form onSubmit={submitKeepingValues(submit)} aria-label="New customer" className="w-full max-w-md space-y-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
      {FIELDS.map(([key, label, placeholder]) => (
        <Field key={key} label={label} error={mutation.problem?.fields[key]}>
          {(control) => <Input {...control} name={key} placeholder={placeholder} defaultValue={key === 'country' ? 'ID' : undefined} />}
        </Field>
      ))}
      <MutationStatus mutation={mutation} />
      <div className="flex gap-2">
        <Button type="submit" disabled={mutation.pending}>{mutation.pending ? 'Creating…' : 'Create customer'}</Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
