'use client';

import { Suspense, useState } from 'react';
import { toast } from 'sonner';
import { updateAddonAction } from '@/lib/actions/addons';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import type { TAddon } from '@/lib/billing/addons/schemas';
import type { TAddonEditing } from './addon-form-dialog';
import { AddonsTable } from './addons-table';
import { AddonFormDialog, ConfirmToggleDialog } from './lazy-addon-dialogs';
import { useAddons, useRefreshAddons } from './use-addons';
import { ExportCsvButton } from '@/components/ui/export-csv-button';

type StatusFilter = 'all' | 'active' | 'inactive';

/** The add-ons page's interactive part: list (search, status filter), create/edit dialog, (de)activation. */
export function AddonsConsole({ initialAddons }: { initialAddons: TAddon[] }) {
  const { data: addons, error, isFetching, refetch } = useAddons(initialAddons);
  const refresh = useRefreshAddons();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [editing, setEditing] = useState<TAddonEditing | null>(null);
  const [toggling, setToggling] = useState<TAddon | null>(null);

  const needle = query.trim().toLowerCase();
  const shown = addons.filter(
    (addon) =>
      (status === 'all' || addon.is_active === (status === 'active')) &&
      (!needle || addon.name.toLowerCase().includes(needle) || addon.slug.includes(needle)),
  );

  const saved = async (addon: TAddon, verb: string) => {
    setEditing(null);
    toast.success(`Add-on “${addon.name}” ${verb}.`);
    await refresh();
  };

  const toggle = async (addon: TAddon) => {
    const result = await updateAddonAction(addon.id, { is_active: !addon.is_active });
    if (!result.ok) {
      toast.error(result.message);
      return;
    }
    setToggling(null);
    toast.success(`Add-on “${addon.name}” ${result.data.is_active ? 'activated' : 'deactivated'}.`);
    await refresh();
  };

  const newAddonButton = (
    <Button onClick={() => setEditing({ mode: 'create' })} {...AddonFormDialog.preloadHandlers}>
      New add-on
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Add-ons"
        description="Extras a subscription can add on top of its plan, priced in rupiah."
        actions={
          <>
            <ExportCsvButton path="/api/v1/admin/billing/addons" />
            {newAddonButton}
          </>
        }
      />
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center">
        <Input
          type="search"
          aria-label="Search add-ons by name or slug"
          placeholder="Search by name or slug"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className="sm:max-w-xs"
        />
        <Select aria-label="Filter by status" value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)} className="sm:w-44">
          <option value="all">All statuses</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </Select>
        <p role="status" className="text-sm text-zinc-500 sm:ml-auto">
          {isFetching ? 'Refreshing…' : `${shown.length} of ${addons.length} add-ons`}
        </p>
      </div>
      {error ? (
        <div role="alert" className="mb-4 flex items-center justify-between gap-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          <span>Could not refresh the list: {error.message}</span>
          <Button variant="secondary" size="sm" onClick={() => refetch()}>
            Retry
          </Button>
        </div>
      ) : null}
      {shown.length > 0 ? (
        <AddonsTable addons={shown} onEdit={(addon) => setEditing({ mode: 'edit', addon })} onToggleActive={setToggling} />
      ) : addons.length === 0 ? (
        <EmptyState
          title="No add-ons yet"
          description="Add-ons are extras such as another WhatsApp number or an AI credits pack, billed with the plan."
          action={newAddonButton}
        />
      ) : (
        <EmptyState title="No add-ons match" description="Try another search or status filter." />
      )}

      <Suspense fallback={null}>
        {editing ? <AddonFormDialog editing={editing} onSaved={saved} onClose={() => setEditing(null)} /> : null}
        {toggling ? <ConfirmToggleDialog addon={toggling} onConfirm={toggle} onClose={() => setToggling(null)} /> : null}
      </Suspense>
    </>
  );
}
