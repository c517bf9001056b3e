import { spawn } from 'node:child_process';
import { DOCS, installCleanupHandlers, request, runLoad, startOursAndRaw, type Proc } from './harness.js';

/*
 * The system calls our server and the raw baseline make per Q1 request:
 * `strace -c -f` attached to each for a short load. The CPU profile puts a
 * third of the server's time in writev; this tells whether it makes more
 * of them than the baseline or only waits in them (docs/benchmarks.md).
 * Needs strace (`apt-get install -y strace`); strace slows the traced
 * process, so count calls, not time.
 *
 *   tsx --tsconfig test/bench/tsconfig.json test/bench/syscalls.ts <size> [seconds]
 */

async function main() {
  installCleanupHandlers();
  const [size = 'L', secondsArg = '5'] = process.argv.slice(2);
  const { db, ours, raw, setup, rawQ1, stop } = await startOursAndRaw(size);
  const cases: [string, Proc, ReturnType<typeof request>][] = [
    ['ours Q1', ours, request(DOCS.Q1, setup.vars.Q1, setup.token)],
    ['raw Q1', raw, rawQ1],
  ];
  for (const [name, target, req] of cases) {
    await runLoad({ target, scenario: 'warm-up', connections: 32, duration: 3, next: req, db });
    const tracer = spawn('strace', ['-c', '-f', '-p', String(target.pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let out = '';
    tracer.stderr.on('data', (d) => (out += d));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const r = await runLoad({ target, scenario: name, connections: 32, duration: Number(secondsArg), next: req, db });
    tracer.kill('SIGINT');
    await new Promise((resolve) => tracer.on('exit', resolve));
    const table = out.split('\n').filter((l) => !l.startsWith('strace:'));
    console.log(`\n${name}: ${r.requests} requests while traced\n${table.slice(0, 16).join('\n')}`);
  }
  await stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
