'use client';

import { useState } from 'react';
import { toast } from 'sonner';
import { Button, type ButtonProps } from '@/components/ui/button';
import type { TActionResult } from '@/lib/http/admin-action';
import { useReportSuccess } from './use-report-success';

type Props = {
  /** A server action with its arguments bound (e.g. `reactivateSubscriptionAction.bind(null, id)`). */
  action: () => Promise<TActionResult<unknown>>;
  label: string;
  success: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
};

/** One click, one mutation without a form (undo a scheduled change, reactivate, remove the coupon): reported either way. */
export function ActionButton({ action, label, success, variant = 'secondary', size }: Props) {
  const reportSuccess = useReportSuccess();
  const [pending, setPending] = useState(false);
  async function run() {
    setPending(true);
    try {
      const result = await action();
      if (result.ok) reportSuccess(success);
      else toast.error(result.message);
    } finally {
      setPending(false);
    }
  }
  return (
    <Button variant={variant} size={size} disabled={pending} onClick={run}>
      {label}
    </Button>
  );
}
