import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { TVerdict } from '../targets';
import type { TApiBench } from './run-api-bench';

/** The committed figures: each endpoint's efficiency in the smoke run (`npm run bench -- --smoke`). */
const FILE = 'bench/api/smoke-ratios.json';
/** A ratio may fall this far below its committed figure before the smoke fails. */
export const ALLOWED_REGRESSION = 0.3;

type TRatios = Record<string, { efficiency: number; throughput: number }>;

/**
 * Efficiency = floor CPU per request ÷ app CPU per request (server and PostgreSQL, from /proc):
 * the share of the app's work a plain-Node server needs for the same answer, 1 at best. A ratio
 * of two figures measured a minute apart on the same machine, so a loaded machine moves both and
 * hardly the ratio (unlike req/s); the throughput ratio (app ÷ floor req/s) is recorded beside it
 * for reading, but does not gate: in a 2-second smoke run on a shared machine it is too noisy.
 */
function ratiosOf(api: TApiBench): TRatios {
  const { ceiling, notModified } = api;
  return {
    ...Object.fromEntries(
      api.rows.map((row) => [
        row.id,
        {
          efficiency: round((row.floor.serverCpuMs + row.floor.databaseCpuMs) / (row.app.serverCpuMs + row.app.databaseCpuMs)),
          throughput: row.ratio,
        },
      ]),
    ),
    // The 304 has no floor of its own: against the 401 ceiling of the same app (its CPU per request ÷ the 304's).
    [NOT_MODIFIED]: {
      efficiency: round((ceiling.serverCpuMs + ceiling.databaseCpuMs) / (notModified.serverCpuMs + notModified.databaseCpuMs)),
      throughput: round(notModified.requestsPerSecond / ceiling.requestsPerSecond),
    },
  };
}

const NOT_MODIFIED = 'plans_304';

/** The ids whose efficiency fell by more than 30% from the committed figure (empty when none, or nothing committed). */
export function smokeRatiosBelowFloor(api: TApiBench): string[] {
  return checkSmokeRatios([api]).filter((verdict) => !verdict.pass).map((verdict) => verdict.id);
}

/**
 * Each endpoint's efficiency against the committed one: FAIL (the smoke fails) when it fell by
 * more than 30%. `runs` holds the first measurement and, when an endpoint fell below its floor,
 * a second one (bench/run.ts measures once more: a 2-second run on a shared machine can catch a
 * collection or a neighbour's burst); each endpoint is judged by its better run, so a regression
 * fails only when both runs show it.
 */
export function checkSmokeRatios(runs: TApiBench[]): (TVerdict & { id: string })[] {
  if (!existsSync(FILE)) return [{ id: 'file', area: 'committed smoke ratios', target: `${FILE} exists`, measured: 'missing', pass: false, correctness: true }];
  const committed = JSON.parse(readFileSync(FILE, 'utf8')).ratios as TRatios;
  const measurements = runs.map(ratiosOf);
  return Object.entries(committed).map(([id, figure]) => {
    const taken = measurements.map((ratios) => ratios[id]).filter((ratio) => ratio !== undefined);
    const now = taken.reduce<TRatios[string] | undefined>((best, ratio) => (best === undefined || ratio.efficiency > best.efficiency ? ratio : best), undefined);
    const label = runs[0]!.rows.find((row) => row.id === id)?.label ?? (id === NOT_MODIFIED ? 'GET /plans with If-None-Match (304)' : id);
    const floor = round(figure.efficiency * (1 - ALLOWED_REGRESSION));
    const baseline = id === NOT_MODIFIED ? 'the 401 ceiling\'s CPU' : 'floor CPU';
    const runsNote = taken.length > 1 ? `; runs ${taken.map((ratio) => ratio.efficiency).join(' and ')}, the better counts` : '';
    return {
      id,
      area: `${label} (smoke)`,
      target: `efficiency (${baseline} ÷ app CPU per request) ≥ ${floor}, i.e. within 30% of the committed ${figure.efficiency}`,
      measured: now ? `${now.efficiency} (throughput ratio ${now.throughput}, committed ${figure.throughput}${runsNote})` : 'not measured',
      pass: now !== undefined && now.efficiency >= floor,
      correctness: true,
    };
  });
}

/** `--record-ratios`: writes this smoke run's ratios as the committed figures. */
export function recordSmokeRatios(api: TApiBench): TVerdict[] {
  const ratios = ratiosOf(api);
  writeFileSync(FILE, `${JSON.stringify({ recorded: new Date().toISOString(), note: 'npm run bench -- --smoke --record-ratios; checked by every smoke run (bench/api/smoke-ratios.ts)', ratios }, null, 2)}\n`);
  return [{ area: 'committed smoke ratios', target: `written to ${FILE}`, measured: JSON.stringify(ratios), pass: true, correctness: false }];
}

const round = (value: number) => Math.round(value * 1000) / 1000;
