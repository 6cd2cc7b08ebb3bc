'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/** The new key's secret, read-only, with a Copy button. Shown once: nothing can display it again. */
export function ApiKeySecretField({ secret }: { secret: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard (plain-HTTP origin, denied permission): select it for a manual copy instead.
      input.current?.select();
      toast.error('Could not copy automatically. The secret is selected: press Ctrl+C (⌘C) to copy it.');
    }
  };

  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>Secret</Label>
      <div className="flex gap-2">
        <Input
          ref={input}
          id={id}
          readOnly
          value={secret}
          spellCheck={false}
          autoComplete="off"
          className="font-mono text-xs"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="secondary" onClick={copy} aria-label={copied ? 'Copied' : 'Copy secret'}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {copied ? 'Secret copied to the clipboard.' : ''}
      </p>
    </div>
  );
}
