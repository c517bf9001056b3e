import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../../server/src/database/embedded.js';
import { BENCH_PASSWORD, Q1_CATEGORY, SEARCH_WORD, committeeName, SIZES } from './data.js';
import { benchDatabase, generate, quietLogger, verifyInvariants, withDatabase, type GenerateResult } from './generate.js';
import type { ScenarioPlans } from './plans.js';
import type { ThenAndNowReport } from './then-and-now.js';
import { LOGIN, M1, PGL_Q1, PGL_Q3, Q1, Q2, Q3, Q4 } from './scenarios.js';

/*
 * The benchmark harness: a PostgreSQL, the data set, our server in production
 * mode, PostGraphile and the raw baseline on the same database, autocannon at
 * 32 connections, and every number read from a real run.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
const PGL_DIR = path.join(HERE, 'postgraphile');
const JWT_SECRET = 'bench-only-secret-0123456789abcdef-0123456789';

// ------------------------------------------------------------------ processes

export interface Proc {
  name: string;
  pid: number;
  url: string;
  stop(): Promise<void>;
  /** Peak resident set size so far (VmHWM), MB. */
  peakRssMb(): number | null;
  output(): string;
}

/** A process's resident kB per mapping (/proc/<pid>/smaps), largest first; `name` turns a mapping's path into its label. */
export function residentByMapping(pid: number, name: (path: string) => string = (p) => p || '[anonymous]'): [string, number][] {
  const totals = new Map<string, number>();
  let mapping = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) mapping = name(head[1] ?? '');
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) totals.set(mapping, (totals.get(mapping) ?? 0) + Number(rss[1]));
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

export function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Every child started here; killed if the harness itself is interrupted. */
const children = new Set<ChildProcess>();
const killAll = () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
};
process.once('exit', killAll);
/** For the command-line runners: an interrupted run leaves no server behind. */
export function installCleanupHandlers() {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

async function startProcess(
  name: string,
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  url: string,
  timeoutMs = 120_000,
): Promise<Proc> {
  const child: ChildProcess = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  const append = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${out}`));
    });
  });
  const pid = child.pid!;
  let lastHwm: number | null = null;
  return {
    name,
    pid,
    url,
    output: () => out,
    peakRssMb: () => (lastHwm = procStatusMb(pid, 'VmHWM') ?? lastHwm),
    async stop() {
      if (child.exitCode !== null) return;
      lastHwm = procStatusMb(pid, 'VmHWM') ?? lastHwm;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Our server with DASHBOARD_CACHE_SECONDS=0, as the report names it. */
export const UNCACHED = 'ours, uncached';

/** The Node flags production starts the server with: those of server/package.json's `start` script. */
export function productionNodeFlags(): string[] {
  const start: string = JSON.parse(readFileSync(path.join(ROOT, 'server/package.json'), 'utf8')).scripts.start;
  return start.split(/\s+/).filter((w) => w.startsWith('--'));
}

/** Our server, built (server/dist), in production mode (its production Node flags), with the SQL-count header. */
export async function startOurServer(
  databaseUrl: string,
  main = path.join(ROOT, 'server/dist/main.js'),
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
  name = 'ours',
): Promise<Proc> {
  if (!existsSync(main)) throw new Error('server/dist/main.js is missing: run `pnpm run build` first');
  const port = await freePort();
  return startProcess(
    name,
    process.execPath,
    [...productionNodeFlags(), ...nodeArgs, main],
    {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      JWT_SECRET,
      EXPOSE_SQL_COUNT: 'true',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIST: '',
      // FAST_PATH=off pnpm bench…: the general path (loaders), to compare with the fast path (docs/architecture.md).
      ...(process.env.FAST_PATH ? { FAST_PATH: process.env.FAST_PATH } : {}),
      ...env,
    },
    /Alliance platform ready/,
    `http://127.0.0.1:${port}/graphql`,
  );
}

/** Installs the PostGraphile package (npm, its own lockfile) when it is not there yet. */
export function ensurePostGraphileInstalled(log: (m: string) => void = console.log): string {
  const node = path.join(PGL_DIR, 'node_modules/.bin/node');
  if (!existsSync(node) || !existsSync(path.join(PGL_DIR, 'node_modules/postgraphile'))) {
    log('installing PostGraphile v5 and Node 22 (test/bench/postgraphile, npm ci) ...');
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PGL_DIR, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm ci in test/bench/postgraphile failed');
  }
  return node;
}

export async function startPostGraphile(databaseUrl: string): Promise<Proc> {
  const node = ensurePostGraphileInstalled();
  const port = await freePort();
  return startProcess(
    'postgraphile',
    node,
    [path.join(PGL_DIR, 'server.mjs')],
    { PATH: process.env.PATH, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'production' },
    /PostGraphile ready/,
    `http://127.0.0.1:${port}/graphql`,
  );
}

export async function startRawBaseline(databaseUrl: string): Promise<Proc> {
  const port = await freePort();
  return startProcess(
    'raw',
    process.execPath,
    [path.join(HERE, 'raw-baseline.mjs')],
    { PATH: process.env.PATH, DATABASE_URL: databaseUrl, PORT: String(port) },
    /raw baseline ready/,
    `http://127.0.0.1:${port}/graphql`,
  );
}

// ------------------------------------------------------------------ PostgreSQL

export interface Postgres {
  adminUrl: string;
  version: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** BENCH_PG_URL, else the machine's PostgreSQL on 127.0.0.1:5432, else an embedded one. */
export async function ensurePostgres(log: (m: string) => void = console.log): Promise<Postgres> {
  const candidates = [process.env.BENCH_PG_URL, 'postgres://postgres@127.0.0.1:5432/postgres'].filter(Boolean) as string[];
  for (const url of candidates) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      const { rows } = await c.query('SHOW server_version');
      await c.end();
      return { adminUrl: url, version: `PostgreSQL ${rows[0].server_version}`, embedded: false, stop: async () => undefined };
    } catch {
      await c.end().catch(() => undefined);
    }
  }
  log('no PostgreSQL on 127.0.0.1:5432: starting an embedded one');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alliance-bench-'));
  const db = await startEmbeddedPostgres(dir, quietLogger);
  const adminUrl = db.adminUrl;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  const { rows } = await c.query('SHOW server_version');
  await c.end();
  return {
    adminUrl,
    version: `PostgreSQL ${rows[0].server_version} (embedded)`,
    embedded: true,
    stop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ------------------------------------------------------------------ requests

export interface GqlResponse {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  sql: number | null;
}

export async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<GqlResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const sql = res.headers.get('x-sql-statements');
  return { status: res.status, body: (await res.json()) as GqlResponse['body'], sql: sql === null ? null : Number(sql) };
}

function must(r: GqlResponse, what: string): any {
  if (r.status !== 200 || r.body.errors?.length || !r.body.data) {
    throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  }
  return r.body.data;
}

/** The SQL statements a successful request sent, from the counting server's header. */
function countedSql(r: GqlResponse, what: string): number {
  must(r, what);
  if (r.sql === null) throw new Error(`${what}: no x-sql-statements header (EXPOSE_SQL_COUNT off?)`);
  return r.sql;
}

export async function login(url: string, username: string): Promise<string> {
  return must(await gql(url, LOGIN, { u: username, p: BENCH_PASSWORD }), `login ${username}`).login.token;
}

// ------------------------------------------------------------------ scenarios

export interface ScenarioRequest {
  body: string;
  headers: Record<string, string>;
}

export interface Setup {
  allianceId: string;
  token: string;
  /** Which page Q1 asks for (3 when the data set has one). */
  q1Page: number;
  vars: Record<'Q1' | 'Q2' | 'Q3' | 'Q4', Record<string, unknown>>;
  /** Variables for the page-size probes: the same scenario with a small and a large page. */
  probes: Record<'Q1' | 'Q2' | 'Q3' | 'Q4', { small: Record<string, unknown>; large: Record<string, unknown>; what: string }>;
  q3Signups: number;
  q4Open: number;
  categoryId: string;
  /** M1: (activity, unit) pairs of OPEN activities without a live sign-up of that unit, with the committee token. */
  m1Pairs: { activityId: string; unitId: string; token: string }[];
  m1Activities: number;
  m1Alliances: number;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Picks the scenarios' variables on the loaded data set, through our own API where a cursor is needed. */
export async function setupScenarios(db: pg.Client, ourUrl: string, opts: { m1Pairs?: number } = {}): Promise<Setup> {
  const one = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0];
  const { alliance_id: allianceId } = await one(`SELECT alliance_id FROM app_user WHERE username = $1`, [committeeName(0)]);
  const token = await login(ourUrl, committeeName(0));
  const { id: categoryId } = await one(`SELECT id FROM service_category WHERE alliance_id = $1 AND code = $2`, [allianceId, Q1_CATEGORY]);

  const filter = { status: 'ON_SHELF', categoryCode: Q1_CATEGORY, search: SEARCH_WORD };
  let after: string | null = null;
  let q1Page = 1;
  for (let page = 1; page < 3; page++) {
    const conn: any = must(await gql(ourUrl, Q1, { filter, first: 20, after }, token), 'Q1 setup').shelfProjects;
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
    q1Page = page + 1;
  }

  // Local (Asia/Shanghai) calendar days: the last 12 months up to today.
  const today = new Date(Date.now() + 8 * 3_600_000);
  const yearAgo = new Date(today);
  yearAgo.setUTCFullYear(today.getUTCFullYear() - 1);
  yearAgo.setUTCDate(yearAgo.getUTCDate() + 1);

  const big = await one(
    `SELECT a.id, (SELECT count(*) FROM signup s WHERE s.activity_id = a.id)::int AS n FROM activity a
      WHERE a.alliance_id = $1 AND EXISTS (SELECT 1 FROM activity_project p WHERE p.activity_id = a.id)
      ORDER BY n DESC, a.id LIMIT 1`,
    [allianceId],
  );
  const small = await one(
    `SELECT a.id, (SELECT count(*) FROM signup s WHERE s.activity_id = a.id)::int AS n FROM activity a
      WHERE a.alliance_id = $1 AND EXISTS (SELECT 1 FROM activity_project p WHERE p.activity_id = a.id)
        AND EXISTS (SELECT 1 FROM signup s WHERE s.activity_id = a.id)
      ORDER BY n ASC, a.id LIMIT 1`,
    [allianceId],
  );
  const { id: gridId } = await one(`SELECT id FROM grid WHERE alliance_id = $1 ORDER BY sort_order LIMIT 1`, [allianceId]);
  const { n: q4Open } = await one(
    `SELECT count(*)::int AS n FROM need WHERE grid_id = $1 AND status IN ('REPORTED','ACCEPTED','ORDERED','PLANNED','IN_PROGRESS')`,
    [gridId],
  );

  // M1: the committees of up to 10 alliances sign units up for their OPEN activities, spread at random.
  const { rows: committees } = await db.query(
    `SELECT u.username, u.alliance_id FROM app_user u WHERE u.username = ANY($1)`,
    [Array.from({ length: 10 }, (_, a) => committeeName(a))],
  );
  const tokens = new Map<string, string>();
  for (const c of committees) tokens.set(c.alliance_id, await login(ourUrl, c.username));
  const { rows: pairs } = await db.query(
    `SELECT a.id AS "activityId", u.id AS "unitId", a.alliance_id AS "allianceId"
       FROM activity a JOIN member_unit u ON u.alliance_id = a.alliance_id AND u.status = 'ACTIVE'
      WHERE a.status = 'OPEN' AND a.alliance_id = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM signup s WHERE s.activity_id = a.id AND s.unit_id = u.id AND s.status IN ('CONFIRMED','WAITLISTED'))
      ORDER BY md5(a.id::text || u.id::text)
      LIMIT $2`,
    [[...tokens.keys()], opts.m1Pairs ?? 60_000],
  );

  return {
    allianceId,
    token,
    q1Page,
    categoryId,
    vars: {
      Q1: { filter, first: 20, after },
      Q2: { from: iso(yearAgo), to: iso(today), top: 10 },
      Q3: { id: big.id },
      Q4: { gridId, first: 20 },
    },
    probes: {
      Q1: { small: { filter, first: 5 }, large: { filter, first: 50 }, what: 'first: 5 vs first: 50' },
      Q2: { small: { from: iso(yearAgo), to: iso(today), top: 5 }, large: { from: iso(yearAgo), to: iso(today), top: 50 }, what: 'topUnits(first: 5) vs (first: 50)' },
      Q3: { small: { id: small.id }, large: { id: big.id }, what: `an activity with ${small.n} vs ${big.n} sign-ups` },
      Q4: { small: { gridId, first: 5 }, large: { gridId, first: 50 }, what: 'first: 5 vs first: 50' },
    },
    q3Signups: big.n,
    q4Open,
    m1Pairs: pairs.map((p: any) => ({ activityId: p.activityId, unitId: p.unitId, token: tokens.get(p.allianceId)! })),
    m1Activities: new Set(pairs.map((p: any) => p.activityId)).size,
    m1Alliances: tokens.size,
  };
}

export const DOCS = { Q1, Q2, Q3, Q4 } as const;

/** The raw baseline's variables for our Q1 (the same page: test/bench/raw-baseline.mjs). */
export function rawQ1Variables(setup: Pick<Setup, 'allianceId' | 'vars'>): Record<string, unknown> {
  const { filter, first, after } = setup.vars.Q1 as { filter: { categoryCode: string; search: string }; first: number; after: string | null };
  return { allianceId: setup.allianceId, categoryCode: filter.categoryCode, pattern: `%${filter.search}%`, first, after };
}

/** Our server (loaded as production runs it) and the raw baseline on one bench database, with the scenarios set up: for the tools that compare them. */
export async function startOursAndRaw(size: string) {
  const url = `postgres://postgres@127.0.0.1:5432/${benchDatabase(size)}`;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const ours = await startOurServer(url, undefined, [], { EXPOSE_SQL_COUNT: 'false' });
  const raw = await startRawBaseline(url);
  const setup = await setupScenarios(db, ours.url);
  return {
    db,
    ours,
    raw,
    setup,
    rawQ1: request('', rawQ1Variables(setup)),
    stop: async () => {
      await ours.stop();
      await raw.stop();
      await db.end();
    },
  };
}

/** M1's answer when a sign-up was made; its group is the sign-up's status. */
export const SIGNED_UP = /"signUpForActivity":\{"id":"[^"]+","status":"([A-Z]+)"/;

/** The fixed request of a read scenario. */
export function request(query: string, variables: Record<string, unknown>, token?: string): ScenarioRequest {
  return {
    body: JSON.stringify({ query, variables }),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  };
}

// ------------------------------------------------------------------ load

/** CPU time a process has used so far in user and system mode, ms (utime, stime from /proc/<pid>/stat; 100 ticks a second). */
export function procCpuSplitMs(pid: number): { user: number; system: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
  } catch {
    return null;
  }
}

/** CPU time a process has used so far, ms. */
export function procCpuMs(pid: number): number | null {
  const t = procCpuSplitMs(pid);
  return t && t.user + t.system;
}

/** Processes of other people's test runs (vitest, Playwright's Chromium), read from /proc. */
export function foreignTestProcesses(): number {
  let n = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (/vitest|chromium|playwright/.test(cmd) && !cmd.includes('test/bench/harness.test.ts')) n++;
      } catch {
        // gone
      }
    }
  } catch {
    return -1;
  }
  return n;
}

async function backendCpu(db: pg.Client | undefined): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!db) return out;
  const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  for (const r of rows) {
    const ms = procCpuMs(r.pid);
    if (ms !== null) out.set(r.pid, ms);
  }
  return out;
}

export interface LoadResult {
  target: string;
  scenario: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** non-2xx, socket errors, timeouts, and 200s whose body carries GraphQL errors. */
  failures: number;
  sqlMin: number | null;
  sqlMax: number | null;
  /** Highest VmRSS seen while loading, MB. */
  rssMaxMb: number | null;
  /** Most processes of other test runs seen at once during the run (sampled every 2 s), and the 1-minute load average at its end. */
  foreignProcesses?: number;
  loadAverage?: number;
  /** CPU time per request: of the server process, of the PostgreSQL backends of this database, of the load generator. */
  cpuMsPerRequest?: { server: number | null; postgres: number | null; client: number };
  /** The same CPU time in all, ms: what rounds are summed from (per request it is rounded). Absent in runs saved before it. */
  cpuMs?: { server: number | null; postgres: number | null; client: number };
  /** A comparison measured in interleaved rounds (runInterleaved): each round's own figures, in the order they ran. */
  rounds?: LoadRound[];
  /** M1: mutations answered with a sign-up. */
  ok?: number;
  statuses?: Record<string, number>;
}

/** One round of an interleaved comparison; `cpu` is server + PostgreSQL ms per request (null where not measured). */
export interface LoadRound {
  /** When it started (ISO): the rounds of the targets compared alternate in time. */
  start: string;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  cpu: number | null;
}

export interface LoadOptions {
  target: Proc;
  scenario: string;
  connections: number;
  duration: number;
  /** A fixed request, or one per call (M1). */
  next: ScenarioRequest | (() => ScenarioRequest);
  /** Stop after this many requests instead of after `duration`. */
  amount?: number;
  okPattern?: RegExp;
  /** A client on the bench database: the CPU of its other backends is counted. */
  db?: pg.Client;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  let rssMax: number | null = null;
  let ticks = 0;
  let foreign = foreignTestProcesses();
  const sample = setInterval(() => {
    const rss = procStatusMb(o.target.pid, 'VmRSS');
    if (rss !== null && (rssMax === null || rss > rssMax)) rssMax = rss;
    if (++ticks % 10 === 0) foreign = Math.max(foreign, foreignTestProcesses());
  }, 200);
  let gqlErrors = 0;
  let ok = 0;
  let sqlMin: number | null = null;
  let sqlMax: number | null = null;
  const statuses: Record<string, number> = {};
  const fixed = typeof o.next === 'function' ? null : o.next;
  const produce = typeof o.next === 'function' ? o.next : null;
  const pg0 = await backendCpu(o.db);
  const server0 = procCpuMs(o.target.pid);
  const client0 = process.cpuUsage();
  const instance = autocannon({
    url: o.target.url,
    connections: o.connections,
    ...(o.amount ? { amount: o.amount } : { duration: o.duration }),
    method: 'POST',
    ...(fixed ? { body: fixed.body, headers: fixed.headers } : {}),
    requests: [
      {
        method: 'POST',
        ...(fixed ? { body: fixed.body, headers: fixed.headers } : {}),
        ...(produce
          ? {
              setupRequest: (req: any) => {
                const r = produce();
                return { ...req, method: 'POST', path: '/graphql', body: r.body, headers: r.headers };
              },
            }
          : {}),
        onResponse: (status: number, body: string, _ctx: unknown, headers: Record<string, string>) => {
          if (status === 200 && body.includes('"errors"')) gqlErrors++;
          const h = headers?.['x-sql-statements'] ?? headers?.['X-Sql-Statements'];
          if (h !== undefined) {
            const n = Number(h);
            if (sqlMin === null || n < sqlMin) sqlMin = n;
            if (sqlMax === null || n > sqlMax) sqlMax = n;
          }
          if (o.okPattern) {
            const m = o.okPattern.exec(body);
            if (m) {
              ok++;
              statuses[m[1]!] = (statuses[m[1]!] ?? 0) + 1;
            }
          }
        },
      } as any,
    ],
  } as any);
  const result: any = await instance;
  clearInterval(sample);
  const server1 = procCpuMs(o.target.pid);
  const client1 = process.cpuUsage(client0);
  const pg1 = await backendCpu(o.db);
  let pgMs = 0;
  for (const [pid, ms] of pg1) pgMs += ms - (pg0.get(pid) ?? 0);
  const cpuMs = {
    // A server inside this process (the CI smoke test's) has no CPU of its own to read.
    server: server0 !== null && server1 !== null && o.target.pid !== process.pid ? server1 - server0 : null,
    postgres: o.db ? pgMs : null,
    client: (client1.user + client1.system) / 1000,
  };
  return {
    target: o.target.name,
    scenario: o.scenario,
    connections: o.connections,
    seconds: o.amount ? result.duration : o.duration,
    requests: result.requests.total,
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts + gqlErrors,
    sqlMin,
    sqlMax,
    rssMaxMb: rssMax,
    foreignProcesses: foreign,
    loadAverage: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
    cpuMsPerRequest: perRequest(cpuMs, result.requests.total),
    cpuMs,
    ...(o.okPattern ? { ok, statuses } : {}),
  };
}

const hundredths = (x: number) => Math.round(x * 100) / 100;

function perRequest(cpuMs: NonNullable<LoadResult['cpuMs']>, requests: number): NonNullable<LoadResult['cpuMsPerRequest']> {
  const n = Math.max(1, requests);
  return {
    server: cpuMs.server === null ? null : hundredths(cpuMs.server / n),
    postgres: cpuMs.postgres === null ? null : hundredths(cpuMs.postgres / n),
    client: hundredths(cpuMs.client / n),
  };
}

const sumOrNull = (xs: (number | null | undefined)[]) => (xs.some((x) => x === null || x === undefined) ? null : xs.reduce<number>((a, x) => a + x!, 0));
const maxOrNull = (xs: (number | null | undefined)[]) => {
  const v = xs.filter((x): x is number => typeof x === 'number');
  return v.length ? Math.max(...v) : null;
};

function sumStatuses(parts: LoadResult[]): Record<string, number> {
  const all: Record<string, number> = {};
  for (const r of parts) for (const [k, n] of Object.entries(r.statuses ?? {})) all[k] = (all[k] ?? 0) + n;
  return all;
}

/**
 * The rounds of one (target, scenario) as one result, so the report's tables and ratios read it as they read a
 * single run: requests, CPU, failures and M1's sign-ups (by status) summed; req/s over the measured seconds; CPU per request the rounds' CPU
 * over their requests; p50 the median of the rounds' p50 (their latencies are not kept to merge); p99 the highest
 * round's p99; RSS and the other test processes their highest; the load average the highest at a round's end.
 */
export function combineRounds(rounds: { start: string; result: LoadResult }[]): LoadResult {
  const parts = rounds.map((x) => x.result);
  const first = parts[0]!;
  const requests = parts.reduce((a, r) => a + r.requests, 0);
  const seconds = parts.reduce((a, r) => a + r.seconds, 0);
  const cpuMs = {
    server: sumOrNull(parts.map((r) => r.cpuMs?.server)),
    postgres: sumOrNull(parts.map((r) => r.cpuMs?.postgres)),
    client: parts.reduce((a, r) => a + (r.cpuMs?.client ?? 0), 0),
  };
  const sqlMins = parts.map((r) => r.sqlMin).filter((x): x is number => x !== null);
  return {
    target: first.target,
    scenario: first.scenario,
    connections: first.connections,
    seconds,
    requests,
    rps: Math.round((requests / seconds) * 10) / 10,
    p50: median(parts.map((r) => r.p50)),
    p99: Math.max(...parts.map((r) => r.p99)),
    failures: parts.reduce((a, r) => a + r.failures, 0),
    sqlMin: sqlMins.length ? Math.min(...sqlMins) : null,
    sqlMax: maxOrNull(parts.map((r) => r.sqlMax)),
    rssMaxMb: maxOrNull(parts.map((r) => r.rssMaxMb)),
    foreignProcesses: maxOrNull(parts.map((r) => r.foreignProcesses)) ?? undefined,
    loadAverage: maxOrNull(parts.map((r) => r.loadAverage)) ?? undefined,
    cpuMsPerRequest: perRequest(cpuMs, requests),
    cpuMs,
    ...(parts.some((r) => r.ok !== undefined) ? { ok: parts.reduce((a, r) => a + (r.ok ?? 0), 0), statuses: sumStatuses(parts) } : {}),
    rounds: rounds.map(({ start, result: r }) => ({
      start,
      seconds: r.seconds,
      requests: r.requests,
      rps: Math.round((r.requests / r.seconds) * 10) / 10,
      p50: r.p50,
      p99: r.p99,
      cpu: r.cpuMs?.server != null && r.cpuMs.postgres != null ? hundredths((r.cpuMs.server + r.cpuMs.postgres) / Math.max(1, r.requests)) : null,
    })),
  };
}

/** A comparison's `duration` seconds split into `rounds`, whole seconds each: autocannon stops only on a one-second tick. */
export function secondsPerRound(duration: number, rounds: number): number {
  return Math.max(1, Math.round(duration / rounds));
}

export interface InterleaveOptions {
  scenario: string;
  /** The servers compared, each with its own request (or one per call, M1) and, if it has its own database, a client on it; the first leads the odd rounds. */
  targets: { target: Proc; next: ScenarioRequest | (() => ScenarioRequest); db?: pg.Client }[];
  /** M1: what counts an answer as a sign-up (runLoad's okPattern). */
  okPattern?: RegExp;
  connections: number;
  rounds: number;
  /** Measured seconds of each round (secondsPerRound). */
  roundSeconds: number;
  /** Seconds of the one warm-up of each target before the first round; 0: none. */
  warmup: number;
  db?: pg.Client;
  /** Pause after each load, ms: requests still in flight when autocannon stops finish before the next is measured. */
  pauseMs?: number;
  log?: (m: string) => void;
}

/**
 * One scenario on several servers measured in alternating rounds (A B C, C B A, A B C, ...) rather than one
 * after the other: this VM's speed drifts by up to 1.6× within half an hour (test/bench/analysis.md), and
 * runs minutes apart measured the host as much as the servers. Each target still gives one result
 * (combineRounds), with its rounds kept so the report can show the spread of the ratios round by round.
 */
export async function runInterleaved(o: InterleaveOptions): Promise<LoadResult[]> {
  const pause = () => new Promise((resolve) => setTimeout(resolve, o.pauseMs ?? 1000));
  if (o.warmup > 0) {
    for (const t of o.targets) {
      await runLoad({ target: t.target, scenario: o.scenario, connections: o.connections, duration: o.warmup, next: t.next, db: t.db ?? o.db, okPattern: o.okPattern });
      await pause();
    }
  }
  const parts: { start: string; result: LoadResult }[][] = o.targets.map(() => []);
  const indexes = o.targets.map((_, i) => i);
  for (let round = 0; round < o.rounds; round++) {
    for (const i of round % 2 ? [...indexes].reverse() : indexes) {
      const t = o.targets[i]!;
      const start = new Date().toISOString();
      const r = await runLoad({ target: t.target, scenario: o.scenario, connections: o.connections, duration: o.roundSeconds, next: t.next, db: t.db ?? o.db, okPattern: o.okPattern });
      parts[i]!.push({ start, result: r });
      const c = r.cpuMsPerRequest;
      o.log?.(`    round ${round + 1}/${o.rounds} ${t.target.name.padEnd(12)} ${o.scenario}: ${r.rps} req/s, p99 ${r.p99} ms, failures ${r.failures}, CPU ms/req server ${c?.server} pg ${c?.postgres}, load ${r.loadAverage}`);
      await pause();
    }
  }
  return parts.map(combineRounds);
}

// ------------------------------------------------------------------ one size

export interface SqlProbe {
  scenario: string;
  what: string;
  small: number | null;
  large: number | null;
}

export interface SizeReport {
  size: string;
  generated: GenerateResult | null;
  tableRows: Record<string, number>;
  setup: Omit<Setup, 'token' | 'm1Pairs'> & { m1PairCount: number };
  runs: LoadResult[];
  probes: SqlProbe[];
  ourPeakRssMb: number | null;
  postgraphilePeakRssMb: number | null;
  rawPeakRssMb: number | null;
  invariantsAfterM1: Record<string, number>;
  m1SignupsInDb: number;
  plans: ScenarioPlans[];
  notes: string[];
  /** The build before issue 17 against this one, side by side (then-and-now.ts); on L in a full run. */
  thenAndNow?: ThenAndNowReport;
  thenAndNowError?: string;
}

export interface BenchOptions {
  sizes: string[];
  duration: number;
  warmup: number;
  connections: number;
  /** Reuse bench_<size> when it exists (skip generation). */
  reuse?: boolean;
  postgraphile?: boolean;
  raw?: boolean;
  m1?: boolean;
  /** Rounds of the interleaved comparison (Q1, Q3 against PostGraphile and the raw baseline), of duration / rounds seconds each; default 5. */
  rounds?: number;
  /** Capture EXPLAIN (ANALYZE, BUFFERS) of every statement of every scenario. */
  plans?: boolean;
  log?: (m: string) => void;
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  const { rowCount } = await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
  await c.end();
  return !!rowCount;
}

export async function benchSize(pgInfo: Postgres, size: string, o: BenchOptions): Promise<SizeReport> {
  const log = o.log ?? console.log;
  const database = benchDatabase(size);
  let generated: GenerateResult | null = null;
  if (!(o.reuse && (await databaseExists(pgInfo.adminUrl, database)))) {
    generated = await generate({ size, adminUrl: pgInfo.adminUrl, log, database });
  } else {
    log(`${database}: reused`);
  }
  const url = withDatabase(pgInfo.adminUrl, database);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const tableRows: Record<string, number> = {};
  for (const t of ['member_unit', 'shelf_project', 'need', 'need_event', 'activity', 'signup', 'points_entry']) {
    tableRows[t] = Number((await db.query(`SELECT count(*) FROM ${t}`)).rows[0].count);
  }
  const notes: string[] = [];
  const runs: LoadResult[] = [];
  // Loaded as production runs it: without SQL counting, whose AsyncLocalStorage
  // costs 5-7 % of the server's CPU per request on Node 20 (docs/benchmarks.md).
  // The statements per request are counted on a twin that counts, with the same requests.
  const ours = await startOurServer(url, undefined, [], { EXPOSE_SQL_COUNT: 'false' });
  const counting = await startOurServer(url, undefined, [], {}, 'ours, counting SQL');
  const counted: Record<string, { min: number; max: number }> = {};
  let pglRss: number | null = null;
  let rawRss: number | null = null;
  try {
    const setup = await setupScenarios(db, ours.url);
    const keep = (r: LoadResult) => {
      if (r.target === ours.name && counted[r.scenario]) Object.assign(r, { sqlMin: counted[r.scenario]!.min, sqlMax: counted[r.scenario]!.max });
      log(`  ${size} ${r.target.padEnd(12)} ${r.scenario} ×${r.connections}${r.rounds ? ` (${r.rounds.length} rounds)` : ''}: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, SQL ${r.sqlMin}..${r.sqlMax}, failures ${r.failures}, RSS ${r.rssMaxMb} MB, CPU ms/req server ${r.cpuMsPerRequest?.server} pg ${r.cpuMsPerRequest?.postgres} client ${r.cpuMsPerRequest?.client}, other test processes ${r.foreignProcesses}, load ${r.loadAverage}`);
      runs.push(r);
    };
    const load = async (target: Proc, scenario: string, next: LoadOptions['next'], okPattern?: RegExp, connections = o.connections) => {
      if (o.warmup > 0 && typeof next !== 'function') {
        await runLoad({ target, scenario, connections, duration: o.warmup, next, db });
      }
      // Requests still in flight from the warm-up finish before the measured run starts.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const r = await runLoad({ target, scenario, connections, duration: o.duration, next, okPattern, db });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      keep(r);
      return r;
    };

    // Every scenario answers with data before it is loaded; the page-size probes count SQL.
    // The loaded request, sent twice to the counting twin: the second time Q2 comes from the figures cache.
    const probes: SqlProbe[] = [];
    // An instance reads a caller's account once and then keeps it until it changes (AccountRegistry):
    // counts are of the steady state, so the counting twin meets the token first.
    await gql(counting.url, '{ __typename }', {}, setup.token);
    for (const name of ['Q1', 'Q2', 'Q3', 'Q4'] as const) {
      must(await gql(ours.url, DOCS[name], setup.vars[name], setup.token), name);
      const twice: number[] = [];
      for (let k = 0; k < 2; k++) twice.push(countedSql(await gql(counting.url, DOCS[name], setup.vars[name], setup.token), name));
      counted[name] = { min: Math.min(...twice), max: Math.max(...twice) };
      const p = setup.probes[name];
      const s = await gql(counting.url, DOCS[name], p.small, setup.token);
      const l = await gql(counting.url, DOCS[name], p.large, setup.token);
      must(s, `${name} small`);
      must(l, `${name} large`);
      probes.push({ scenario: name, what: p.what, small: s.sql, large: l.sql });
    }

    // The comparison first, interleaved (runInterleaved): ours, PostGraphile and the raw baseline all
    // running, each scenario's rounds alternating between them.
    const rounds = o.rounds ?? 5;
    const roundSeconds = secondsPerRound(o.duration, rounds);
    let pgl: Proc | null = null;
    let raw: Proc | null = null;
    try {
      if (o.postgraphile !== false) pgl = await startPostGraphile(url);
      if (o.raw !== false) raw = await startRawBaseline(url);
      const q1Targets: InterleaveOptions['targets'] = [{ target: ours, next: request(DOCS.Q1, setup.vars.Q1, setup.token) }];
      const q3Targets: InterleaveOptions['targets'] = [{ target: ours, next: request(DOCS.Q3, setup.vars.Q3, setup.token) }];
      if (pgl) {
        const word = SEARCH_WORD;
        let after: string | null = null;
        for (let page = 1; page < setup.q1Page; page++) {
          const d = must(await gql(pgl.url, PGL_Q1, { alliance: setup.allianceId, category: setup.categoryId, word, first: 20, after }), 'PostGraphile Q1 setup');
          after = d.allShelfProjects.pageInfo.endCursor;
        }
        const q1vars = { alliance: setup.allianceId, category: setup.categoryId, word, first: 20, after };
        const mine = must(await gql(ours.url, Q1, setup.vars.Q1, setup.token), 'Q1').shelfProjects;
        const theirs = must(await gql(pgl.url, PGL_Q1, q1vars), 'PostGraphile Q1').allShelfProjects;
        if (mine.totalCount !== theirs.totalCount || mine.nodes.map((n: any) => n.id).join() !== theirs.nodes.map((n: any) => n.rowId).join()) {
          notes.push(`PostGraphile Q1 returned a different page (total ${theirs.totalCount} vs ${mine.totalCount}).`);
        }
        const q3 = must(await gql(pgl.url, PGL_Q3, { id: setup.vars.Q3.id }), 'PostGraphile Q3').activityByRowId;
        if (q3.signupsByActivityId.nodes.length !== setup.q3Signups) notes.push('PostGraphile Q3 returned a different number of sign-ups.');
        q1Targets.push({ target: pgl, next: request(PGL_Q1, q1vars) });
        q3Targets.push({ target: pgl, next: request(PGL_Q3, { id: setup.vars.Q3.id }) });
      }
      if (raw) {
        const rawVars = rawQ1Variables(setup);
        const mine = must(await gql(ours.url, Q1, setup.vars.Q1, setup.token), 'Q1');
        const theirs = must(await gql(raw.url, '', rawVars), 'raw Q1');
        if (JSON.stringify(mine) !== JSON.stringify(theirs)) notes.push('The raw baseline answered Q1 with a different JSON than ours.');
        q1Targets.push({ target: raw, next: request('', rawVars) });
      }
      for (const [scenario, targets] of [['Q1', q1Targets], ['Q3', q3Targets]] as const) {
        log(`  ${size} ${scenario}: ${targets.map((t) => t.target.name).join(', ')} in ${rounds} interleaved rounds of ${roundSeconds} s`);
        const results = await runInterleaved({ scenario, targets, connections: o.connections, rounds, roundSeconds, warmup: o.warmup, db, log });
        for (const r of results) keep(r);
      }
    } finally {
      if (pgl) {
        await pgl.stop();
        pglRss = pgl.peakRssMb();
      }
      if (raw) {
        await raw.stop();
        rawRss = raw.peakRssMb();
      }
    }

    // Then ours alone: what no other server is compared on in this run.
    for (const name of ['Q2', 'Q4'] as const) {
      await load(ours, name, request(DOCS[name], setup.vars[name], setup.token));
    }
    // Ours keeps dashboard figures 30 s (DASHBOARD_CACHE_SECONDS); computed afresh every
    // time, what a dashboard costs, queued behind 31 others and alone.
    const uncached = await startOurServer(url, undefined, [], { DASHBOARD_CACHE_SECONDS: '0' }, UNCACHED);
    try {
      const q2 = request(DOCS.Q2, setup.vars.Q2, setup.token);
      await load(uncached, 'Q2', q2);
      await load(uncached, 'Q2', q2, undefined, 1);
    } finally {
      await uncached.stop();
    }

    let invariantsAfterM1: Record<string, number> = {};
    let m1SignupsInDb = 0;
    if (o.m1 !== false && setup.m1Pairs.length > 2) {
      // The second last pair signs up through the counting twin; the last is kept for the EXPLAIN capture.
      const c = setup.m1Pairs[setup.m1Pairs.length - 2]!;
      await gql(counting.url, '{ __typename }', {}, c.token);
      const one = countedSql(await gql(counting.url, M1, { activityId: c.activityId, unitId: c.unitId, headcount: 1 }, c.token), 'M1 counted');
      counted.M1 = { min: one, max: one };
      const before = Number((await db.query(`SELECT count(*) FROM signup`)).rows[0].count);
      let i = 0;
      const r = await load(
        ours,
        'M1',
        () => {
          // The last two pairs are kept (above). Past the others the third
          // last repeats: CONFLICT answers, counted as failures.
          const p = setup.m1Pairs[Math.min(i++, setup.m1Pairs.length - 3)]!;
          return request(M1, { activityId: p.activityId, unitId: p.unitId, headcount: 1 + (i % 9) }, p.token);
        },
        SIGNED_UP,
      );
      if (i >= setup.m1Pairs.length - 2) notes.push(`M1 used up all ${setup.m1Pairs.length - 2} prepared (activity, unit) pairs before the time ran out.`);
      m1SignupsInDb = Number((await db.query(`SELECT count(*) FROM signup`)).rows[0].count) - before;
      invariantsAfterM1 = await verifyInvariants(db);
      if (m1SignupsInDb - (r.ok ?? 0) < 0 || m1SignupsInDb - (r.ok ?? 0) > o.connections) {
        notes.push(`M1: ${r.ok} sign-ups answered but ${m1SignupsInDb} rows added.`);
      }
    }

    const { token, m1Pairs, ...rest } = setup;
    await ours.stop();
    await counting.stop();
    let plans: ScenarioPlans[] = [];
    if (o.plans) {
      const { capturePlans } = await import('./plans.js');
      const p = m1Pairs[m1Pairs.length - 1];
      plans = await capturePlans(url, [
        ...(['Q1', 'Q2', 'Q3', 'Q4'] as const).map((name) => ({ scenario: name, query: DOCS[name], variables: setup.vars[name], token })),
        ...(p ? [{ scenario: 'M1', query: M1, variables: { activityId: p.activityId, unitId: p.unitId, headcount: 2 }, token: p.token }] : []),
      ]);
      if (p) invariantsAfterM1 = await verifyInvariants(db);
    }
    return {
      size,
      generated,
      tableRows,
      setup: { ...rest, m1PairCount: m1Pairs.length },
      runs,
      probes,
      ourPeakRssMb: ours.peakRssMb(),
      postgraphilePeakRssMb: pglRss,
      rawPeakRssMb: rawRss,
      invariantsAfterM1,
      m1SignupsInDb,
      plans,
      notes,
    };
  } finally {
    await ours.stop();
    await counting.stop();
    await db.end();
  }
}

export function machine() {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}

export { SIZES };

/** The median, rounded to hundredths where it falls between two values. */
export function median(xs: number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : Math.round(((v[m - 1]! + v[m]!) / 2) * 100) / 100;
}
