'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { signInErrorMessage } from '@/lib/auth/sign-in-errors';
import { ZLoginInput, type TLoginInput } from './login-schema';

type TFieldErrors = Partial<Record<keyof TLoginInput, string>>;

/**
 * Sign-in, validated by ZLoginInput (zod/mini) on submit and, after a failed submit, as the fields
 * change. No react-hook-form here: this is the first page of every session, loaded with a cold
 * cache, and a two-field form does not need ~12 kB gzip of form library.
 */
export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [errors, setErrors] = useState<TFieldErrors | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = ZLoginInput.safeParse(valuesOf(form));
    if (!parsed.success) {
      const invalid = fieldErrors(parsed.error.issues);
      setErrors(invalid);
      // The first field in the form's order that needs fixing gets the focus.
      const first = (['email', 'password'] as const).find((field) => invalid[field]);
      if (first) (form.elements.namedItem(first) as HTMLInputElement | null)?.focus();
      return;
    }
    setErrors({});
    setFormError(null);
    setSubmitting(true);
    // next-auth's client (~13 kB gzip) loads on submit, not with the page (docs/PERFORMANCE.md).
    const { email, password } = parsed.data;
    const result = await import('next-auth/react')
      .then(({ signIn }) => signIn('credentials', { email, password, redirect: false }))
      .catch(() => undefined);
    if (result?.ok && !result.error) {
      router.replace(callbackUrl || '/');
      router.refresh();
      return;
    }
    setSubmitting(false);
    // Wrong credentials, a lockout (how long), the database down, or any other failure.
    setFormError(signInErrorMessage(result?.error));
  };

  // Once a submit has shown errors, each change re-checks, so a fixed field clears its message.
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    if (errors === null) return;
    const parsed = ZLoginInput.safeParse(valuesOf(event.currentTarget));
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues));
  };

  return (
    <form onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-4">
      {formError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <Field label="Email" error={errors?.email}>
        {(control) => <Input type="email" name="email" autoComplete="username" autoFocus {...control} />}
      </Field>
      <Field label="Password" error={errors?.password}>
        {(control) => <Input type="password" name="password" autoComplete="current-password" {...control} />}
      </Field>
      <Button type="submit" className="w-full" disabled={submitting}>
        {submitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}

function valuesOf(form: HTMLFormElement) {
  const data = new FormData(form);
  return { email: data.get('email'), password: data.get('password') };
}

/** The first message for each field, as the form shows one per field. */
function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]): TFieldErrors {
  const errors: TFieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'password') && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
