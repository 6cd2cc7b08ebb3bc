import type { ReactNode } from 'react';
import { ConsoleShell } from '@/components/console/console-shell';
import { TestClockBanner } from '@/components/console/test-clock-banner';
import { TestModeBanner } from '@/components/console/test-mode-banner';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { testClockEnabled } from '@/lib/clock';
import { config } from '@/lib/config';
import { getTestClock } from '@/lib/test-clock/get-test-clock';
import { syncTestClock } from '@/lib/test-clock/sync-test-clock';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requireSuperAdminPage();
  if (testClockEnabled()) await syncTestClock();
  return (
    <ConsoleShell email={actor.label}>
      {testClockEnabled() ? <TestClockBanner now={getTestClock().now} /> : null}
      {config().PROVIDERS_TEST_MODE === 'true' ? <TestModeBanner /> : null}
      {children}
    </ConsoleShell>
  );
}
