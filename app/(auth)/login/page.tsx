import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { safeCallbackPath } from '@/components/auth/callback-path';
import { ProductMark } from '@/components/console/product-mark';
import { currentActor } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: 'Sign in' };

type LoginPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const actor = await currentActor();
  if (actor?.role === 'super_admin') redirect('/');
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <ProductMark />
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
          <h1 className="text-lg font-semibold text-zinc-900">Sign in to your account</h1>
          <p className="mt-1 mb-6 text-sm text-zinc-500">The console is for super-admins of the billing platform.</p>
          <LoginForm callbackUrl={callbackUrl} />
        </div>
      </div>
    </main>
  );
}
