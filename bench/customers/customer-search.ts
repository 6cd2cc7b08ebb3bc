import pg from 'pg';
import { organizationSearchSql } from '../../lib/billing/organizations/search-organizations';
import { ZOrganizationSearchQuery } from '../../lib/billing/organizations/schemas';

export interface TSearchCase {
  label: string;
  /** The query string of GET /organizations, as the Customers page sends it. */
  search: Record<string, string>;
}

export interface TSearchCaseResult {
  label: string;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** EXPLAIN ANALYZE of the statement behind one request of the case, five times: the median execution time and the indexes it read. */
  planMs: number;
  indexes: string[];
  errors: number;
}

export interface TCustomerSearch {
  organizations: number;
  requestsPerCase: number;
  cases: TSearchCaseResult[];
  /** The slowest case's p95: the figure the target judges. */
  worstP95Ms: number;
}

const BASE = '/api/v1/admin/billing/organizations';

/**
 * What an operator types and picks on the Customers page at 45,000 organizations: parts of names
 * (one a letter pair as search-as-you-type sends it first), an exact id, each filter, and a page deep in the
 * keyset order. Names come from the generated data, so every case finds something.
 */
export async function customerSearchCases(databaseUrl: string): Promise<TSearchCase[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const names = (await client.query<{ id: string; name: string }>('SELECT id, name FROM organizations ORDER BY md5(id::text) LIMIT 3')).rows;
    const plan = (await client.query<{ plan_id: string }>(`SELECT plan_id FROM subscriptions WHERE status = 'active' GROUP BY plan_id ORDER BY count(*) DESC LIMIT 1`)).rows[0];
    const deep = (await client.query<{ id: string }>('SELECT id FROM organizations ORDER BY lower(name), id OFFSET (SELECT count(*) * 9 / 10 FROM organizations) LIMIT 1')).rows[0];
    if (names.length < 3 || !plan || !deep) throw new Error('customer search: the bench data has no organizations or subscriptions');
    const word = (name: string) => name.split(/\s+/).sort((a, b) => b.length - a.length)[0]!.toLowerCase();
    return [
      { label: 'first page, no search', search: {} },
      { label: 'two letters', search: { search: word(names[0]!.name).slice(0, 2) } },
      { label: 'part of a name', search: { search: word(names[1]!.name).slice(1, 5) } },
      { label: 'a whole name', search: { search: names[2]!.name } },
      { label: 'an exact id', search: { search: names[0]!.id } },
      { label: 'plan filter', search: { plan_id: plan.plan_id } },
      { label: 'status: cancelled', search: { status: 'cancelled' } },
      { label: 'status: never subscribed', search: { status: 'none' } },
      { label: 'has a coupon', search: { has_coupon: 'true' } },
      { label: 'name part + active + plan', search: { search: word(names[1]!.name).slice(1, 4), status: 'active', plan_id: plan.plan_id } },
      { label: 'a page 90% deep', search: { starting_after: deep.id } },
    ];
  } finally {
    await client.end();
  }
}

/**
 * Each case `requests` times, one at a time (latency, not throughput: what one operator waits
 * for as they type), through the app with a super_admin key; then the statement of one request
 * EXPLAINed (ANALYZE, BUFFERS) on the same database, so the report says which index served it.
 */
export async function measureCustomerSearch(origin: string, apiKey: string, databaseUrl: string, requests: number): Promise<TCustomerSearch> {
  const cases = await customerSearchCases(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const organizations = Number((await client.query<{ count: string }>('SELECT count(*) FROM organizations')).rows[0]?.count ?? 0);
    const results: TSearchCaseResult[] = [];
    // A freshly started server compiles the route and fills its pools on the first requests: those
    // belong to no case (else the first case's p95 is the warm-up's), so 20 go before any is timed.
    for (let i = 0; i < 20; i++) await (await fetch(`${origin}${BASE}?limit=25`, { headers: { authorization: `Bearer ${apiKey}` } })).arrayBuffer();
    for (const searchCase of cases) {
      const url = `${origin}${BASE}?${new URLSearchParams({ ...searchCase.search, limit: '25' })}`;
      const timings: number[] = [];
      let errors = 0;
      for (let i = 0; i < requests + 3; i++) {
        const started = performance.now();
        const response = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } });
        await response.arrayBuffer();
        if (i >= 3) timings.push(performance.now() - started); // the first three warm the route and the cache
        if (response.status !== 200) errors++;
      }
      const plan = await explain(client, searchCase);
      results.push({ label: searchCase.label, p50Ms: percentile(timings, 0.5), p95Ms: percentile(timings, 0.95), maxMs: round(Math.max(...timings)), errors, ...plan });
    }
    return { organizations, requestsPerCase: requests, cases: results, worstP95Ms: Math.max(...results.map((result) => result.p95Ms)) };
  } finally {
    await client.end();
  }
}

type TPlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: TPlanNode[] };

/** EXPLAIN (ANALYZE, BUFFERS) five times: the median execution time (one run on a loaded machine says more about the load than the query) and the indexes the plan read. */
async function explain(client: pg.Client, searchCase: TSearchCase): Promise<{ planMs: number; indexes: string[] }> {
  const sql = organizationSearchSql(ZOrganizationSearchQuery.parse({ ...searchCase.search, limit: 25 }));
  const times: number[] = [];
  const indexes = new Set<string>();
  for (let run = 0; run < 5; run++) {
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: TPlanNode; 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql.text}`, sql.values as unknown[]);
    const [plan] = rows[0]!['QUERY PLAN'];
    times.push(plan['Execution Time']);
    const walk = (node: TPlanNode) => {
      if (node['Index Name']) indexes.add(node['Index Name']);
      else if (node['Node Type'] === 'Seq Scan') indexes.add('seq scan');
      node.Plans?.forEach(walk);
    };
    walk(plan.Plan);
  }
  return { planMs: percentile(times, 0.5), indexes: [...indexes] };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0);
}

const round = (value: number) => Math.round(value * 10) / 10;
