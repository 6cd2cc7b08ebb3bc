import type { TAddonUnit } from '@/lib/billing/addons/schemas';

export const UNIT_LABELS: Record<TAddonUnit, string> = { flat: 'Flat', per_agent: 'Per agent' };

export const UNIT_HINTS: Record<TAddonUnit, string> = {
  flat: 'One price per subscription.',
  per_agent: 'Charged for every agent seat on the subscription.',
};
