/**
 * `pnpm bench:export [size] [--reuse]`: the Excel export of the largest
 * alliance's needs (with their history) in a generated data set (default L:
 * 50 alliances, 5,000 needs each), against the built server in production
 * mode: the time to the last byte and the server's peak RSS (VmHWM).
 * The data set goes into its own database, bench_export_<size> (--reuse keeps it).
 */
import os from 'node:os';
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

// --malloc-arenas=N: the server with MALLOC_ARENA_MAX=N (glibc), to see how much of its RSS is malloc arenas.
const arenas = args.find((a) => a.startsWith('--malloc-arenas='))?.split('=')[1];
// --node=FLAG (repeatable): extra Node flags after production's, e.g. --node=--max-old-space-size=384.
const nodeFlags = args.filter((a) => a.startsWith('--node=')).map((a) => a.slice('--node='.length));
const server = await startOurServer(url, undefined, nodeFlags, arenas ? { MALLOC_ARENA_MAX: arenas } : {});
try {
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data: any };
  };
  const token = (await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: BENCH_PASSWORD })).data.login.token as string;
  const exportUrl = server.url.replace(/\/graphql$/, '/export/needs.xlsx');
  const rssBeforeMb = procStatusMb(server.pid, 'VmRSS');
  // Twice: the first export also compiles the export's code paths; the second shows what a running server needs.
  const runs: { seconds: number; bytes: number; peakRssMb: number | null }[] = [];
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    const res = await fetch(exportUrl, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    runs.push({ seconds: Math.round((performance.now() - t0) / 100) / 10, bytes, peakRssMb: server.peakRssMb() });
  }
  console.log(JSON.stringify({ size, mallocArenas: arenas ?? 'default', nodeFlags, alliance: username, needs, events, rssBeforeMb, runs, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), machine: machine() }, null, 2));
} finally {
  await server.stop();
}
