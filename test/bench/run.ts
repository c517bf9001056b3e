import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, benchSize, installCleanupHandlers, ensurePostGraphileInstalled, ensurePostgres, machine, secondsPerRound, type SizeReport } from './harness.js';
import { ANALYSIS_FILE, renderReport, type RunInfo } from './report.js';
import { THEN_COMMIT, thenAndNow } from './then-and-now.js';

/*
 * `pnpm bench` (S, M and L; writes docs/benchmarks.md) and `pnpm bench:quick`
 * (S only, short runs; writes .tmp/benchmarks-quick.md).
 * Options: sizes as arguments (e.g. `pnpm bench L`), --quick, --reuse (keep an
 * existing bench_<size> database), --duration=N, --warmup=N, --rounds=N (the
 * comparison's interleaved rounds, of duration / N seconds each), --out=FILE,
 * --no-postgraphile, --no-raw, --no-then (the targets' "today's" build side by
 * side on L, then-and-now.ts), --then=COMMIT. BENCH_DB_SUFFIX / BENCH_DB_PREFIX name the
 * databases (generate.ts, benchDatabase).
 */

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = flag('quick');
const sizes = args.filter((a) => !a.startsWith('--'));
const chosen = sizes.length ? sizes : quick ? ['S'] : ['S', 'M', 'L'];
const duration = Number(value('duration') ?? (quick ? 5 : 15));
const warmup = Number(value('warmup') ?? (quick ? 2 : 3));
// Quick: fewer, so that its 5 s still make rounds of whole seconds worth measuring (autocannon counts by the second).
const rounds = Number(value('rounds') ?? (quick ? 3 : 5));
if (!(Number.isInteger(rounds) && rounds >= 1)) throw new Error(`--rounds must be a whole number of at least 1, not ${value('rounds')}`);
const out = path.resolve(ROOT, value('out') ?? (quick ? '.tmp/benchmarks-quick.md' : 'docs/benchmarks.md'));

function otherLoad(): string {
  try {
    const ps = execSync('ps -eo pid,pcpu,args --no-headers', { encoding: 'utf8' });
    const busy = ps
      .split('\n')
      .filter((l) => /vitest|playwright|chromium|tsc /.test(l) && !l.includes('ps -eo'))
      .map((l) => l.trim().split(/\s+/).slice(2, 4).join(' '));
    const load = execSync('cat /proc/loadavg', { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
    return `load average ${load}; ${busy.length ? `running: ${busy.length} test processes (${[...new Set(busy)].slice(0, 3).join('; ')})` : 'no test runner (vitest, playwright) running'}`;
  } catch {
    return 'unknown';
  }
}

async function main() {
  installCleanupHandlers();
  // --render=FILE: write the report again from a saved run (e.g. after editing analysis.md), measuring nothing.
  const saved = value('render');
  if (saved) {
    const { run, reports } = JSON.parse(readFileSync(path.resolve(ROOT, saved), 'utf8')) as { run: RunInfo; reports: SizeReport[] };
    writeFileSync(out, renderReport(run, reports, ANALYSIS_FILE));
    console.log(`bench: wrote ${path.relative(ROOT, out)} from ${saved}`);
    return;
  }
  const t0 = performance.now();
  const started = new Date();
  const load = otherLoad();
  console.log(`bench: sizes ${chosen.join(', ')}; ${duration} s per run; ${load}`);
  if (!flag('no-postgraphile')) ensurePostGraphileInstalled();
  const pgInfo = await ensurePostgres();
  console.log(`bench: ${pgInfo.version} at ${new URL(pgInfo.adminUrl).host}`);
  const reports: SizeReport[] = [];
  try {
    for (const size of chosen) {
      reports.push(
        await benchSize(pgInfo, size, {
          sizes: chosen,
          duration,
          warmup,
          rounds,
          connections: 32,
          reuse: flag('reuse'),
          postgraphile: !flag('no-postgraphile'),
          raw: !flag('no-raw'),
          plans: size === chosen[chosen.length - 1],
        }),
      );
    }
    // Issue 17's Q4 and M1 targets are against the build before it: measured side by side on the size the targets are read on.
    const largest = reports[reports.length - 1]!;
    if (!quick && !flag('no-then') && largest.size === 'L') {
      try {
        largest.thenAndNow = await thenAndNow({
          adminUrl: pgInfo.adminUrl,
          size: largest.size,
          rounds,
          roundSeconds: secondsPerRound(duration, rounds),
          scenarios: ['Q4', 'M1'],
          commit: value('then') ?? THEN_COMMIT,
          regenerate: !flag('reuse'),
          log: (m) => console.log(`  ${m}`),
        });
      } catch (err) {
        // A shallow clone has no earlier commit: the report says so and reads the targets the older way.
        largest.thenAndNowError = (err as Error).message.split('\n')[0]!;
        console.log(`bench: then and now not measured: ${largest.thenAndNowError}`);
      }
    }
  } finally {
    await pgInfo.stop();
  }
  const command = quick ? 'pnpm bench:quick' : `pnpm bench${args.length ? ` ${args.join(' ')}` : ''}`;
  const run: RunInfo = {
      date: started.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
      command,
      machine: machine(),
      postgres: pgInfo.version,
      connections: 32,
      duration,
      warmup,
      rounds,
      roundSeconds: secondsPerRound(duration, rounds),
      seconds: (performance.now() - t0) / 1000,
      otherLoad: load,
  };
  const md = renderReport(run, reports, quick ? undefined : ANALYSIS_FILE);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, md);
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  writeFileSync(path.join(ROOT, '.tmp', `bench-${chosen.join('')}.json`), JSON.stringify({ run, reports }, null, 2));
  console.log(`bench: wrote ${path.relative(ROOT, out)} in ${Math.round((performance.now() - t0) / 1000)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
