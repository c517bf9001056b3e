import pg from 'pg';
import { ActivityKind, NeedStatus } from '../../shared/src/index.js';
import * as days from '../../server/src/modules/dashboard/dashboard.figures.js';
import * as records from '../../server/src/modules/dashboard/__tests__/figures-from-records.js';
import { benchDatabase } from './generate.js';

/*
 * What a dashboard computed afresh costs PostgreSQL (issue 17 point 3): every
 * statement of Q2 (the scalars, by category, by month, top units) and of the
 * other range figures (by kind, by status, bookings), as counted on the
 * records before the per-day aggregates and as summed from them now, run one
 * after the other (alternating, so that other load falls on both alike) for
 * the alliance with the most needs, over the last 12 months, with EXPLAIN
 * (ANALYZE) execution and planning times. Needs a bench database generated
 * by the current code (the aggregates filled by the loader).
 *
 *   tsx --tsconfig test/bench/tsconfig.json test/bench/dashboard-days.ts <size> [rounds]
 */
const [size = 'S', roundsArg = '30'] = process.argv.slice(2);
const rounds = Number(roundsArg);
const c = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${benchDatabase(size)}` });
await c.connect();
const [a] = (await c.query(`SELECT alliance_id AS id FROM need GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
const range = [a.id, from, today];

type Figure = 'SCALAR_FIGURES' | 'SHELF_PROJECTS_BY_CATEGORY' | 'ACTIVITIES_BY_MONTH' | 'TOP_UNITS' | 'ACTIVITIES_BY_KIND' | 'NEEDS_BY_STATUS' | 'BOOKINGS_DONE';
/** `lists`: the statuses and kinds the records' statements take as $4 (the days' statements hold them). */
const statements = (f: Record<Figure, string>, lists: boolean) => {
  // The aggregates' statements also take the months summed whole ($4, $5) and topUnits' first after them.
  const summed = lists ? range : [...range, ...days.wholeMonths(from, today)];
  return {
    Q2: [
      [f.SCALAR_FIGURES, summed],
      [f.SHELF_PROJECTS_BY_CATEGORY, [a.id]],
      [f.ACTIVITIES_BY_MONTH, summed],
      [f.TOP_UNITS, [...summed, 10]],
    ] as [string, unknown[]][],
    others: [
      [f.ACTIVITIES_BY_KIND, lists ? [...range, Object.values(ActivityKind)] : summed],
      [f.NEEDS_BY_STATUS, lists ? [...range, Object.values(NeedStatus)] : summed],
      [f.BOOKINGS_DONE, summed],
    ] as [string, unknown[]][],
  };
};
const sets = { records: statements(records, true), days: statements(days, false) };

/** EXPLAIN (ANALYZE) of each statement: execution + planning ms, summed over the list. */
async function cost(list: [string, unknown[]][]): Promise<number> {
  let ms = 0;
  for (const [sql, params] of list) {
    const { rows } = await c.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    const plan = rows[0]['QUERY PLAN'][0];
    ms += plan['Execution Time'] + plan['Planning Time'];
  }
  return ms;
}

const seen: Record<string, { Q2: number[]; others: number[] }> = { records: { Q2: [], others: [] }, days: { Q2: [], others: [] } };
for (let i = 0; i < rounds; i++) {
  for (const name of ['records', 'days'] as const) {
    seen[name]!.Q2.push(await cost(sets[name].Q2));
    seen[name]!.others.push(await cost(sets[name].others));
  }
}
const pct = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]!.toFixed(2);
for (const name of ['records', 'days'] as const) {
  console.log(`${size} ${name.padEnd(7)} Q2's 4 statements: median ${pct(seen[name]!.Q2, 0.5)} ms, p90 ${pct(seen[name]!.Q2, 0.9)} ms; by kind, by status, bookings: median ${pct(seen[name]!.others, 0.5)} ms (${rounds} rounds, ${from}..${today})`);
}
await c.end();
