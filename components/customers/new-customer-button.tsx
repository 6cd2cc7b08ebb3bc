'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { toast } from 'sonner';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormAlert, showActionFailure, topLevelField } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { createOrganizationAction } from '@/lib/actions/organizations';
import { ZCreateOrganizationInput, type TCreateOrganizationInput } from '@/lib/billing/organizations/schemas';
import { blankToUndefined } from './form-values';

type TValues = z.input<typeof ZCreateOrganizationInput>;

const FIELDS = [
  ['name', 'Name', 'Toko Sinar Jaya'],
  ['slug', 'Slug', 'toko-sinar-jaya'],
  ['billing_email', 'Billing email', 'keuangan@example.co.id'],
  ['country', 'Country', 'ID'],
  ['tax_id', 'NPWP (optional)', '01.234.567.8-901.000'],
] as const;
const fieldFor = topLevelField<TValues>(FIELDS.map(([key]) => key));

/** "New customer": POST /organizations' schema and operation, then its customer page. */
export function NewCustomerButton() {
  const [open, setOpen] = useState(false);
  if (!open) return <Button onClick={() => setOpen(true)}>New customer</Button>;
  return <NewCustomerForm onCancel={() => setOpen(false)} />;
}

function NewCustomerForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<TValues, unknown, TCreateOrganizationInput>({
    resolver: zodResolver(ZCreateOrganizationInput),
    defaultValues: { name: '', slug: '', billing_email: '', country: 'ID' },
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    const result = await createOrganizationAction(values);
    if (!result.ok) return showActionFailure(result, setError, fieldFor);
    toast.success(`Customer "${result.data.name}" created.`);
    router.push(`/customers/${result.data.id}`);
  });

  return (
    <form onSubmit={submit} noValidate aria-label="New customer" className="w-full max-w-md space-y-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
      {FIELDS.map(([key, label, placeholder]) => (
        <Field key={key} label={label} error={errors[key]?.message}>
          {(control) => <Input {...control} {...register(key, { setValueAs: key === 'tax_id' ? blankToUndefined : undefined })} placeholder={placeholder} />}
        </Field>
      ))}
      <FormAlert message={errors.root?.server?.message} />
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>{isSubmitting ? 'Creating…' : 'Create customer'}</Button>
        <Button variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
