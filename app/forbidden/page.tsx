import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { ProductMark } from '@/components/console/product-mark';
import { currentActor } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'Super-admins only' };

export default async function ForbiddenPage() {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (actor.role === 'super_admin') redirect('/');

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 flex justify-center">
          <ProductMark />
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
          <h1 className="text-lg font-semibold text-zinc-900">Super-admins only</h1>
          <p className="mt-2 text-sm text-zinc-600">
            The Billing Admin Console is restricted to the <code className="font-mono text-zinc-900">super_admin</code>{' '}
            role. You are signed in as <strong className="font-medium text-zinc-900">{actor.label}</strong> with the role{' '}
            <code className="font-mono text-zinc-900">{actor.role}</code>. Sign out and sign in with a super-admin account to
            continue.
          </p>
          <div className="mt-6 flex justify-end">
            <SignOutButton variant="primary" size="md" />
          </div>
        </div>
      </div>
    </main>
  );
}
