/*
 * The matching evaluation (docs/matching.md): the labelled needs against the
 * demo alliance's ON_SHELF projects, through the same ranking the API uses.
 * Pure: no database, so CI and anyone can rerun it in seconds.
 */
import { thesaurusGroups, WEAK_MATCH_BELOW } from '@alliance/shared';
import { CATEGORIES, MAIN_PROJECTS } from '../../seed/demo-data.js';
import { MatchIndex, Thesaurus, type Candidate } from '../matching.score.js';
import labelled from './labelled-needs.json' with { type: 'json' };

/** The seed leaves these of MAIN_PROJECTS off the shelf. */
export const OFF_SHELF = new Set([41, 44, 45, 46, 53]);

export function demoCandidates(): Candidate[] {
  return MAIN_PROJECTS.flatMap((p, i) =>
    OFF_SHELF.has(i)
      ? []
      : [
          {
            id: String(i),
            title: p.title,
            description: p.description,
            tags: p.tags,
            categoryId: p.category,
            categoryName: CATEGORIES.find((c) => c.code === p.category)!.name,
            capacityPerMonth: p.capacityPerMonth,
            orderedThisMonth: 0,
            pastSatisfaction: null,
            pastFollowUps: 0,
          },
        ],
  );
}

export interface LabelledNeed {
  title: string;
  description: string;
  /** The category a grid worker would pick, if any. */
  category?: string;
  /** The project that should serve it; null: none on the shelf does. */
  expected: string | null;
  split: 'dev' | 'heldout';
}

export const LABELLED: LabelledNeed[] = (labelled as unknown as { needs: [string, string, string | null, string | null, 'dev' | 'heldout'][] }).needs.map(
  ([title, description, expected, category, split]) => ({ title, description, expected, category: category ?? undefined, split }),
);

export interface SplitResult {
  n: number;
  top1: number;
  top3: number;
  top5: number;
  /** Needs with no right project whose best score stays under the weak line, as a share of those. */
  noneWeak: number;
  nNone: number;
  misses: string[];
}

export const TARGETS = { top3: 0.9, top1: 0.75, noneWeak: 0.8 };

export function evaluate(split: 'dev' | 'heldout'): SplitResult {
  const index = new MatchIndex(demoCandidates(), new Thesaurus(thesaurusGroups()));
  const cases = LABELLED.filter((c) => c.split === split);
  let top1 = 0;
  let top3 = 0;
  let top5 = 0;
  let noneWeak = 0;
  let nNone = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const ranked = index.rank({ title: c.title, description: c.description, categoryId: c.category ?? null }, 5);
    const titles = ranked.map((r) => r.candidate.title);
    const shown = ranked.slice(0, 3).map((r) => `${r.candidate.title} ${r.score.toFixed(2)}`).join(' / ');
    if (c.expected === null) {
      nNone++;
      if (ranked[0]!.score < WEAK_MATCH_BELOW) noneWeak++;
      else misses.push(`[无对应项目] ${c.title} -> ${shown}`);
      continue;
    }
    const at = titles.indexOf(c.expected);
    if (at === 0) top1++;
    if (at >= 0 && at < 3) top3++;
    if (at >= 0) top5++;
    if (at !== 0) misses.push(`${c.title}（${c.description.slice(0, 20)}）-> ${shown}（应为 ${c.expected}${at > 0 ? `，第${at + 1}` : ''}）`);
  }
  const n = cases.length - nNone;
  return { n, top1: top1 / n, top3: top3 / n, top5: top5 / n, noneWeak: nNone ? noneWeak / nNone : 1, nNone, misses };
}
