import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensurePostgres, installCleanupHandlers, procStatusMb, productionNodeFlags, startOurServer } from './harness.js';

/*
 * Resident memory of one server under a mixed load like the hostile-user
 * fuzz (issue 15): signed-in reads by every role, writes, sign-ins (argon2)
 * right and wrong, and bad requests (syntax errors, malformed JSON, bodies
 * over the limit, NUL bytes, huge pages). Samples the process's VmRSS every
 * 200 ms and reads its VmHWM at the end (docs/benchmarks.md, "Memory").
 *
 *   pnpm run build && test/node_modules/.bin/tsx --tsconfig test/bench/tsconfig.json test/bench/memory.ts [seconds] [connections]
 *
 * Extra Node flags for the server: MEMORY_NODE_ARGS="--max-old-space-size=384"; extra env: MEMORY_ENV="MALLOC_ARENA_MAX=2".
 * The server runs with NODE_ENV=test (demo data and its passwords), otherwise as `pnpm start` runs it.
 */

const seconds = Number(process.argv[2] ?? 60);
const connections = Number(process.argv[3] ?? 32);
const ROLES = ['committee', 'unit1', 'grid1', 'viewer', 'n-committee'] as const;

type Shot = () => { body: string; headers?: Record<string, string>; token?: string | null };
const q = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

async function main() {
  installCleanupHandlers();
  const pgInfo = await ensurePostgres();
  const database = `mem_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgInfo.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(pgInfo.adminUrl);
  url.pathname = `/${database}`;
  const nodeArgs = (process.env.MEMORY_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const extraEnv = Object.fromEntries((process.env.MEMORY_ENV ?? '').split(/\s+/).filter(Boolean).map((kv) => kv.split('=') as [string, string]));
  const metricsToken = randomBytes(16).toString('hex');
  const server = await startOurServer(url.toString(), undefined, nodeArgs, {
    NODE_ENV: 'test',
    SEED_DEMO: 'true',
    EXPOSE_SQL_COUNT: 'false',
    METRICS_TOKEN: metricsToken,
    ...extraEnv,
  });
  /** What the resident set is made of, from the server's own /metrics (prom-client's process and V8 figures), MB. */
  const breakdown = async () => {
    const text = await (await fetch(server.url.replace(/graphql$/, 'metrics'), { headers: { authorization: `Bearer ${metricsToken}` } })).text();
    const mb = (name: string) => {
      const m = new RegExp(`^${name} (\\S+)`, 'm').exec(text);
      return m ? Math.round(Number(m[1]) / 1048576) : null;
    };
    return {
      rss: procStatusMb(server.pid, 'VmRSS'),
      heapTotal: mb('nodejs_heap_size_total_bytes'),
      heapUsed: mb('nodejs_heap_size_used_bytes'),
      external: mb('nodejs_external_memory_bytes'),
    };
  };
  try {
    const post = async (body: string, headers: Record<string, string> = {}, token?: string | null) => {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body,
      });
      await res.arrayBuffer();
      return res.status;
    };
    const tokens: Record<string, string> = {};
    for (const who of ROLES) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: q(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: who, p: 'demo-password' }),
      });
      tokens[who] = ((await res.json()) as any).data.login.token;
    }
    const anyRole = () => tokens[ROLES[Math.floor(Math.random() * ROLES.length)]!]!;
    const big = 'x'.repeat(1_500_000);
    const shots: [number, Shot][] = [
      [12, () => ({ body: q(`{ needs(first: 50) { nodes { id title status requesterName requesterPhone grid { name } category { name } history { status at } } } }`), token: anyRole() })],
      [10, () => ({ body: q(`{ memberUnits(first: 100) { nodes { id name contactPhone agreementStatus points shelfProjects { id title unit { name } } } } }`), token: anyRole() })],
      [8, () => ({ body: q(`{ shelfProjects(first: 100) { nodes { id title tags category { name } unit { name } } } }`), token: anyRole() })],
      [8, () => ({ body: q(`{ dashboard { needsReported needsResolved unitCount topUnits { points } needsByStatus { status count } activitiesByMonth { month count } } }`), token: anyRole() })],
      [6, () => ({ body: q(`{ partyMembers(first: 100) { nodes { id name phone branch { name } grid { name } } } }`), token: tokens.committee })],
      [4, () => ({ body: q(`query($q: String!) { memberUnits(filter: { search: $q }) { totalCount } }`, { q: randomBytes(3).toString('hex') }), token: anyRole() })],
      [3, () => ({ body: q(`mutation($h: Int!) { updateCommunityProfile(input: { households: $h }) { id } }`, { h: 1000 + Math.floor(Math.random() * 9000) }), token: tokens.committee })],
      // Sign-ins: argon2 hashing, the right password and wrong ones (throttled after a few: then answered at once).
      [3, () => ({ body: q(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: 'grid2', p: 'demo-password' }) })],
      [3, () => ({ body: q(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: `nobody-${randomBytes(3).toString('hex')}`, p: randomBytes(8).toString('hex') }) })],
      // The fuzz's bad requests.
      [6, () => ({ body: q(`{ needs(first: 5) { nodes { id ${randomBytes(2).toString('hex')}( } } }`), token: anyRole() })],
      [4, () => ({ body: `{"query": "{ me { id } }", "variables": {${randomBytes(4).toString('hex')}`, token: anyRole() })],
      [2, () => ({ body: q(`{ me { id } }`, { pad: big }), token: anyRole() })],
      [4, () => ({ body: q(`query($q: String!) { memberUnits(filter: { search: $q }) { totalCount } }`, { q: `a\u0000b` }), token: anyRole() })],
      [3, () => ({ body: q(`{ memberUnits(first: 100) { nodes { shelfProjects { unit { shelfProjects { unit { shelfProjects { id } } } } } } } }`), token: anyRole() })],
      [3, () => ({ body: q(`{ me { id username role } alliance { name } }`), token: null })],
    ];
    const total = shots.reduce((n, [w]) => n + w, 0);
    const pick = (): Shot => {
      let r = Math.random() * total;
      for (const [w, s] of shots) if ((r -= w) < 0) return s;
      return shots[0]![1];
    };

    const rssStart = procStatusMb(server.pid, 'VmRSS');
    let rssMax = rssStart ?? 0;
    const timeline: Awaited<ReturnType<typeof breakdown>>[] = [await breakdown()];
    let ticks = 0;
    const sampler = setInterval(() => {
      const rss = procStatusMb(server.pid, 'VmRSS');
      if (rss !== null) rssMax = Math.max(rssMax, rss);
      if (++ticks % 50 === 0) void breakdown().then((b) => timeline.push(b), () => undefined);
    }, 200);
    const statuses: Record<number, number> = {};
    let requests = 0;
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < end) {
          const s = pick()();
          const status = await post(s.body, s.headers, s.token).catch(() => 0);
          statuses[status] = (statuses[status] ?? 0) + 1;
          requests++;
        }
      }),
    );
    clearInterval(sampler);
    // Ten idle seconds: what the process gives back after the load.
    await new Promise((r) => setTimeout(r, 10_000));
    const idle = await breakdown();
    const rssIdle = idle.rss;
    const hwm = procStatusMb(server.pid, 'VmHWM');
    const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          nodeFlags: [...productionNodeFlags(), ...nodeArgs],
          env: extraEnv,
          seconds,
          connections,
          requests,
          rps: Math.round(requests / seconds),
          statuses,
          rssStartMb: rssStart,
          rssMaxMb: rssMax,
          vmHwmMb: hwm,
          rssAfter10sIdleMb: rssIdle,
          every10sMb: timeline.map((b) => `rss ${b.rss} heap ${b.heapUsed}/${b.heapTotal} external ${b.external}`),
          idleMb: idle,
          loadAverage: load,
          postgres: pgInfo.version,
        },
        null,
        2,
      ),
    );
  } finally {
    await server.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await pgInfo.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
