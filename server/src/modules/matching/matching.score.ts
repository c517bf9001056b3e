/*
 * Ranking shelf projects for a need: pure functions over plain strings and
 * numbers, so they can be tested without a database.
 *
 * Why character bigrams in Node, not pg_trgm: Chinese has no spaces, and the
 * words that matter are mostly two characters long (楼道, 照明, 下水, 疏通).
 * pg_trgm splits text into "words" on non-alphanumerics — which characters
 * count as alphanumeric depends on the database's locale (under C.UTF-8 a CJK
 * run is one long word, under plain C none at all) — and then takes
 * three-character windows of each word, hashed. A three-character window
 * only matches where a whole three-character string recurs, so 楼道灯坏了
 * and 楼道照明维修 share nothing but the word-start padding trigrams;
 * similarity() comes out near 0.18 for the right project and is locale
 * dependent. Character bigrams match the length of Chinese words, need no
 * dictionary, behave the same on every server, and are cheap for the few
 * dozen projects one alliance has. Shared bigrams are weighted by how rare
 * they are among the alliance's projects (inverse document frequency), so
 * 楼道 counts for more than 社区.
 */

/** Characters that glue words together rather than carry meaning: they split runs like punctuation. */
const FUNCTION_CHARS = new Set('的了是在和与及或我你他她它们吗呢吧啊呀也都就很还又把被给让着过这那个些么');

/**
 * Numbered address parts (3号楼, 2单元, 五层, 501室, 一楼): where the resident
 * lives, not what is asked. Left in, "2单元" would match the project
 * 单元门维修更换 for every need filed with an address.
 */
const ADDRESS_PART = /[0-9一二三四五六七八九十百]+(号楼|号院|栋|幢|单元|层|楼|室|号)/gu;

/** The text as terms are taken from it: NFKC (full-width digits and letters), lower case, addresses removed. */
function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(ADDRESS_PART, '，');
}

/** The terms of a text: bigrams of each run of Chinese characters (a lone character as itself), and Latin words. */
export function terms(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  const normalized = normalize(text);
  for (const run of normalized.match(/\p{Script=Han}+|[a-z]{2,}/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) {
      out.push(run);
      continue;
    }
    for (const piece of [...run].reduce<string[][]>((acc, ch) => {
      if (FUNCTION_CHARS.has(ch)) acc.push([]);
      else acc[acc.length - 1]!.push(ch);
      return acc;
    }, [[]])) {
      if (piece.length === 1) out.push(piece[0]!);
      for (let i = 0; i + 1 < piece.length; i++) out.push(piece[i]! + piece[i + 1]!);
    }
  }
  return out;
}

/** A weighted bag of terms: each term keeps the highest weight of the fields it occurs in. */
export function termWeights(fields: { text: string | null | undefined; weight: number }[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const f of fields) for (const t of terms(f.text)) bag.set(t, Math.max(bag.get(t) ?? 0, f.weight));
  return bag;
}

/** Cosine of two weighted bags, each term scaled by its idf. 0..1. */
export function cosine(a: Map<string, number>, b: Map<string, number>, idf: (t: string) => number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    const x = w * idf(t);
    na += x * x;
    const v = b.get(t);
    if (v !== undefined) dot += x * v * idf(t);
  }
  for (const [t, w] of b) {
    const y = w * idf(t);
    nb += y * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * The shared words as a person reads them: runs of consecutive shared
 * bigrams in the need's text joined back together (楼道 + 道灯 -> 楼道灯),
 * rarest first.
 */
export function sharedKeywords(needText: string, shared: Set<string>, idf: (t: string) => number, max = 3): string[] {
  const words = new Map<string, number>();
  const normalized = normalize(needText);
  for (const run of normalized.match(/\p{Script=Han}+|[a-z]{2,}/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1 || !/\p{Script=Han}/u.test(run)) {
      if (shared.has(run)) words.set(run, idf(run));
      continue;
    }
    let i = 0;
    while (i + 1 < chars.length) {
      if (!shared.has(chars[i]! + chars[i + 1]!)) {
        i++;
        continue;
      }
      let j = i + 1;
      let weight = idf(chars[i]! + chars[i + 1]!);
      while (j + 1 < chars.length && shared.has(chars[j]! + chars[j + 1]!)) {
        weight = Math.max(weight, idf(chars[j]! + chars[j + 1]!));
        j++;
      }
      const word = chars.slice(i, j + 1).join('');
      words.set(word, Math.max(words.get(word) ?? 0, weight));
      i = j + 1;
    }
  }
  return [...words.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, max)
    .map(([w]) => w);
}

export interface NeedText {
  title: string;
  description: string;
  location?: string | null;
  categoryId?: string | null;
}

export interface Candidate {
  id: string;
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  categoryName: string;
  /** null: unlimited. */
  capacityPerMonth: number | null;
  /** Needs ordered against it this month. */
  orderedThisMonth: number;
  /** The unit's average follow-up satisfaction on closed needs it served, and how many. */
  unitSatisfaction: number | null;
  unitFollowUps: number;
}

export interface Ranked<C extends Candidate = Candidate> {
  candidate: C;
  score: number;
  reasons: string[];
}

/** How much each signal weighs; they add up to 1, so a score is 0..1. */
export const WEIGHTS = {
  /** Shared words of the need's and the project's text. */
  text: 0.6,
  /** The need's category is the project's. */
  category: 0.2,
  /** Capacity left this month (unlimited = full marks). */
  capacity: 0.1,
  /** The unit's past satisfaction on closed needs it served. */
  satisfaction: 0.1,
} as const;

/** A cosine at or above this counts as a full text match (short texts never reach 1). */
const TEXT_SATURATION = 0.45;

/**
 * Ranks candidates for a need, best first. Candidates that share no word
 * with the need and are not of its category are left out.
 */
export function rankCandidates<C extends Candidate>(need: NeedText, candidates: C[], first: number): Ranked<C>[] {
  const needBag = termWeights([
    { text: need.title, weight: 2 },
    { text: need.description, weight: 1 },
    { text: need.location, weight: 0.5 },
  ]);
  const bags = candidates.map((c) =>
    termWeights([
      { text: c.description, weight: 1 },
      { text: c.title, weight: 3 },
      { text: c.tags.join('，'), weight: 3 },
    ]),
  );
  // Inverse document frequency among this alliance's candidates.
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(candidates.length, 1);
  const idf = (t: string) => Math.log(1 + n / (1 + (df.get(t) ?? 0)));
  const needText = [need.title, need.description, need.location ?? ''].join('。');

  const ranked: Ranked<C>[] = [];
  candidates.forEach((c, i) => {
    const bag = bags[i]!;
    const text = Math.min(1, cosine(needBag, bag, idf) / TEXT_SATURATION);
    const sameCategory = !!need.categoryId && need.categoryId === c.categoryId;
    if (text === 0 && !sameCategory) return;
    const left = c.capacityPerMonth === null ? null : Math.max(0, c.capacityPerMonth - c.orderedThisMonth);
    const capacity = left === null ? 1 : c.capacityPerMonth ? left / c.capacityPerMonth : 0;
    // No follow-ups yet: neutral.
    const satisfaction = c.unitSatisfaction === null ? 0.5 : Math.max(0, Math.min(1, (c.unitSatisfaction - 1) / 4));
    // Capacity and satisfaction tell apart projects that fit; they do not make an unrelated one fit.
    const fit = Math.max(text, sameCategory ? 0.5 : 0);
    const score =
      WEIGHTS.text * text + WEIGHTS.category * (sameCategory ? 1 : 0) + fit * (WEIGHTS.capacity * capacity + WEIGHTS.satisfaction * satisfaction);

    const reasons: string[] = [];
    if (sameCategory) reasons.push(`同一服务类别：${c.categoryName}`);
    const shared = new Set([...needBag.keys()].filter((t) => bag.has(t)));
    const keywords = sharedKeywords(needText, shared, idf);
    if (keywords.length) reasons.push(`共同关键词：${keywords.join('、')}`);
    if (left === null) reasons.push('本月服务次数不限');
    else if (left === 0) reasons.push(`本月服务次数已满（${c.capacityPerMonth}次）`);
    else reasons.push(`本月剩余服务次数：${left}`);
    if (c.unitSatisfaction !== null) reasons.push(`该单位过往满意度 ${c.unitSatisfaction.toFixed(1)}（${c.unitFollowUps}次回访）`);
    else reasons.push('该单位暂无回访评价');
    ranked.push({ candidate: c, score: Math.round(score * 1000) / 1000, reasons });
  });
  return ranked.sort((a, b) => b.score - a.score || a.candidate.title.localeCompare(b.candidate.title, 'zh-CN')).slice(0, first);
}
