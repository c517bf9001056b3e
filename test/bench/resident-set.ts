import pg from 'pg';
import { DOCS, installCleanupHandlers, procStatusMb, request, residentByMapping, runLoad, setupScenarios, startOurServer } from './harness.js';
import { M1 } from './scenarios.js';

/*
 * What the server's resident set is made of (test/bench/analysis.md, "Server RSS and Q2 computed afresh"):
 * VmRSS, /proc smaps by mapping and V8's heap spaces (from /metrics) at start, after the bench's setup
 * and after each scenario's load.
 *
 *   tsx --tsconfig test/bench/tsconfig.json test/bench/resident-set.ts <database> [Q1,Q2,...] [seconds]
 *   P3_MAIN=<main.js>: another build (e.g. server/node_modules/.saved-dist/NAME/main.js); P3_NODE_ARGS; BENCH_SERVER_ENV (JSON).
 */
const [db = 'bench_m', scenarios = 'Q1,Q2,Q3,Q4', secondsArg = '10'] = process.argv.slice(2);
const TOKEN = 'p3-metrics-token-0123456789';
function smaps(pid: number): string {
  const top = residentByMapping(pid, (p) => (p || '[anon]').replace(/.*node_modules\/\.pnpm\/([^/]+)\/.*/, '$1')).slice(0, 10);
  return top.map(([n, kb]) => `${Math.round(kb / 1024)} ${n.slice(-60)}`).join(' | ');
}
async function heap(url: string): Promise<string> {
  const text = await (await fetch(new URL("/metrics", url), { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  const pick = (re: RegExp) => [...text.matchAll(re)].map((m) => `${m[1]}=${Math.round(Number(m[2]) / 1048576)}`).join(' ');
  return `${pick(/^nodejs_heap_size_(used|total)_bytes (\S+)/gm)} ${pick(/^nodejs_(external)_memory_bytes (\S+)/gm)} | ${pick(/^nodejs_heap_space_size_used_bytes\{space="(\w+)"\} (\S+)/gm)}`;
}
installCleanupHandlers();
const url = `postgres://postgres@127.0.0.1:5432/${db}`;
const extra = (process.env.P3_NODE_ARGS ?? '').split(' ').filter(Boolean);
const env = { EXPOSE_SQL_COUNT: 'false', METRICS_TOKEN: TOKEN, ...JSON.parse(process.env.BENCH_SERVER_ENV ?? '{}') };
const server = await startOurServer(url, process.env.P3_MAIN || undefined, extra, env);
const pid = server.pid;
await new Promise((r) => setTimeout(r, 1500));
console.log(`started: RSS ${procStatusMb(pid, 'VmRSS')} MB; ${await heap(server.url)}\n  ${smaps(pid)}`);
const c = new pg.Client({ connectionString: url });
await c.connect();
const setup = await setupScenarios(c, server.url, { m1Pairs: 2000 });
console.log(`after setup (11 sign-ins): RSS ${procStatusMb(pid, 'VmRSS')} MB HWM ${procStatusMb(pid, 'VmHWM')}; ${await heap(server.url)}\n  ${smaps(pid)}`);
for (const sc of scenarios.split(',')) {
  let i = 0;
  const next = sc === 'M1' ? () => { const p = setup.m1Pairs[i++ % setup.m1Pairs.length]!; return request(M1, { activityId: p.activityId, unitId: p.unitId, headcount: 2 }, p.token); } : request(DOCS[sc as 'Q1'], setup.vars[sc as 'Q1'], setup.token);
  const r = await runLoad({ target: server, scenario: sc, connections: 32, duration: Number(secondsArg), next, db: c });
  console.log(`${sc}: ${r.rps} req/s p99 ${r.p99} CPU server ${r.cpuMsPerRequest?.server} pg ${r.cpuMsPerRequest?.postgres}; RSS max ${r.rssMaxMb ?? '?'} now ${procStatusMb(pid, 'VmRSS')} HWM ${procStatusMb(pid, 'VmHWM')}; ${await heap(server.url)}\n  ${smaps(pid)}`);
}
await server.stop();
await c.end();
