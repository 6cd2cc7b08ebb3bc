import type { Metadata } from 'next';
import { AddonsConsole } from '@/components/addons/addons-console';
import { requireSuperAdminPage } from '@/lib/auth/page-guard';
import { listAddons } from '@/lib/billing/addons/list-addons';

export const metadata: Metadata = { title: 'Add-ons' };

export default async function AddonsPage() {
  await requireSuperAdminPage();
  // Loaded here by the same operation as GET /addons; the client refetches that endpoint after changes.
  return <AddonsConsole initialAddons={await listAddons()} />;
}
