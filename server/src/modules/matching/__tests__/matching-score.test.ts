import { describe, expect, it } from 'vitest';
import { renderMatchReason, thesaurusGroups, THESAURUS_GROUPS } from '@alliance/shared';
import { MAIN_PROJECTS } from '../../seed/demo-data.js';
import { calibrate, MatchIndex, rankCandidates, Thesaurus, TUNING, type Candidate } from '../matching.score.js';
import { words } from '../matching.text.js';
import { demoCandidates, evaluate, LABELLED, TARGETS } from '../eval/evaluate.js';

const CANDIDATES = demoCandidates();
const THESAURUS = new Thesaurus(thesaurusGroups());
const rank = (need: { title: string; description?: string; categoryId?: string }, candidates: Candidate[] = CANDIDATES, first = 5) =>
  rankCandidates({ description: '', ...need }, candidates, first, THESAURUS);
const titles = (r: { candidate: Candidate }[]) => r.map((x) => x.candidate.title);

describe('words: a segmenter with the domain’s words', () => {
  it('keeps the domain’s words whole, drops glue words and numbered addresses', () => {
    expect(words('楼梯口的灯坏了')).toContain('楼梯口');
    expect(words('地漏返臭水')).toEqual(expect.arrayContaining(['地漏', '返臭']));
    expect(words('想请社区说和一下')).toContain('说和');
    expect(words('３号楼２单元楼道灯不亮')).toEqual(['楼道', '楼道灯', '不亮']);
    expect(words('我的')).toEqual([]);
    expect(words('')).toEqual([]);
    expect(words(null)).toEqual([]);
  });
});

describe('the thesaurus', () => {
  it('has at least 150 groups, and every demo project shares a word with one', () => {
    expect(THESAURUS_GROUPS.length).toBeGreaterThanOrEqual(150);
    for (const p of MAIN_PROJECTS) {
      const ws = [...words(p.title), ...words(p.tags.join('，')), ...words(p.description)];
      expect(ws.some((w) => THESAURUS.groupsOf(w).length > 0), p.title).toBe(true);
    }
  });

  it('finds a group through a thesaurus word inside a longer one', () => {
    const leak = THESAURUS.groupsOf('漏水');
    expect(leak.length).toBeGreaterThan(0);
    expect(THESAURUS.groupsOf('滴水')).toEqual(expect.arrayContaining(leak));
    expect(THESAURUS.groupsOf('太吵').length).toBeGreaterThan(0);
  });
});

describe('ranking', () => {
  it('matches by meaning, not shared characters: 滴水 finds the project that says 漏水, and says so', () => {
    const r = rank({ title: '厕所龙头一直滴水' });
    expect(r[0]!.candidate.title).toBe('水龙头和管件更换');
    expect(r[0]!.reasons).toContainEqual({ code: 'SYNONYM', params: { from: '滴水', to: '漏水' } });
    expect(titles(rank({ title: '楼梯口灯黑乎乎的' }))[0]).toBe('楼道照明维修');
    expect(titles(rank({ title: '卫生间地漏返臭水' }))[0]).toBe('下水管道疏通');
    expect(titles(rank({ title: '楼上跳操太吵，想请人说和一下' }))[0]).toBe('邻里纠纷调解');
    expect(titles(rank({ title: '孩子关在屋里不说话' }))[0]).toBe('青少年心理辅导');
  });

  it('puts 楼道照明维修 first for 楼道灯坏了, with the shared words, capacity and satisfaction as codes', () => {
    const r = rank({ title: '楼道灯坏了', description: '3号楼2单元的楼道灯坏了，晚上看不见' });
    expect(r[0]!.candidate.title).toBe('楼道照明维修');
    expect(r[0]!.strength).toBe('STRONG');
    expect(r[0]!.reasons).toContainEqual({ code: 'SHARED_WORDS', params: { words: ['楼道灯'] } });
    expect(r[0]!.reasons).toContainEqual({ code: 'CAPACITY_LEFT', params: { n: 15 } });
    expect(r[0]!.reasons).toContainEqual({ code: 'NO_PAST_SATISFACTION', params: {} });
    expect(r.map((x) => x.score)).toEqual([...r.map((x) => x.score)].sort((a, b) => b - a));
  });

  it('lets the category lift, never decide: a strong text match in another category stays on top', () => {
    // The grid worker picked 环境卫生 (a plausible guess); the right project is 民生保障.
    const wrongGuess = rank({ title: '水管坏了一直跑水', description: '厨房水龙头和角阀都在漏水', categoryId: 'ENVIRONMENT_SANITATION' });
    expect(wrongGuess[0]!.candidate.title).toBe('水龙头和管件更换');
    const sameCategory = CANDIDATES.filter((c) => c.categoryId === 'ENVIRONMENT_SANITATION').map((c) => c.title);
    expect(sameCategory).not.toContain('水龙头和管件更换');
    // With the right category it is lifted, and an unrelated project of the same category gets only a sliver.
    const right = rank({ title: '水管坏了一直跑水', description: '厨房水龙头和角阀都在漏水', categoryId: 'LIVELIHOOD_SECURITY' });
    expect(right[0]!.score).toBeGreaterThanOrEqual(wrongGuess[0]!.score);
    const lifted = rank({ title: '水管坏了', categoryId: 'LIVELIHOOD_SECURITY' });
    const plain = rank({ title: '水管坏了' });
    expect(lifted[0]!.candidate.title).toBe('水龙头和管件更换');
    expect(lifted[0]!.score).toBeGreaterThan(plain[0]!.score);
    expect(right[0]!.reasons).toContainEqual({ code: 'SAME_CATEGORY', params: { category: '民生保障' } });
    const unrelated = rank({ title: '水管坏了一直跑水', categoryId: 'LIVELIHOOD_SECURITY' }, CANDIDATES, 100).find((x) => x.candidate.title === '个税社保政策辅导')!;
    expect(unrelated.score).toBeLessThan(0.05);
  });

  it('reads as strong (0.7+), possible or weak (under 0.3), and never leaves the list empty', () => {
    expect(calibrate(0)).toBe(0);
    expect(calibrate(TUNING.weakAt)).toBeCloseTo(0.3, 5);
    expect(calibrate(TUNING.strongAt)).toBeCloseTo(0.7, 5);
    expect(calibrate(1000)).toBeLessThanOrEqual(1);
    expect(rank({ title: '下水管道疏通', description: '下水管道堵塞，需要疏通' })[0]).toMatchObject({ strength: 'STRONG' });
    const nothing = rank({ title: '想学钢琴', description: '' });
    expect(nothing.length).toBe(5);
    for (const r of nothing) {
      expect(r.strength).toBe('WEAK');
      expect(r.reasons[0]).toEqual({ code: 'WEAK_MATCH', params: {} });
    }
  });

  it('pushes a project booked out this month down, and past satisfaction on similar needs up a little', () => {
    const base = CANDIDATES.find((c) => c.title === '下水管道疏通')!;
    const need = { title: '下水道堵了', description: '' };
    const [plain] = rank(need, [base], 1);
    const [full] = rank(need, [{ ...base, orderedThisMonth: 12 }], 1);
    const [liked] = rank(need, [{ ...base, pastSatisfaction: 5, pastFollowUps: 9 }], 1);
    expect(full!.score).toBeLessThan(plain!.score);
    expect(full!.reasons).toContainEqual({ code: 'CAPACITY_FULL', params: { n: 12 } });
    expect(liked!.score).toBeGreaterThan(plain!.score);
    expect(liked!.score).toBeLessThanOrEqual(1);
    expect(liked!.reasons).toContainEqual({ code: 'PAST_SATISFACTION', params: { avg: 5, n: 9 } });
  });

  it('learns from the committee: after two similar needs were ordered to a project, an unseen phrasing finds it first', () => {
    const need = { title: '屋里墙上长黑毛了', description: '墙角一片一片发黑，擦了又长' };
    const before = titles(rank(need, CANDIDATES, 100));
    expect(before[0]).not.toBe('老人居家保洁');
    const taught = CANDIDATES.map((c) =>
      c.title === '老人居家保洁' ? { ...c, learned: ['卫生间墙上发霉长黑毛，老人够不着', '墙角发霉发黑，想请人来除霉擦洗'] } : c,
    );
    const after = rank(need, taught, 3);
    expect(after[0]!.candidate.title).toBe('老人居家保洁');
    expect(after[0]!.reasons.find((x) => x.code === 'LEARNED')!.params.words).toEqual(expect.arrayContaining(['黑毛']));
  });

  it('renders reasons in Chinese and English', () => {
    expect(renderMatchReason({ code: 'SYNONYM', params: { from: '滴水', to: '漏水' } })).toBe('近义词：“滴水”即“漏水”');
    expect(renderMatchReason({ code: 'SHARED_WORDS', params: { words: ['漏水', '水管'] } }, 'en')).toBe('Shared words: 漏水, 水管');
    expect(renderMatchReason({ code: 'CAPACITY_LEFT', params: { n: 3 } })).toBe('本月剩余服务次数：3');
  });
});

describe('the evaluation (pnpm eval:matching)', () => {
  it('has at least 200 labelled needs, split, with needs that have no right project; meets the held-out targets', () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(200);
    expect(LABELLED.filter((c) => c.split === 'heldout').length).toBeGreaterThanOrEqual(60);
    expect(LABELLED.filter((c) => c.expected === null).length).toBeGreaterThanOrEqual(30);
    const known = new Set(CANDIDATES.map((c) => c.title));
    for (const c of LABELLED) if (c.expected) expect(known.has(c.expected), c.expected).toBe(true);
    const r = evaluate('heldout');
    expect(r.top3).toBeGreaterThanOrEqual(TARGETS.top3);
    expect(r.top1).toBeGreaterThanOrEqual(TARGETS.top1);
    expect(r.noneWeak).toBeGreaterThanOrEqual(TARGETS.noneWeak);
  });

  it('builds one index per shelf and reuses it', () => {
    const index = new MatchIndex(CANDIDATES, THESAURUS);
    expect(index.rank({ title: '楼道灯坏了', description: '' }, 1)[0]!.candidate.title).toBe('楼道照明维修');
    expect(index.rank({ title: '下水道堵了', description: '' }, 1)[0]!.candidate.title).toBe('下水管道疏通');
  });

  it('kept up to date one project at a time, ranks as an index built afresh on the same shelf', () => {
    const [edited, removed, ...rest] = CANDIDATES;
    const late = rest.slice(0, 5);
    const index = new MatchIndex([edited!, removed!, ...rest.slice(5)], THESAURUS);
    for (const c of late) index.put(c);
    // An edit (new tags, and needs learned from two orders) replaces the project's entry; a project taken off the shelf leaves.
    const changed = { ...edited!, tags: [...edited!.tags, '鹦鹉'], learned: ['墙角发霉长黑毛。请人来擦洗', '卫生间发霉'] };
    index.put(changed);
    index.remove(removed!.id);
    expect(index.size).toBe(CANDIDATES.length - 1);
    const fresh = new MatchIndex([changed, ...rest], THESAURUS);
    const needs = [...LABELLED.map((c) => ({ title: c.title, description: c.description })), { title: '鹦鹉飞走了', description: '' }, { title: '墙上长黑毛', description: '' }];
    for (const need of needs) {
      const got = index.rank(need, 100).map((r) => [r.candidate.id, r.score]);
      expect(got, need.title).toEqual(fresh.rank(need, 100).map((r) => [r.candidate.id, r.score]));
    }
    expect(index.rank({ title: '鹦鹉飞走了', description: '' }, 1)[0]!.candidate.id).toBe(edited!.id);
    const learned = index.rank({ title: '墙上长黑毛', description: '' }, 1)[0]!;
    expect(learned.candidate.id, JSON.stringify(learned.reasons)).toBe(edited!.id);
    expect(learned.reasons.find((r) => r.code === 'LEARNED')?.params.words).toContain('黑毛');
    expect(index.rank({ title: removed!.title, description: removed!.description }, 100).some((r) => r.candidate.id === removed!.id)).toBe(false);
  });
});
