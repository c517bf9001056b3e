import { readFileSync } from 'node:fs';
import pg from 'pg';
import * as f from '../../server/src/modules/dashboard/dashboard.figures.js';
import { committeeName } from './data.js';

/*
 * Q2's statements on a bench database (test/bench/analysis.md, "Server RSS and Q2 computed afresh"):
 * EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) median and min of N alternating rounds, then the backend's own
 * CPU (utime + stime of its process, /proc) per execution over P3_CPU_ROUNDS executions (default 200).
 *
 *   tsx --tsconfig test/bench/tsconfig.json test/bench/dashboard-statements.ts <database> [rounds] [name regexp: print its plan]
 *   P3_ONLY=<regexp>: only these statements; P3_SQL (+ P3_PARAMS=4 for $4 = 10): one more statement, `extra`;
 *   P3_PREPARED=1: the CPU rounds send each statement as a named prepared statement.
 */
const [db = 'bench_m', roundsArg = '9', show = ''] = process.argv.slice(2);
const c = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${db}` });
await c.connect();
// P3_PLAN_CACHE=force_generic_plan|force_custom_plan: the session's plan_cache_mode (prepared statements' plan).
if (process.env.P3_PLAN_CACHE) await c.query(`SET plan_cache_mode = ${process.env.P3_PLAN_CACHE === 'force_generic_plan' ? 'force_generic_plan' : 'force_custom_plan'}`);
const [a] = (await c.query(`SELECT alliance_id AS id FROM app_user WHERE username = $1`, [committeeName(0)])).rows;
const today = new Date(Date.now() + 8 * 3_600_000);
const yearAgo = new Date(today);
yearAgo.setUTCFullYear(today.getUTCFullYear() - 1);
yearAgo.setUTCDate(yearAgo.getUTCDate() + 1);
const range = [a.id, yearAgo.toISOString().slice(0, 10), today.toISOString().slice(0, 10)];
// $4-$7: the months and years summed whole; $8: topUnits' first.
const ranged = [a.id, ...f.rangeParams(range[1] as string, range[2] as string)];
const topParams = [...ranged, 10];
const parts = ['scalars', 'shelfProjectsByCategory', 'activitiesByMonth'] as const;
const statements: Record<string, [string, unknown[]]> = {
  figures: [f.dashboardFigures([...parts]), ranged],
  // The admin's whole dashboard: every part, with and without topUnits.
  everyPart: [f.dashboardFigures(Object.keys(f.DASHBOARD_PARTS) as f.DashboardPart[]), ranged],
  everyPartTop: [f.dashboardFigures(Object.keys(f.DASHBOARD_PARTS) as f.DashboardPart[], { unit: 'json_build_array(u.id, u.name)' }), topParams],
  topUnits: [f.TOP_UNITS, topParams],
  figuresTop: [f.dashboardFigures([...parts], { unit: 'json_build_array(u.id, u.name)' }), topParams],
  topUnitsJson: [f.topUnitsNamed('json_build_array(u.id, u.name)'), topParams],
  figuresTopNoJson: [f.dashboardFigures([...parts], { unit: 'NULL::int' }), topParams],
  topOnly: [f.dashboardFigures([], { unit: 'NULL::int' }), topParams],
  ...Object.fromEntries(parts.map((p) => [p, [f.dashboardFigures([p]), ranged]])),
  ...Object.fromEntries(
    Object.entries({ UNIT_COUNT: f.UNIT_COUNT, SIGNED_AGREEMENT_COUNT: f.SIGNED_AGREEMENT_COUNT, SHELF_PROJECTS_ON_SHELF: f.SHELF_PROJECTS_ON_SHELF, NEEDS_OVERDUE: f.NEEDS_OVERDUE }).map(([k, sql]) => [
      k,
      [`SELECT (${sql}) FROM (SELECT $1::uuid, $2::date, $3::date) p`, range],
    ]),
  ),
};
const unitCols = (await c.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'member_unit' ORDER BY ordinal_position`)).rows.map((r) => `u."${r.column_name}"`);
const tenUnits = (await c.query(`SELECT id FROM member_unit WHERE alliance_id = $1 ORDER BY name LIMIT 10`, [a.id])).rows.map((r) => r.id);
statements['figuresTopReal'] = [f.dashboardFigures([...parts], { unit: `json_build_array(${unitCols.join(', ')})` }), topParams];
statements['unitLoader'] = [`SELECT ${unitCols.map((c) => c.replace('u.', 'e.')).join(', ')} FROM member_unit e WHERE e.alliance_id = $1 AND e.id = ANY($2)`, [a.id, tenUnits]];
const extra = process.env.P3_SQL ? { extra: [process.env.P3_SQL, process.env.P3_PARAMS === '4' ? [...range, 10] : range] as [string, unknown[]] } : {};
const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const min = (xs: number[]) => Math.min(...xs);
// Alternating: round i runs every statement once, so that the machine's other load falls on all alike.
const all = Object.entries({ ...statements, ...extra }).filter(([name]) => !process.env.P3_ONLY || name.match(process.env.P3_ONLY));
const seen = new Map<string, { ex: number[]; pl: number[]; hits: number }>();
for (let i = 0; i < Number(roundsArg); i++) {
  for (const [name, [sql, params]] of all) {
    const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) ${sql}`, params);
    const e = seen.get(name) ?? { ex: [], pl: [], hits: 0 };
    e.ex.push(rows[0]['QUERY PLAN'][0]['Execution Time']);
    e.pl.push(rows[0]['QUERY PLAN'][0]['Planning Time']);
    e.hits = rows[0]['QUERY PLAN'][0]['Plan']['Shared Hit Blocks'];
    seen.set(name, e);
  }
}
// The backend's own CPU (utime + stime of its process) per execution, without EXPLAIN: preemption by other load does not count.
const [{ pid }] = (await c.query('SELECT pg_backend_pid() AS pid')).rows;
const cpuMs = () => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
};
const cpu = new Map<string, number>();
const n = Number(process.env.P3_CPU_ROUNDS ?? 200);
for (let i = 0; i < n / 20; i++) {
  for (const [name, [sql, params]] of all) {
    const t = cpuMs();
    // P3_PREPARED=1: as named prepared statements (the server's database/prepared.ts), planned once per connection.
    for (let j = 0; j < 20; j++) await c.query(process.env.P3_PREPARED ? { name: `p_${name}`, text: sql, values: params } : { text: sql, values: params });
    cpu.set(name, (cpu.get(name) ?? 0) + cpuMs() - t);
  }
}
for (const [name, [sql, params]] of all) {
  const { ex, pl, hits } = seen.get(name)!;
  console.log(`${name.padEnd(26)} backend CPU ${(cpu.get(name)! / n).toFixed(3)} ms per execution`);
  const text = show && name.match(show) ? (await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n') : '';
  console.log(`${name.padEnd(26)} exec median ${med(ex).toFixed(3)} min ${min(ex).toFixed(3)} ms  planning median ${med(pl).toFixed(3)} min ${min(pl).toFixed(3)} ms  buffers hit ${hits}${text ? '\n' + text : ''}`);
}
await c.end();
