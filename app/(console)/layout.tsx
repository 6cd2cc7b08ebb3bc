import type { ReactNode } from 'react';
import { ConsoleShell } from '@/components/console/console-shell';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requireSuperAdminPage();
  return <ConsoleShell email={actor.label}>{children}</ConsoleShell>;
}
