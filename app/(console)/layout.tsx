import type { ReactNode } from 'react';
import { ConsoleShell } from '@/components/console/console-shell';
import { TestModeBanner } from '@/components/console/test-mode-banner';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { config } from '@/lib/config';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requireSuperAdminPage();
  return (
    <ConsoleShell email={actor.label}>
      {config().PROVIDERS_TEST_MODE === 'true' ? <TestModeBanner /> : null}
      {children}
    </ConsoleShell>
  );
}
