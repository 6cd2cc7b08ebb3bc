'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { recheckRefundAction } from '@/lib/actions/refunds';
import { recheckOutcome } from './recheck-outcome';

/** "Recheck now": asks the refund's provider at once (the reconciler for this refund), then reloads the page's data. */
export function RecheckRefundButton({ refundId, label }: { refundId: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const recheck = () =>
    startTransition(async () => {
      const result = await recheckRefundAction(refundId);
      setMessage(result.ok ? recheckOutcome(result.data, refundId) : { text: result.message, error: true });
      router.refresh();
    });

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" size="sm" onClick={recheck} disabled={pending} aria-label={`Recheck now: ${label}`}>
        {pending ? 'Asking…' : 'Recheck now'}
      </Button>
      <p role="status" className={message?.error ? 'text-xs text-red-700' : 'text-xs text-zinc-600'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
