'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { signInErrorMessage } from '@/lib/auth/sign-in-errors';
import { ZLoginInput, type TLoginInput } from './login-schema';

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TLoginInput>({ resolver: zodResolver(ZLoginInput), defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFormError(null);
    // next-auth's client (~13 kB gzip) loads on submit, not with the page (docs/PERFORMANCE.md).
    const result = await import('next-auth/react')
      .then(({ signIn }) => signIn('credentials', { email, password, redirect: false }))
      .catch(() => undefined);
    if (result?.ok && !result.error) {
      router.replace(callbackUrl || '/');
      router.refresh();
      return;
    }
    // Wrong credentials, a lockout (how long), the database down, or any other failure.
    setFormError(signInErrorMessage(result?.error));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <Field label="Email" error={errors.email?.message}>
        {(control) => <Input type="email" autoComplete="username" autoFocus {...control} {...register('email')} />}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(control) => <Input type="password" autoComplete="current-password" {...control} {...register('password')} />}
      </Field>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
