/*
 * Matching's reasons and strength, shared so the server fills the contract's
 * `reasons` strings and the admin renders the codes in the selected language
 * from one table.
 */

/** Scores at or above this are a strong match; under WEAK_BELOW a weak one (docs/adoption.md "Matching"). */
export const STRONG_MATCH_FROM = 0.7;
export const WEAK_MATCH_BELOW = 0.3;

export const MATCH_STRENGTHS = ['STRONG', 'POSSIBLE', 'WEAK'] as const;
export type MatchStrength = (typeof MATCH_STRENGTHS)[number];

export function matchStrength(score: number): MatchStrength {
  return score >= STRONG_MATCH_FROM ? 'STRONG' : score >= WEAK_MATCH_BELOW ? 'POSSIBLE' : 'WEAK';
}

export const MATCH_REASON_CODES = [
  'SHARED_WORDS',
  'SYNONYM',
  'LEARNED',
  'SAME_CATEGORY',
  'CAPACITY_LEFT',
  'CAPACITY_FULL',
  'CAPACITY_UNLIMITED',
  'PAST_SATISFACTION',
  'NO_PAST_SATISFACTION',
  'WEAK_MATCH',
] as const;
export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

/** A reason's parameters; which are set depends on the code. */
export interface MatchReasonParams {
  words?: string[];
  from?: string;
  to?: string;
  category?: string;
  n?: number;
  avg?: number;
}

export interface MatchReasonData {
  code: MatchReasonCode;
  params: MatchReasonParams;
}

type Lang = 'zh-CN' | 'en';

const SEP: Record<Lang, string> = { 'zh-CN': '、', en: ', ' };

/** A reason as a person reads it. */
export function renderMatchReason(r: MatchReasonData, lang: Lang = 'zh-CN'): string {
  const p = r.params;
  const words = (p.words ?? []).join(SEP[lang]);
  const zh = lang === 'zh-CN';
  switch (r.code) {
    case 'SHARED_WORDS':
      return zh ? `共同关键词：${words}` : `Shared words: ${words}`;
    case 'SYNONYM':
      return zh ? `近义词：“${p.from}”即“${p.to}”` : `Synonym: “${p.from}” means “${p.to}”`;
    case 'LEARNED':
      return zh ? `此前类似需求派给过该项目（${words}）` : `Similar needs were ordered to this project before (${words})`;
    case 'SAME_CATEGORY':
      return zh ? `同一服务类别：${p.category}` : `Same category: ${p.category}`;
    case 'CAPACITY_LEFT':
      return zh ? `本月剩余服务次数：${p.n}` : `Left this month: ${p.n}`;
    case 'CAPACITY_FULL':
      return zh ? `本月服务次数已满（${p.n}次）` : `Fully booked this month (${p.n})`;
    case 'CAPACITY_UNLIMITED':
      return zh ? '本月服务次数不限' : 'No monthly limit';
    case 'PAST_SATISFACTION':
      return zh ? `类似需求过往满意度 ${p.avg!.toFixed(1)}（${p.n}次回访）` : `Past satisfaction on similar needs ${p.avg!.toFixed(1)} (${p.n} follow-ups)`;
    case 'NO_PAST_SATISFACTION':
      return zh ? '类似需求暂无回访评价' : 'No follow-ups on similar needs yet';
    case 'WEAK_MATCH':
      return zh ? '匹配度低，仅供参考' : 'Weak match, for reference only';
  }
}

export const MATCH_STRENGTH_LABELS: Record<MatchStrength, { 'zh-CN': string; en: string }> = {
  STRONG: { 'zh-CN': '高度匹配', en: 'Strong match' },
  POSSIBLE: { 'zh-CN': '可能匹配', en: 'Possible match' },
  WEAK: { 'zh-CN': '弱匹配', en: 'Weak match' },
};
