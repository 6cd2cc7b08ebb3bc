'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { problemMessages } from './post-json';

/** Runs one mutation, keeps its problem (sentence + field errors) for the form, and refreshes the page's server data on success. */
export function useCustomerMutation() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run<T>(work: () => Promise<T>, success: string): Promise<T | null> {
    setPending(true);
    setProblem(null);
    setDone(null);
    try {
      const result = await work();
      setDone(success);
      router.refresh();
      return result;
    } catch (error) {
      setProblem(problemMessages(error));
      return null;
    } finally {
      setPending(false);
    }
  }
  return { run, pending, problem, done, reset: () => (setProblem(null), setDone(null)) };
}

export type TCustomerMutation = ReturnType<typeof useCustomerMutation>;
