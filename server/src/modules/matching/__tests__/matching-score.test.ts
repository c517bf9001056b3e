import { describe, expect, it } from 'vitest';
import labelled from './labelled-needs.json' with { type: 'json' };
import { CATEGORIES, MAIN_PROJECTS } from '../../seed/demo-data.js';
import { cosine, rankCandidates, sharedKeywords, termWeights, terms, type Candidate } from '../matching.score.js';

/** The demo alliance's ON_SHELF projects as plain candidates (the seed leaves these indices off the shelf). */
const OFF_SHELF = new Set([41, 44, 45, 46, 53]);
const CANDIDATES: Candidate[] = MAIN_PROJECTS.flatMap((p, i) =>
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
          unitSatisfaction: null,
          unitFollowUps: 0,
        },
      ],
);

describe('terms: character bigrams of Chinese runs', () => {
  it('splits runs at punctuation and function characters, keeps Latin words', () => {
    expect(terms('楼道灯坏了')).toEqual(['楼道', '道灯', '灯坏']);
    expect(terms('灯，坏了')).toEqual(['灯', '坏']);
    expect(terms('安装反诈APP！')).toEqual(['安装', '装反', '反诈', 'app']);
    // Numbered address parts are where, not what.
    expect(terms('３号楼２单元楼道灯')).toEqual(['楼道', '道灯']);
    expect(terms('单元门关不上')).toEqual(['单元', '元门', '门关', '关不', '不上']);
    expect(terms('')).toEqual([]);
    expect(terms(null)).toEqual([]);
  });

  it('weights a bag by the best field a term occurs in', () => {
    const bag = termWeights([
      { text: '楼道照明', weight: 3 },
      { text: '楼道灯', weight: 1 },
    ]);
    expect(Object.fromEntries(bag)).toEqual({ 楼道: 3, 道照: 3, 照明: 3, 道灯: 1 });
  });

  it('measures cosine 1 for the same text, 0 for nothing shared', () => {
    const a = termWeights([{ text: '下水管道疏通', weight: 1 }]);
    const b = termWeights([{ text: '下水管道疏通', weight: 1 }]);
    const c = termWeights([{ text: '书法公益课', weight: 1 }]);
    expect(cosine(a, b, () => 1)).toBeCloseTo(1);
    expect(cosine(a, c, () => 1)).toBe(0);
    const partial = cosine(termWeights([{ text: '楼道灯坏了', weight: 1 }]), termWeights([{ text: '楼道照明维修', weight: 1 }]), () => 1);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1);
  });

  it('joins consecutive shared bigrams back into words for the reasons', () => {
    const shared = new Set(['楼道', '道灯', '维修']);
    expect(sharedKeywords('3号楼楼道灯坏了，需要维修', shared, () => 1)).toEqual(['楼道灯', '维修']);
  });
});

describe('rankCandidates', () => {
  it('puts 楼道照明维修 first for 楼道灯坏了, above unrelated projects, with readable reasons', () => {
    const ranked = rankCandidates({ title: '楼道灯坏了', description: '3号楼2单元的楼道灯坏了，晚上看不见' }, CANDIDATES, 5);
    expect(ranked[0]!.candidate.title).toBe('楼道照明维修');
    expect(ranked[0]!.reasons).toContain('共同关键词：楼道灯');
    expect(ranked[0]!.reasons).toContain('本月剩余服务次数：15');
    const unrelated = rankCandidates({ title: '楼道灯坏了', description: '' }, CANDIDATES, 100).find((r) => r.candidate.title === '书法公益课');
    expect(unrelated).toBeUndefined();
    for (const r of ranked) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('lets category, capacity and past satisfaction count, within 0..1', () => {
    const base = CANDIDATES.find((c) => c.title === '下水管道疏通')!;
    const need = { title: '下水道堵了', description: '', categoryId: 'LIVELIHOOD_SECURITY' };
    const [plain] = rankCandidates(need, [base], 1);
    const [full] = rankCandidates(need, [{ ...base, orderedThisMonth: 12 }], 1);
    const [liked] = rankCandidates(need, [{ ...base, unitSatisfaction: 5, unitFollowUps: 9 }], 1);
    expect(plain!.reasons[0]).toBe('同一服务类别：民生保障');
    expect(full!.score).toBeLessThan(plain!.score);
    expect(full!.reasons).toContain('本月服务次数已满（12次）');
    expect(liked!.score).toBeGreaterThan(plain!.score);
    expect(liked!.reasons).toContain('该单位过往满意度 5.0（9次回访）');
    expect(liked!.score).toBeLessThanOrEqual(1);
  });

  it('finds the right project in the top 3 for at least 90% of the labelled requests (text only)', () => {
    const misses: string[] = [];
    for (const c of labelled.cases) {
      const top = rankCandidates({ title: c.title, description: c.description }, CANDIDATES, 3).map((r) => r.candidate.title);
      if (!top.includes(c.expected)) misses.push(`${c.title} -> ${top.join(' / ')} (want ${c.expected})`);
    }
    const rate = 1 - misses.length / labelled.cases.length;
    console.log(`matching (scoring function, text only): top-3 hit rate ${(rate * 100).toFixed(1)}% of ${labelled.cases.length}${misses.length ? `; misses:\n  ${misses.join('\n  ')}` : ''}`);
    expect(labelled.cases.length).toBeGreaterThanOrEqual(30);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});
