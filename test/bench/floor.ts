import autocannon from 'autocannon';
import { DOCS, installCleanupHandlers, procCpuMs, request, runLoad, startOursAndRaw, type Proc } from './harness.js';

/*
 * What a request costs our server before any field of the scenario runs:
 * the same server answering `{ __typename }` signed in, the scenario itself,
 * and the raw baseline's Q1, alternating in short runs. The difference
 * between the floor and a scenario is what its fields cost; the floor
 * against the raw baseline is Express, Apollo's pipeline and the context.
 *
 *   tsx --tsconfig test/bench/tsconfig.json test/bench/floor.ts <size> [rounds] [seconds] [scenarios]
 */

async function main() {
  installCleanupHandlers();
  const [size = 'M', roundsArg = '4', secondsArg = '4', list = 'Q1,Q3'] = process.argv.slice(2);
  const { db, ours, raw, setup, rawQ1, stop } = await startOursAndRaw(size);
  const cases: [string, typeof ours, ReturnType<typeof request>][] = [
    ['floor: { __typename }', ours, request('{ __typename }', {}, setup.token)],
    ['floor: me { id }', ours, request('{ me { id } }', {}, setup.token)],
    ...list.split(',').map((sc) => [sc, ours, request(DOCS[sc as 'Q1'], setup.vars[sc as 'Q1'], setup.token)] as [string, typeof ours, ReturnType<typeof request>]),
    ['raw Q1', raw, rawQ1],
  ];
  const seen: Record<string, { server: number[]; pg: number[]; rps: number[] }> = {};
  // Express and the middlewares every request passes (drain, request id, security headers) without GraphQL.
  const health = async (target: Proc, seconds: number, record = true) => {
    const before = procCpuMs(target.pid)!;
    const r: any = await autocannon({ url: target.url.replace(/graphql$/, 'healthz'), connections: 32, duration: seconds });
    if (r.non2xx || r.errors) throw new Error('GET /healthz failed');
    if (!record) return;
    const s = (seen['floor: GET /healthz'] ??= { server: [], pg: [], rps: [] });
    s.server.push((procCpuMs(target.pid)! - before) / r.requests.total);
    s.pg.push(0);
    s.rps.push(Math.round(r.requests.average));
  };
  await health(ours, 2, false);
  for (const [, target, req] of cases) await runLoad({ target, scenario: 'warm', connections: 32, duration: 2, next: req, db });
  for (let round = 0; round < Number(roundsArg); round++) {
    await health(ours, Number(secondsArg));
    const order = round % 2 ? [...cases].reverse() : cases;
    for (const [name, target, req] of order) {
      const r = await runLoad({ target, scenario: name, connections: 32, duration: Number(secondsArg), next: req, db });
      if (r.failures) throw new Error(`${name}: ${r.failures} failures`);
      const s = (seen[name] ??= { server: [], pg: [], rps: [] });
      s.server.push(r.cpuMsPerRequest!.server!);
      s.pg.push(r.cpuMsPerRequest!.postgres!);
      s.rps.push(r.rps);
    }
  }
  await stop();
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`\n${size}, ${roundsArg} rounds of ${secondsArg} s at 32 connections, medians (${new Date().toISOString().slice(0, 16)} UTC, load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}):`);
  for (const name of ['floor: GET /healthz', ...cases.map(([n]) => n)]) {
    const s = seen[name]!;
    console.log(`${name.padEnd(24)} ${String(med(s.rps)).padStart(8)} req/s   server ${med(s.server).toFixed(2)} ms   PostgreSQL ${med(s.pg).toFixed(2)} ms`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
