import pg from 'pg';
import { DOCS, installCleanupHandlers, median, request, runLoad, setupScenarios, startOurServer } from './harness.js';
import { benchDatabase } from './generate.js';
import { buildVariant } from './variants.js';

/*
 * Two builds compared on CPU per request while the machine is loaded by
 * others: both servers run side by side for the whole comparison (no
 * start-up inside the runs), and short runs alternate between them, many
 * times. Other load only ever adds CPU per request, so besides the median
 * the least of each variant's runs is printed: the closest to what it costs
 * on a quiet machine. variants.ts (a fresh server per round, the bench's 32
 * connections) remains the tool on a quiet machine.
 *
 *   tsx --tsconfig test/bench/tsconfig.json test/bench/ab-steady.ts <size> <scenarios> <rounds> <seconds> <variantA,variantB> [connections]
 *   e.g. ... ab-steady.ts M Q1,Q3,Q4 12 3 saved:before,baseline 8
 *   AB_UNCACHED=1: both servers with DASHBOARD_CACHE_SECONDS=0 (Q2 computed afresh).
 */

async function main() {
  installCleanupHandlers();
  const [size = 'M', scenarioList = 'Q1,Q3', roundsArg = '10', secondsArg = '3', variantList = 'baseline', connectionsArg = '8'] = process.argv.slice(2);
  const url = `postgres://postgres@127.0.0.1:5432/${benchDatabase(size)}`;
  const names = variantList.split(',');
  const scenarios = scenarioList.split(',') as 'Q1'[];
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const servers: Awaited<ReturnType<typeof startOurServer>>[] = [];
  // AB_UNCACHED=1: dashboards computed afresh on every request (Q2 uncached), as the bench's `ours, uncached`.
  const env = { EXPOSE_SQL_COUNT: 'false', ...(process.env.AB_UNCACHED ? { DASHBOARD_CACHE_SECONDS: '0' } : {}) };
  for (const name of names) servers.push(await startOurServer(url, buildVariant(name), [], env, name));
  const setup = await setupScenarios(db, servers[0]!.url);
  const cpu: Record<string, Record<string, number[]>> = {};
  const load = (i: number, sc: 'Q1', seconds: number) =>
    runLoad({ target: servers[i]!, scenario: sc, connections: Number(connectionsArg), duration: seconds, next: request(DOCS[sc], setup.vars[sc], setup.token), db });
  for (let i = 0; i < names.length; i++) for (const sc of scenarios) await load(i, sc, 3);
  for (let round = 0; round < Number(roundsArg); round++) {
    for (const sc of scenarios) {
      // A B in odd rounds, B A in even ones: neither always runs after the other.
      const order = round % 2 ? [...names.keys()].reverse() : [...names.keys()];
      for (const i of order) {
        const r = await load(i, sc, Number(secondsArg));
        ((cpu[names[i]!] ??= {})[sc] ??= []).push(r.cpuMsPerRequest?.server ?? NaN);
        console.log(`round ${round + 1} ${names[i]!.padEnd(16)} ${sc}: ${r.rps} req/s, p99 ${r.p99} ms, failures ${r.failures}, CPU ms/req server ${r.cpuMsPerRequest?.server} pg ${r.cpuMsPerRequest?.postgres}`);
      }
    }
  }
  for (const s of servers) await s.stop();
  await db.end();
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  console.log(`\nserver CPU ms per request, least / median of ${roundsArg} runs of ${secondsArg} s at ${connectionsArg} connections (${new Date().toISOString().slice(0, 16)} UTC):`);
  for (const name of names) console.log(`${name.padEnd(16)} ${scenarios.map((sc) => `${sc} ${sorted(cpu[name]![sc]!)[0]} / ${median(cpu[name]![sc]!)}`).join('   ')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
