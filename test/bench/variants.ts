import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DOCS, ROOT, SIGNED_UP, installCleanupHandlers, median, request, runLoad, setupScenarios, startOurServer, type LoadResult } from './harness.js';
import { M1 } from './scenarios.js';
import { benchDatabase } from './generate.js';

/*
 * Measures proposed server changes without touching the server's sources:
 * each variant is a copy of server/dist (under server/node_modules/, so that
 * it resolves the server's own packages) with a small patch applied to the
 * compiled JavaScript, run and loaded exactly like `pnpm bench` runs ours.
 * Runs alternate between variants (A B C A B C ...) so that other load on
 * the machine falls on all of them alike.
 *
 *   tsx --tsconfig test/bench/tsconfig.json test/bench/variants.ts <size> <scenarios> <rounds> <seconds>
 *   e.g. ... variants.ts L Q1,Q3 3 10
 *   (BENCH_CONNECTIONS=8: fewer concurrent requests than the bench's 32, for CPU per request on a machine others load)
 */

interface Patch {
  file: string;
  find: string;
  replace: string;
}

export const VARIANTS: Record<string, Patch[]> = {
  baseline: [],
  /** Apollo installs its cache-control plugin by default; it wraps every field resolver (willResolveField). */
  'no-cache-control': [
    {
      file: 'app.js',
      find: `import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';`,
      replace: `import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';\nimport { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';`,
    },
    {
      file: 'app.js',
      find: `ApolloServerPluginDrainHttpServer({ httpServer }),`,
      replace: `ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled(),`,
    },
  ],
  /** jose verifies HS256 through WebCrypto (a thread-pool job per request); remember verified tokens for a minute. */
  'token-cache': [
    {
      file: 'modules/auth/tokens.js',
      find: `export async function readToken(token, secret) {`,
      replace: `const verified = new Map();
export async function readToken(token, secret) {
    const hit = verified.get(token);
    if (hit && hit.until > Date.now()) return hit.result;
    const result = await readTokenUncached(token, secret);
    if ('user' in result) {
        if (verified.size > 10000) verified.clear();
        verified.set(token, { result, until: Math.min(Date.now() + 60000, (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp ?? 0) * 1000) });
    }
    return result;
}
async function readTokenUncached(token, secret) {`,
    },
  ],
};
/** The dashboard's statements answered from memory for 30 s per (alliance, range): figures a minute old at most. */
VARIANTS['dashboard-cache'] = [
  {
    file: 'modules/dashboard/dashboard.service.js',
    find: `export class DashboardService {`,
    replace: `const dashboardCache = new Map();
async function cachedQuery(ctx, sql, params) {
    const key = JSON.stringify(params) + sql;
    const hit = dashboardCache.get(key);
    if (hit && hit.until > Date.now()) return hit.rows;
    const rows = await ctx.scope.manager.query(sql, params);
    if (dashboardCache.size > 1000) dashboardCache.clear();
    dashboardCache.set(key, { rows, until: Date.now() + 30000 });
    return rows;
}
export class DashboardService {`,
  },
  ...['SCALAR_FIGURES', 'SHELF_PROJECTS_BY_CATEGORY', 'ACTIVITIES_BY_MONTH', 'TOP_UNITS'].map((name) => ({
    file: 'modules/dashboard/dashboard.service.js',
    find: `ctx.scope.manager.query(${name}, `,
    replace: `cachedQuery(ctx, ${name}, `,
  })),
];
/** The fast path's statement sent unnamed (no prepared statement), its columns still narrowed: what preparing it is worth. */
VARIANTS['fast-path-unprepared'] = [{ file: 'common/fast-path.js', find: `.query(prepared(sql), `, replace: `.query(sql, ` }];
/** The three together. */
VARIANTS['proposed'] = [...VARIANTS['no-cache-control']!, ...VARIANTS['token-cache']!, ...VARIANTS['dashboard-cache']!];

/** Variants that change only how Node runs the unchanged server. */
export const NODE_ARGS: Record<string, string[]> = {
  /** Young generation sizes (Node's default is 16 MB semi-spaces). */
  'semi-space-4': ['--max-semi-space-size=4'],
  'semi-space-8': ['--max-semi-space-size=8'],
  'semi-space-12': ['--max-semi-space-size=12'],
  'semi-space-16': ['--max-semi-space-size=16'],
  /** The old generation capped: V8 then collects it sooner. */
  'old-space-256': ['--max-old-space-size=256'],
  'old-space-384': ['--max-old-space-size=384'],
  'old-space-512': ['--max-old-space-size=512'],
  'old-space-1024': ['--max-old-space-size=1024'],
  'old-space-1536': ['--max-old-space-size=1536'],
  /** V8 lets the heap grow by up to 4x past its live size only when the limit is 2 GB or more; below, by 1.3-2x. */
  'old-space-2047': ['--max-old-space-size=2047'],
  'old-space-2048': ['--max-old-space-size=2048'],
  'semi-space-32': ['--max-semi-space-size=32'],
  /** The old generation's step past what survived the last full collection (V8's factor 1 + n/100 in place of its own, up to 2 here). */
  'heap-growing-30': ['--heap-growing-percent=30'],
  'heap-growing-50': ['--heap-growing-percent=50'],
  'heap-growing-70': ['--heap-growing-percent=70'],
  'semi-space-24': ['--max-semi-space-size=24'],
  /** V8's own switch for memory over speed. */
  'optimize-for-size': ['--optimize-for-size'],
};
for (const name of Object.keys(NODE_ARGS)) VARIANTS[name] = [];

/**
 * Variants that change only the server's environment. Every variant runs as
 * production does, without SQL counting (no x-sql-statements header), but
 * `sql-count`, which counts as tests do (AsyncLocalStorage on every request).
 */
const PRODUCTION_ENV = { EXPOSE_SQL_COUNT: 'false' };
/** BENCH_SERVER_ENV (JSON): environment for every variant, e.g. '{"DASHBOARD_CACHE_SECONDS":"0"}' to load Q2 computed afresh. */
const ALL_ENV: Record<string, string> = JSON.parse(process.env.BENCH_SERVER_ENV ?? '{}');
export const SERVER_ENV: Record<string, Record<string, string>> = {
  'sql-count': { EXPOSE_SQL_COUNT: 'true' },
  /** The hot reads through the resolvers and their loaders, as before the fast path (docs/architecture.md). */
  'general-path': { FAST_PATH: 'off' },
};
for (const name of Object.keys(SERVER_ENV)) VARIANTS[name] = [];

/** The bench's 32 unless BENCH_CONNECTIONS says otherwise. */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const VARIANT_DIR = path.join(ROOT, 'server/node_modules/.bench-variants');

/** Builds the variant's copy of server/dist and returns its main.js. `saved:NAME`: a build kept in server/node_modules/.saved-dist/NAME (e.g. of an earlier commit). */
export function buildVariant(name: string): string {
  if (name.startsWith('saved:')) {
    const main = path.join(ROOT, 'server/node_modules/.saved-dist', name.slice('saved:'.length), 'main.js');
    if (!existsSync(main)) throw new Error(`no saved build at ${main}`);
    return main;
  }
  const patches = VARIANTS[name];
  if (!patches) throw new Error(`unknown variant ${name}`);
  if (!patches.length) return path.join(ROOT, 'server/dist/main.js');
  const dir = path.join(VARIANT_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(ROOT, 'server/dist'), dir, { recursive: true });
  for (const p of patches) {
    const file = path.join(dir, p.file);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(p.find)) throw new Error(`variant ${name}: ${p.file} no longer contains the patched text`);
    writeFileSync(file, text.replace(p.find, p.replace));
  }
  return path.join(dir, 'main.js');
}

async function main() {
  installCleanupHandlers();
  const [size = 'L', scenarioList = 'Q1,Q3', roundsArg = '3', secondsArg = '10', variantList = 'baseline,no-cache-control,token-cache,proposed'] = process.argv.slice(2);
  const url = `postgres://postgres@127.0.0.1:5432/${benchDatabase(size)}`;
  const names = variantList.split(',');
  const mains = Object.fromEntries(names.map((n) => [n, buildVariant(n)]));
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const results: Record<string, Record<string, LoadResult[]>> = {};
  const peaks: Record<string, number[]> = {};
  for (let round = 0; round < Number(roundsArg); round++) {
    for (const name of names) {
      const server = await startOurServer(url, mains[name], NODE_ARGS[name] ?? [], { ...PRODUCTION_ENV, ...ALL_ENV, ...SERVER_ENV[name] });
      const setup = await setupScenarios(db, server.url, { m1Pairs: 20_000 });
      for (const sc of scenarioList.split(',')) {
        let i = 0;
        const next =
          sc === 'M1'
            ? () => {
                const p = setup.m1Pairs[i++]!;
                return request(M1, { activityId: p.activityId, unitId: p.unitId, headcount: 2 }, p.token);
              }
            : request(DOCS[sc as 'Q1'], setup.vars[sc as 'Q1'], setup.token);
        if (sc !== 'M1') await runLoad({ target: server, scenario: sc, connections: CONNECTIONS, duration: 2, next, db });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const r = await runLoad({
          target: server,
          scenario: sc,
          connections: CONNECTIONS,
          duration: Number(secondsArg),
          next,
          okPattern: sc === 'M1' ? SIGNED_UP : undefined,
          db,
        });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        ((results[name] ??= {})[sc] ??= []).push(r);
        console.log(`round ${round + 1} ${name.padEnd(18)} ${sc}: ${r.rps} req/s p50 ${r.p50} p99 ${r.p99} SQL ${r.sqlMax} failures ${r.failures} CPU ms/req server ${r.cpuMsPerRequest?.server} pg ${r.cpuMsPerRequest?.postgres}`);
      }
      await server.stop();
      (peaks[name] ??= []).push(server.peakRssMb() ?? 0);
    }
  }
  await db.end();
  console.log('\nmedian req/s (p99 ms) [server CPU ms/request, PostgreSQL CPU ms/request] per variant:');
  for (const name of names) {
    const row = scenarioList.split(',').map((sc) => {
      const rs = results[name]![sc]!;
      return `${sc} ${median(rs.map((r) => r.rps))} (${median(rs.map((r) => r.p99))}) [${median(rs.map((r) => r.cpuMsPerRequest?.server ?? 0))}, ${median(rs.map((r) => r.cpuMsPerRequest?.postgres ?? 0))}]`;
    });
    console.log(`${name.padEnd(18)} ${row.join('  ')}  peak RSS ${Math.max(...peaks[name]!)} MB`);
  }
  // The same numbers as a markdown table, for the analysis in docs/benchmarks.md.
  const md = [
    `Variants on ${size}, ${roundsArg} rounds of ${secondsArg} s per scenario at ${CONNECTIONS} connections, median per variant (of an even number of rounds: the mean of the middle two; run ${new Date().toISOString().slice(0, 16)} UTC: \`tsx test/bench/variants.ts ${process.argv.slice(2).join(' ')}\`):`,
    '',
    `| variant | ${scenarioList.split(',').map((sc) => `${sc} req/s | ${sc} p99 ms | ${sc} server CPU ms/req | ${sc} PG CPU ms/req`).join(' | ')} | peak RSS MB |`,
    `|---|${scenarioList.split(',').map(() => '---|---|---|---').join('|')}|---|`,
    ...names.map((name) => {
      const cells = scenarioList.split(',').map((sc) => {
        const rs = results[name]![sc]!;
        const m1 = sc === 'M1' ? ` (${median(rs.map((r) => Math.round((r.ok ?? 0) / r.seconds)))} sign-ups/s)` : '';
        return `${median(rs.map((r) => r.rps))}${m1} | ${median(rs.map((r) => r.p99))} | ${median(rs.map((r) => r.cpuMsPerRequest?.server ?? 0))} | ${median(rs.map((r) => r.cpuMsPerRequest?.postgres ?? 0))}`;
      });
      return `| ${name} | ${cells.join(' | ')} | ${Math.max(...peaks[name]!)} |`;
    }),
  ].join('\n');
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  writeFileSync(path.join(ROOT, '.tmp', `variants-${size}-${scenarioList.replace(/,/g, '')}.md`), md + '\n');
  console.log(md);
  if (existsSync(VARIANT_DIR)) rmSync(VARIANT_DIR, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
