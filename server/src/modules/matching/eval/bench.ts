/*
 * `pnpm bench:matching`: ranking one need against a shelf the size of the
 * largest L alliance's (1,200 projects, each with a learned profile of
 * past orders), as the API does once the alliance's index is built. Prints
 * the index build time, p50/p99 of a match (each need's text new to the
 * process, so it is segmented as a real one would be) and of keeping the
 * index up to date after an order (one project learns a need: put())
 * (docs/benchmarks.md).
 */
import { performance } from 'node:perf_hooks';
import { thesaurusGroups } from '@alliance/shared';
import { MatchIndex, Thesaurus, type Candidate } from '../matching.score.js';
import { demoCandidates, LABELLED } from './evaluate.js';

const SIZE = 1_200;
const base = demoCandidates();
const needs = LABELLED.map((n) => `${n.title}。${n.description}`);
const DISTRICTS = ['海拉尔', '松山', '松林', '胜利', '建设', '正阳', '靠山', '健康', '呼伦', '奋斗', '新华', '东山', '河东', '团结', '友谊', '光明', '幸福', '和平', '兴安', '北山', '南山', '西山', '前进', '红旗'];
const shelf: Candidate[] = Array.from({ length: SIZE }, (_, i) => {
  const c = base[i % base.length]!;
  const d = DISTRICTS[Math.floor(i / base.length) % DISTRICTS.length]!;
  return {
    ...c,
    id: String(i),
    title: `${d}${c.title}`,
    description: `${d}片区：${c.description}`,
    learned: Array.from({ length: 20 }, (_, k) => needs[(i * 7 + k) % needs.length]!),
  };
});

let t = performance.now();
const index = new MatchIndex(shelf, new Thesaurus(thesaurusGroups()));
const build = performance.now() - t;
// A thesaurus change builds the alliance's index again; the texts' words are still in the segmenter's cache.
t = performance.now();
new MatchIndex(shelf, new Thesaurus(thesaurusGroups(['鹦鹉 八哥'])));
const rebuild = performance.now() - t;
// Warm up, then time each match.
for (const n of LABELLED.slice(0, 50)) index.rank({ title: n.title, description: n.description }, 5);
const times: number[] = [];
// CPU time of the process during each match: on a machine shared with other work, wall time also counts the waits for a core.
const cpu: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const [k, n] of LABELLED.entries()) {
    // A house number makes each text new to the segmenter's cache; matching drops it (an address part).
    const title = `${n.title}（${round * 1000 + k}号）`;
    const c = process.cpuUsage();
    t = performance.now();
    index.rank({ title, description: n.description, categoryId: 'LIVELIHOOD_SECURITY' }, 5);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
}
const at = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))]!.toFixed(2);
// An order: the chosen project learns the need's words, its entry is replaced.
const puts: number[] = [];
for (let k = 0; k < 200; k++) {
  const p = shelf[(k * 37) % SIZE]!;
  p.learned = [`${needs[k % needs.length]!}（${k}号）`, ...p.learned!];
  t = performance.now();
  index.put(p);
  puts.push(performance.now() - t);
}
console.log(
  `matching bench: ${SIZE} projects (20 learned needs each); index built in ${build.toFixed(0)} ms (again after a thesaurus change: ${rebuild.toFixed(0)} ms); ` +
    `${times.length} matches: p50 ${at(times, 0.5)} ms, p99 ${at(times, 0.99)} ms, max ${at(times, 1)} ms (CPU: p50 ${at(cpu, 0.5)} ms, p99 ${at(cpu, 0.99)} ms); ` +
    `${puts.length} orders learned (put): p50 ${at(puts, 0.5)} ms, p99 ${at(puts, 0.99)} ms`,
);
