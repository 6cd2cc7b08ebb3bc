'use client';

import { useState } from 'react';
import { signOut } from 'next-auth/react';
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
        void signOut({ callbackUrl: '/login' });
      }}
    >
      Sign out
    </Button>
  );
}
