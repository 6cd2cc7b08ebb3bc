'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { createApiKeyAction } from '@/lib/actions/api-keys';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { FormAlert, setServerFieldErrors, topLevelField } from '@/components/ui/form-errors';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { API_KEY_ROLES, ZCreateApiKeyInput, type TCreatedApiKey } from '@/lib/auth/api-keys/schemas';
import { ROLE_LABELS } from './api-key-format';
import { ApiKeySecretField } from './api-key-secret-field';

type CreateApiKeyDialogProps = { onClose: () => void; onCreated: () => void };

/**
 * Create, then show the secret once. Closing the dialog forgets the secret for good: it is mounted
 * while open (loaded on demand, lazy-api-key-dialogs.tsx), so the secret goes with it.
 */
export function CreateApiKeyDialog({ onClose, onCreated }: CreateApiKeyDialogProps) {
  const [created, setCreated] = useState<TCreatedApiKey | null>(null);

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      {/* While the secret shows, a stray click outside must not throw it away: Done or Escape close. */}
      <DialogContent onInteractOutside={(event) => created && event.preventDefault()}>
        {created ? (
          <NewKeySecret created={created} onDone={onClose} />
        ) : (
          <CreateApiKeyForm
            onCancel={onClose}
            onCreated={(result) => {
              setCreated(result);
              toast.success(`API key “${result.api_key.name}” created.`);
              onCreated();
            }}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

const ROLE_HINTS = 'Only super-admin keys can call the billing API; admin and support keys are refused with 403.';

function CreateApiKeyForm({ onCreated, onCancel }: { onCreated: (created: TCreatedApiKey) => void; onCancel: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(ZCreateApiKeyInput),
    defaultValues: { name: '', role: 'super_admin' as const },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (input) => {
    setFormError(null);
    const result = await createApiKeyAction(input);
    if (result.ok) return onCreated(result.data);
    if (!setServerFieldErrors(result, setError, topLevelField(['name', 'role']))) setFormError(result.message);
  });

  return (
    <>
      <DialogHeader>
        <DialogTitle>Create API key</DialogTitle>
        <DialogDescription>Name it after the service that will use it, so you know what breaks when you revoke it.</DialogDescription>
      </DialogHeader>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormAlert message={formError} />
        <Field label="Name" error={errors.name?.message} hint="Up to 100 characters, e.g. “Invoicing worker”.">
          {(control) => <Input autoFocus autoComplete="off" maxLength={100} {...control} {...register('name')} />}
        </Field>
        <Field label="Role" error={errors.role?.message} hint={ROLE_HINTS}>
          {(control) => (
            <Select {...control} {...register('role')}>
              {API_KEY_ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <DialogFooter>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? 'Creating…' : 'Create key'}
          </Button>
        </DialogFooter>
      </form>
    </>
  );
}

function NewKeySecret({ created, onDone }: { created: TCreatedApiKey; onDone: () => void }) {
  return (
    <>
      <DialogHeader>
        <DialogTitle>Copy the secret of “{created.api_key.name}”</DialogTitle>
        <DialogDescription>
          Services send it as <code className="font-mono text-zinc-700">Authorization: Bearer &lt;secret&gt;</code>.
        </DialogDescription>
      </DialogHeader>
      <div className="space-y-4">
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This secret will not be shown again. Store it in your secrets manager now; if it is lost, revoke the key and create a new one.
        </p>
        <ApiKeySecretField secret={created.secret} />
      </div>
      <DialogFooter>
        <Button onClick={onDone}>Done</Button>
      </DialogFooter>
    </>
  );
}
