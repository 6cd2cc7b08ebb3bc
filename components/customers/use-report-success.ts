'use client';

import { useRouter } from 'next/navigation';
import { toast } from 'sonner';

/** A mutation's success, announced (a toast is a live region), then the page's server data reloaded. */
export function useReportSuccess() {
  const router = useRouter();
  return (message: string) => {
    toast.success(message);
    router.refresh();
  };
}
