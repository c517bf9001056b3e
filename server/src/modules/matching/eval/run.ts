/*
 * `pnpm eval:matching`: prints top-1/3/5 hit rates of both halves and the
 * development half's misses; exits 1 when the held-out half is under the
 * targets (docs/matching.md). The held-out misses are printed only with
 * --show-heldout: tuning looks at the development half alone.
 */
import { evaluate, TARGETS, type SplitResult } from './evaluate.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (name: string, r: SplitResult) =>
  `${name}: ${r.n} needs with a right project, top-1 ${pct(r.top1)}, top-3 ${pct(r.top3)}, top-5 ${pct(r.top5)}; ${r.nNone} with none, best score under the weak line for ${pct(r.noneWeak)}`;

const dev = evaluate('dev');
const heldout = evaluate('heldout');
console.log(line('development', dev));
console.log(line('held-out   ', heldout));
if (dev.misses.length) console.log(`development misses (not top-1):\n  ${dev.misses.join('\n  ')}`);
if (process.argv.includes('--show-heldout') && heldout.misses.length) console.log(`held-out misses:\n  ${heldout.misses.join('\n  ')}`);
const failed = [
  heldout.top3 < TARGETS.top3 && `held-out top-3 ${pct(heldout.top3)} < ${pct(TARGETS.top3)}`,
  heldout.top1 < TARGETS.top1 && `held-out top-1 ${pct(heldout.top1)} < ${pct(TARGETS.top1)}`,
  heldout.noneWeak < TARGETS.noneWeak && `held-out needs without a right project under the weak line ${pct(heldout.noneWeak)} < ${pct(TARGETS.noneWeak)}`,
].filter(Boolean);
if (failed.length) {
  console.error(`matching evaluation FAILED: ${failed.join('; ')}`);
  process.exit(1);
}
console.log('matching evaluation: held-out targets met');
