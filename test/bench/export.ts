/**
 * `pnpm bench:export [size] [--reuse]`: the Excel export of the largest
 * alliance's needs (with their history) in a generated data set (default L:
 * 50 alliances, 5,000 needs each), against the built server in production
 * mode: the time to the last byte and the server's peak RSS (VmHWM).
 * The data set goes into its own database, bench_export_<size> (--reuse keeps it).
 */
import pg from 'pg';
import { generate, withDatabase } from './generate.js';
import { ensurePostgres, installCleanupHandlers, machine, procStatusMb, startOurServer } from './harness.js';
import { BENCH_PASSWORD } from './data.js';

const args = process.argv.slice(2);
const size = args.find((a) => !a.startsWith('--')) ?? 'L';
const reuse = args.includes('--reuse');
const database = `bench_export_${size.toLowerCase()}`;

installCleanupHandlers();
const pgInfo = await ensurePostgres();
const url = withDatabase(pgInfo.adminUrl, database);
const exists = async () => {
  const c = new pg.Client({ connectionString: pgInfo.adminUrl });
  await c.connect();
  const r = await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
  await c.end();
  return r.rowCount === 1;
};
if (!reuse || !(await exists())) await generate({ size, adminUrl: pgInfo.adminUrl, database });

const db = new pg.Client({ connectionString: url });
await db.connect();
const { rows } = await db.query(
  `SELECT u.username, n.needs, (SELECT count(*)::int FROM need_event e WHERE e.alliance_id = n.alliance_id) AS events
     FROM (SELECT alliance_id, count(*)::int AS needs FROM need GROUP BY alliance_id ORDER BY 2 DESC LIMIT 1) n
     JOIN app_user u ON u.alliance_id = n.alliance_id AND u.role = 'COMMITTEE_ADMIN'
    ORDER BY u.username LIMIT 1`,
);
await db.end();
const { username, needs, events } = rows[0] as { username: string; needs: number; events: number };

const server = await startOurServer(url);
try {
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data: any };
  };
  const token = (await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: BENCH_PASSWORD })).data.login.token as string;
  const exportUrl = server.url.replace(/\/graphql$/, '/export/needs.xlsx');
  const rssBefore = procStatusMb(server.pid, 'VmRSS');
  const hwmBefore = procStatusMb(server.pid, 'VmHWM');
  const t0 = performance.now();
  const res = await fetch(exportUrl, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  const seconds = (performance.now() - t0) / 1000;
  const peak = server.peakRssMb();
  const m = machine();
  console.log(
    JSON.stringify(
      { size, alliance: username, needs, events, seconds: Math.round(seconds * 10) / 10, bytes, rssBeforeMb: rssBefore, peakRssBeforeMb: hwmBefore, peakRssMb: peak, machine: m },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
}
