import { thesaurusGroups } from '@alliance/shared';
import { MatchIndex, Thesaurus, TUNING } from './src/modules/matching/matching.score.js';
import { demoCandidates, evaluate, LABELLED } from './src/modules/matching/eval/evaluate.js';
const [base, weak, strong] = process.argv.slice(2).map(Number);
if (base !== undefined) { TUNING.coverageBase = base; TUNING.weakAt = weak!; TUNING.strongAt = strong!; }
const idx = new MatchIndex(demoCandidates(), new Thesaurus(thesaurusGroups()));
const hit: number[] = [], none: number[] = [];
for (const c of LABELLED.filter((x) => x.split === 'dev')) {
  const r = idx.rank({ title: c.title, description: c.description }, 1)[0]!;
  (c.expected === null ? none : r.candidate.title === c.expected ? hit : []).push(Math.round(r.score * 100) / 100);
}
console.log('hit', hit.sort((a, b) => a - b).join(' '));
console.log('none', none.sort((a, b) => a - b).join(' '));
const d = evaluate('dev');
console.log(`dev top1 ${d.top1.toFixed(3)} top3 ${d.top3.toFixed(3)} noneWeak ${d.noneWeak.toFixed(3)} strong-ish(>=.7) ${hit.filter((x) => x >= 0.7).length}/${hit.length}`);
