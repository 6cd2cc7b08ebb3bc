'use client';

import { useState } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';

export function SignOutButton({ variant = 'secondary', size = 'sm', className }: Pick<ButtonProps, 'variant' | 'size' | 'className'>) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      size={size}
      className={className}
      disabled={pending}
      onClick={() => {
        setPending(true);
        // next-auth's client (~13 kB gzip) loads on click, not with every console page (docs/PERFORMANCE.md).
        void import('next-auth/react').then(({ signOut }) => signOut({ callbackUrl: '/login' }));
      }}
    >
      Sign out
    </Button>
  );
}
