import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DOCS, ROOT, installCleanupHandlers, procCpuSplitMs, request, residentByMapping, runLoad, setupScenarios, startOurServer } from './harness.js';
import { M1 } from './scenarios.js';

/*
 * Where our server's CPU goes under one scenario: runs the built server with
 * `node --cpu-prof`, loads it like the bench does, and prints self time by
 * package and the hottest functions. The analysis in docs/benchmarks.md
 * quotes these.
 *
 *   tsx --tsconfig test/bench/tsconfig.json test/bench/profile.ts <size> <scenario> [seconds]
 *   (BENCH_PROFILE=0: load and measure only; BENCH_NODE_ARGS='--trace-gc': more flags for the server;
 *   BENCH_SERVER_ENV='MALLOC_ARENA_MAX=2': more environment for the server)
 */

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function owner(url: string): string {
  if (!url) return '(native / GC / idle)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/server/dist/')) return `ours: ${url.split('/server/dist/')[1]!.split('/').slice(0, -1).join('/') || '.'}`;
  return url;
}

/** What the server's resident memory is made of: the largest mappings of /proc/<pid>/smaps. */
function residentSummary(pid: number): string {
  const sorted = residentByMapping(pid);
  const all = sorted.reduce((n, [, kb]) => n + kb, 0);
  return [`resident ${Math.round(all / 1024)} MB:`, ...sorted.slice(0, 8).map(([n, kb]) => `${String(Math.round(kb / 1024)).padStart(5)} MB  ${n}`)].join('\n');
}

export function summarise(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let busy = 0;
  const byOwner = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') continue;
    busy += us;
    const o = n.callFrame.functionName === '(garbage collector)' ? 'GC' : owner(n.callFrame.url);
    byOwner.set(o, (byOwner.get(o) ?? 0) + us);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('node_modules/').pop()}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  const lines = [`busy ${(busy / 1000).toFixed(0)} ms`, '', 'self time by package:'];
  for (const [o, us] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(us)}  ${o}`);
  lines.push('', 'hottest functions (self):');
  for (const [f, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(us)}  ${f}`);
  return lines.join('\n');
}

async function main() {
  installCleanupHandlers();
  const [size = 'S', scenario = 'Q1', secondsArg = '10'] = process.argv.slice(2);
  const url = `postgres://postgres@127.0.0.1:5432/bench_${size.toLowerCase()}${process.env.BENCH_DB_SUFFIX ?? ''}`;
  const dir = path.join(ROOT, '.tmp/prof');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  // BENCH_NODE_ARGS: more flags for the server (e.g. --trace-gc, --max-semi-space-size=8).
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const profiling = process.env.BENCH_PROFILE !== '0';
  // As production runs it (no SQL counting) unless BENCH_SERVER_ENV says otherwise.
  const env = { EXPOSE_SQL_COUNT: 'false', ...Object.fromEntries((process.env.BENCH_SERVER_ENV ?? '').split(' ').filter(Boolean).map((kv) => kv.split('=') as [string, string])) };
  const server = await startOurServer(url, undefined, [...(profiling ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []), ...extra], env);
  const setup = await setupScenarios(db, server.url, { m1Pairs: 20_000 });
  let i = 0;
  const next =
    scenario === 'M1'
      ? () => {
          const p = setup.m1Pairs[Math.min(i++, setup.m1Pairs.length - 1)]!;
          return request(M1, { activityId: p.activityId, unitId: p.unitId, headcount: 2 }, p.token);
        }
      : request(DOCS[scenario as 'Q1'], setup.vars[scenario as 'Q1'], setup.token);
  const before = procCpuSplitMs(server.pid)!;
  const r = await runLoad({ target: server, scenario, connections: 32, duration: Number(secondsArg), next, db });
  const after = procCpuSplitMs(server.pid)!;
  if (process.env.BENCH_SMAPS === '1') console.log(residentSummary(server.pid));
  const per = (ms: number) => (ms / r.requests).toFixed(2);
  console.log(`${scenario} on ${size}: ${r.rps} req/s, p99 ${r.p99} ms, CPU ms/req server ${r.cpuMsPerRequest?.server} (user ${per(after.user - before.user)}, system ${per(after.system - before.system)}) PostgreSQL ${r.cpuMsPerRequest?.postgres}`);
  await server.stop();
  await db.end();
  if (extra.length) console.log(server.output().split('\n').slice(-8).join('\n'));
  console.log(`peak RSS ${server.peakRssMb()} MB`);
  if (!profiling) return;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no .cpuprofile written (the server did not exit cleanly?)');
  console.log(summarise(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
