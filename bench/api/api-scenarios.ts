import type { TBenchData } from '../lib/prepare-data';

export interface TApiScenario {
  id: 'plans' | 'invoices_deep' | 'refund';
  label: string;
  method: 'GET' | 'POST';
  /** A fresh request generator per server, so app and floor see the same sequence. */
  requests: () => () => { path: string; body?: string };
}

const BASE = '/api/v1/admin/billing';
/** One rupiah per refund: invoices of hundreds of thousands never run out during a run. */
export const REFUND_AMOUNT = 1;

/** The three benchmarked endpoints (bench/api), each with the request sequence both servers get. */
export function apiScenarios(data: TBenchData): TApiScenario[] {
  return [
    { id: 'plans', label: 'GET /plans', method: 'GET', requests: () => () => ({ path: `${BASE}/plans` }) },
    {
      id: 'invoices_deep',
      label: 'GET /invoices?limit=50&starting_after=<deep>',
      method: 'GET',
      requests: () => cycle(data.deepCursors, (cursor) => ({ path: `${BASE}/invoices?limit=50&starting_after=${cursor}` })),
    },
    {
      id: 'refund',
      label: 'POST /invoices/{id}/refund',
      method: 'POST',
      // Round robin over thousands of paid invoices: 32 connections never wait on one another's row lock.
      requests: () =>
        cycle(data.refundable, (id) => ({
          path: `${BASE}/invoices/${id}/refund`,
          body: JSON.stringify({ reason: 'bench: partial refund', amount: REFUND_AMOUNT }),
        })),
    },
  ];
}

/** What a load generator sends for `scenario`: its method, its request sequence, and the API key (and JSON type for a POST). */
export function scenarioRequests(scenario: TApiScenario, apiKey: string): { method: TApiScenario['method']; next: () => { path: string; body?: string }; headers: Record<string, string> } {
  return {
    method: scenario.method,
    next: scenario.requests(),
    headers: { authorization: `Bearer ${apiKey}`, ...(scenario.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
  };
}

function cycle<T, R>(items: T[], make: (item: T) => R): () => R {
  if (items.length === 0) throw new Error('nothing to cycle over: the bench data is empty');
  let index = 0;
  return () => make(items[index++ % items.length]!);
}
