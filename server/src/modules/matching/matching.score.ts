/*
 * Ranking shelf projects for a need: pure functions over plain strings and
 * numbers, so they can be tested (and evaluated: `pnpm eval:matching`)
 * without a database.
 *
 * Text: BM25F over the project's fields (title and tags weigh most, then the
 * words of the needs the committee ordered to it before, then the
 * description), with the need's words expanded through the thesaurus: a
 * need's 滴水 also looks for the concept 漏水/滴水/渗水/…, so it finds a
 * project that says 漏水. A word found as itself counts more than one found
 * through its group.
 *
 * Score: the text's BM25 sum mapped onto 0..1 by 1 - exp(-raw / SCALE), the
 * scale set on the development half of the labelled set so that 0.7+ is a
 * match a person would call strong and under 0.3 a weak one. The category is
 * a prior that lifts a text match by at most CATEGORY_LIFT of what it lacks
 * to 1 (never decides: with no shared word it adds only a sliver to order
 * the weak tail); a project booked out this month is pushed down a little;
 * past satisfaction on similar needs moves a score by at most ±3 %.
 */
import { matchStrength, type MatchReasonData, type MatchStrength } from '@alliance/shared';
import { normalize, words } from './matching.text.js';

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
  /** Titles and descriptions of needs the committee ordered to it before (its learned profile). */
  learned?: string[];
  /** Average follow-up satisfaction of the closed needs it served (similar needs: the committee chose it for them), and how many. */
  pastSatisfaction: number | null;
  pastFollowUps: number;
}

export interface Ranked<C extends Candidate = Candidate> {
  candidate: C;
  score: number;
  strength: MatchStrength;
  reasons: MatchReasonData[];
}

/** Field weights and BM25 length normalisation per field. */
const FIELDS = {
  title: { weight: 3, b: 0.5 },
  tags: { weight: 3, b: 0.3 },
  description: { weight: 1, b: 0.6 },
  learned: { weight: 1.2, b: 0.8 },
} as const;
type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];

export const TUNING = {
  k1: 1.2,
  /** A word of the need's title counts this much more than one of its description. */
  titleBoost: 1.5,
  /** A word found only through its thesaurus group counts this share of the word itself. */
  synonymWeight: 0.6,
  /** raw BM25 (at the demo shelf's idf scale) where a score reads 0.3 and 0.7: see calibrate(). */
  weakAt: 9,
  strongAt: 17,
  categoryLift: 0.15,
  /** How much the share of the need's words the project answers counts: raw x (coverageBase + coverage). */
  coverageBase: 0.5,
  /** Multiplier for a project booked out this month. */
  fullPenalty: 0.85,
};

/** The thesaurus as an index: word -> the groups it belongs to. */
export class Thesaurus {
  private readonly byWord = new Map<string, number[]>();
  /** groupsOf() of the words that are not thesaurus words themselves. */
  private readonly inside = new Map<string, number[]>();
  readonly groups: string[][];
  /** The groups' words as texts are normalised (for naming the project's word in a SYNONYM reason). */
  readonly normalized: string[][];
  constructor(groups: string[][]) {
    this.groups = groups;
    this.normalized = groups.map((g) => g.map(normalize));
    groups.forEach((g, i) => {
      for (const w of g) {
        const word = normalize(w);
        const list = this.byWord.get(word) ?? [];
        if (!list.includes(i)) list.push(i);
        this.byWord.set(word, list);
      }
    });
  }

  /**
   * The groups a word belongs to: as itself, else through the thesaurus
   * words inside it (返臭水 holds 返臭; 太吵 holds 吵), longest first.
   */
  groupsOf(word: string): number[] {
    const own = this.byWord.get(word);
    if (own) return own;
    const known = this.inside.get(word);
    if (known) return known;
    const chars = [...word];
    const found = new Set<number>();
    for (let len = Math.min(chars.length - 1, 6); len >= 1 && found.size === 0; len--) {
      for (let i = 0; i + len <= chars.length; i++) {
        for (const g of this.byWord.get(chars.slice(i, i + len).join('')) ?? []) found.add(g);
      }
    }
    const groups = [...found];
    // A shelf's texts repeat their words: each is looked through once per thesaurus.
    if (this.inside.size < 200_000) this.inside.set(word, groups);
    return groups;
  }
}

const concept = (g: number) => `#${g}`;

interface Doc<C> {
  candidate: C;
  /** Per field: term -> count (words and #concepts), and the field's length in words. */
  fields: Record<Field, { tf: Map<string, number>; len: number }>;
  /** The words of its own text (title, tags, description), for naming the project's word in a SYNONYM reason. */
  ownWords: Set<string>;
}

/** A project's BM25F weight for a term, before the term's idf: the fields' length-normalised, weighted counts, saturated once. */
interface Posting {
  weight: number;
  /** The field that contributed most (LEARNED when it is the needs it was chosen for). */
  field: Field;
}

function analyzeField(texts: string[], thesaurus: Thesaurus): { tf: Map<string, number>; len: number; words: string[] } {
  // Segmented piece by piece: each piece's words are cached, so a project that learns one more need segments only that.
  const ws = texts.flatMap((t) => words(t));
  const tf = new Map<string, number>();
  for (const w of ws) {
    tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const g of thesaurus.groupsOf(w)) tf.set(concept(g), (tf.get(concept(g)) ?? 0) + 1);
  }
  return { tf, len: ws.length, words: ws };
}

/**
 * The average field lengths the weights are worked out with, on a grid of
 * 5 % steps: an index kept up to date one project at a time and one built
 * afresh on the same shelf use the same lengths, so they score alike (on
 * every instance), and the weights are worked out again (from the counts
 * kept, no segmenting) only when a length crosses to the next step.
 */
const LENGTH_STEP = Math.log(1.05);
const onGrid = (avg: number) => Math.exp(Math.round(Math.log(avg) / LENGTH_STEP) * LENGTH_STEP);

/**
 * An alliance's shelf as postings (term -> the projects that have it, each
 * with its BM25F weight worked out in advance), kept up to date one project
 * at a time: put() replaces a project's entry, remove() drops it. Ranking
 * a need reads only the postings of its words and their groups, never the
 * projects' text.
 */
export class MatchIndex<C extends Candidate = Candidate> {
  private readonly docs: (Doc<C> | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  private readonly postings = new Map<string, Map<number, Posting>>();
  private readonly lenSum = Object.fromEntries(FIELD_NAMES.map((f) => [f, 0])) as Record<Field, number>;
  /** The average field lengths the postings' weights were worked out with. */
  private normAvg: Record<Field, number>;
  /** Each slot's place by title (zh-CN collation), for ties; null when a project came or went. */
  private order: Int32Array | null = null;
  private list: C[] | null = null;
  private raw = new Float64Array(0);
  private answered = new Float64Array(0);
  private seenFor = new Int32Array(0);
  private static readonly collator = new Intl.Collator('zh-CN');

  constructor(
    candidates: C[],
    readonly thesaurus: Thesaurus,
  ) {
    for (const c of candidates) this.add(c, false);
    this.normAvg = this.currentAvg();
    this.docs.forEach((d, slot) => d && this.post(slot, d));
  }

  get size(): number {
    return this.slotOf.size;
  }

  get candidates(): C[] {
    this.list ??= this.docs.filter((d): d is Doc<C> => d !== null).map((d) => d.candidate);
    return this.list;
  }

  /** Adds a project, or replaces its entry (its text, tags or learned needs changed). */
  put(c: C): void {
    this.drop(c.id);
    this.add(c, true);
    if (this.drifted()) this.renormalise();
  }

  remove(id: string): void {
    this.drop(id);
    if (this.drifted()) this.renormalise();
  }

  private drop(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const d = this.docs[slot]!;
    for (const f of FIELD_NAMES) {
      this.lenSum[f] -= d.fields[f].len;
      for (const t of d.fields[f].tf.keys()) {
        const list = this.postings.get(t);
        if (!list) continue;
        list.delete(slot);
        if (list.size === 0) this.postings.delete(t);
      }
    }
    this.docs[slot] = null;
    this.slotOf.delete(id);
    this.free.push(slot);
    this.order = null;
    this.list = null;
  }

  private add(c: C, post: boolean): void {
    const parts: Record<Field, string[]> = { title: [c.title], tags: [c.tags.join('，')], description: [c.description], learned: c.learned ?? [] };
    const fields = {} as Doc<C>['fields'];
    const ownWords = new Set<string>();
    for (const f of FIELD_NAMES) {
      const a = analyzeField(parts[f], this.thesaurus);
      fields[f] = { tf: a.tf, len: a.len };
      this.lenSum[f] += a.len;
      if (f !== 'learned') for (const w of a.words) ownWords.add(w);
    }
    const doc: Doc<C> = { candidate: c, fields, ownWords };
    const slot = this.free.pop() ?? this.docs.length;
    this.docs[slot] = doc;
    this.slotOf.set(c.id, slot);
    this.order = null;
    this.list = null;
    if (post) this.post(slot, doc);
  }

  /** Writes a project's postings: each term's weight over the fields, with the lengths of normAvg. */
  private post(slot: number, d: Doc<C>): void {
    const terms = new Set<string>();
    for (const f of FIELD_NAMES) for (const t of d.fields[f].tf.keys()) terms.add(t);
    for (const t of terms) {
      let tf = 0;
      let best: Field = 'title';
      let bestPart = 0;
      for (const f of FIELD_NAMES) {
        const count = d.fields[f].tf.get(t);
        if (!count) continue;
        const { weight, b } = FIELDS[f];
        const part = (weight * count) / (1 - b + (b * d.fields[f].len) / this.normAvg[f]);
        tf += part;
        if (part > bestPart) {
          bestPart = part;
          best = f;
        }
      }
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = new Map()));
      list.set(slot, { weight: (tf * (TUNING.k1 + 1)) / (TUNING.k1 + tf), field: best });
    }
  }

  private currentAvg(): Record<Field, number> {
    const n = Math.max(1, this.size);
    return Object.fromEntries(FIELD_NAMES.map((f) => [f, onGrid(Math.max(1, this.lenSum[f] / n))])) as Record<Field, number>;
  }

  private drifted(): boolean {
    const now = this.currentAvg();
    return FIELD_NAMES.some((f) => now[f] !== this.normAvg[f]);
  }

  private renormalise(): void {
    this.normAvg = this.currentAvg();
    this.postings.clear();
    this.docs.forEach((d, slot) => d && this.post(slot, d));
  }

  /**
   * Raw BM25 grows with the log of the shelf's size (a word in one project
   * of 52 weighs 3.6, of 1,000 weighs 6.5); scaled to the demo shelf's, so
   * the calibration holds on a shelf of any size.
   */
  get idfScale(): number {
    return Math.log(1 + 51.5 / 1.5) / Math.log(1 + (Math.max(this.size, 2) - 0.5) / 1.5);
  }

  idf(term: string): number {
    const n = this.size;
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private places(): Int32Array {
    if (this.order) return this.order;
    const slots = this.docs.flatMap((d, slot) => (d ? [slot] : []));
    slots.sort((a, b) => MatchIndex.collator.compare(this.docs[a]!.candidate.title, this.docs[b]!.candidate.title));
    this.order = new Int32Array(this.docs.length);
    slots.forEach((slot, place) => (this.order![slot] = place));
    return this.order;
  }

  /**
   * Every project ranked for the need, best first; only the `first` shown
   * get their reasons worked out. The text scores are summed along the
   * postings of the need's words and their groups: a project that shares
   * none is never looked at.
   */
  rank(need: NeedText, first: number): Ranked<C>[] {
    // The need's words with their weight (title words count more), and their groups.
    const qWords = new Map<string, number>();
    for (const w of words(need.description)) qWords.set(w, Math.max(qWords.get(w) ?? 0, 1));
    for (const w of words(need.title)) qWords.set(w, TUNING.titleBoost);
    const conceptOf = new Map<string, number[]>();
    for (const w of qWords.keys()) conceptOf.set(w, this.thesaurus.groupsOf(w));
    // Each word's share of what the need says: a word no project uses weighs as much as the rarest.
    const share = new Map<string, number>();
    for (const [w, qw] of qWords) share.set(w, qw * this.idf(w));
    const q: Query = { words: qWords, conceptOf, share, said: [...share.values()].reduce((a, b) => a + b, 0) };

    const n = this.docs.length;
    // Scratch arrays kept between calls (ranking is synchronous): a match allocates little, so the collector rarely interrupts one.
    if (this.raw.length < n) {
      this.raw = new Float64Array(n * 2);
      this.answered = new Float64Array(n * 2);
      this.seenFor = new Int32Array(n * 2);
    }
    const { raw, answered, seenFor } = this;
    raw.fill(0, 0, n);
    answered.fill(0, 0, n);
    seenFor.fill(-1, 0, n);
    const claimed = new Set<number>();
    let k = 0;
    for (const [w, qw] of qWords) {
      const groups = conceptOf.get(w)!;
      const direct = this.postings.get(w);
      const wShare = share.get(w)!;
      if (direct) {
        const idf = this.idf(w);
        for (const [slot, p] of direct) {
          raw[slot]! += qw * idf * p.weight;
          if (seenFor[slot] !== k) {
            seenFor[slot] = k;
            answered[slot]! += wShare;
          }
        }
      }
      for (const g of groups) {
        const list = this.postings.get(concept(g));
        if (!list) continue;
        // Each concept counts once per need, with the weight of the first word that names it: 滴水 and 渗水 in one need do not double the 漏水 group.
        const counts = !claimed.has(g);
        claimed.add(g);
        const idf = counts ? this.idf(concept(g)) : 0;
        for (const [slot, p] of list) {
          if (counts) raw[slot]! += qw * TUNING.synonymWeight * idf * p.weight;
          if (seenFor[slot] !== k) {
            seenFor[slot] = k;
            answered[slot]! += wShare;
          }
        }
      }
      k++;
    }

    const scale = this.idfScale;
    const scores = raw;
    const slots: number[] = [];
    for (let slot = 0; slot < n; slot++) {
      const d = this.docs[slot];
      if (!d) continue;
      const text = raw[slot]! > 0 ? calibrate(raw[slot]! * scale * (TUNING.coverageBase + (q.said ? answered[slot]! / q.said : 0))) : 0;
      scores[slot] = this.finalScore(need, d.candidate, text);
      slots.push(slot);
    }
    const place = this.places();
    slots.sort((a, b) => scores[b]! - scores[a]! || place[a]! - place[b]!);
    return slots.slice(0, first).map((slot) => {
      const score = scores[slot]!;
      const c = this.docs[slot]!.candidate;
      const m = this.explain(slot, q);
      const left = c.capacityPerMonth === null ? null : Math.max(0, c.capacityPerMonth - c.orderedThisMonth);
      const reasons: MatchReasonData[] = [];
      const sharedWords = pickWords(m.shared.filter((s) => !s.learnedOnly));
      if (sharedWords.length) reasons.push({ code: 'SHARED_WORDS', params: { words: sharedWords } });
      for (const s of m.synonyms.sort((a, b) => b.weight - a.weight).slice(0, 2)) reasons.push({ code: 'SYNONYM', params: { from: s.from, to: s.to } });
      const learnedWords = pickWords(m.shared.filter((s) => s.learnedOnly));
      if (learnedWords.length) reasons.push({ code: 'LEARNED', params: { words: learnedWords } });
      if (!!need.categoryId && need.categoryId === c.categoryId) reasons.push({ code: 'SAME_CATEGORY', params: { category: c.categoryName } });
      if (left === null) reasons.push({ code: 'CAPACITY_UNLIMITED', params: {} });
      else if (left === 0) reasons.push({ code: 'CAPACITY_FULL', params: { n: c.capacityPerMonth! } });
      else reasons.push({ code: 'CAPACITY_LEFT', params: { n: left } });
      if (c.pastSatisfaction !== null && c.pastFollowUps > 0)
        reasons.push({ code: 'PAST_SATISFACTION', params: { avg: Math.round(c.pastSatisfaction * 10) / 10, n: c.pastFollowUps } });
      else reasons.push({ code: 'NO_PAST_SATISFACTION', params: {} });
      if (matchStrength(score) === 'WEAK') reasons.unshift({ code: 'WEAK_MATCH', params: {} });
      return { candidate: c, score, strength: matchStrength(score), reasons };
    });
  }

  /** The words behind one shown project's score: those it shares (and where from), and the synonyms it was found through. */
  private explain(slot: number, q: Query) {
    const doc = this.docs[slot]!;
    const shared: { word: string; weight: number; learnedOnly: boolean }[] = [];
    const synonyms: { from: string; to: string; weight: number }[] = [];
    const claimed = new Set<number>();
    for (const [w, qw] of q.words) {
      const direct = this.postings.get(w)?.get(slot);
      if (direct) shared.push({ word: w, weight: qw * this.idf(w) * direct.weight, learnedOnly: direct.field === 'learned' });
      for (const g of q.conceptOf.get(w)!) {
        if (claimed.has(g)) continue;
        const via = this.postings.get(concept(g))?.get(slot);
        if (!via) continue;
        claimed.add(g);
        if (direct) continue;
        const to = this.thesaurus.normalized[g]!.find((x) => x !== w && doc.ownWords.has(x));
        if (to) synonyms.push({ from: w, to, weight: qw * this.idf(concept(g)) * via.weight });
      }
    }
    return { shared, synonyms };
  }

  /** The text match with the category's lift, a booked-out month and past satisfaction on similar needs; 0..1, to 3 places. */
  private finalScore(need: NeedText, c: C, text: number): number {
    const sameCategory = !!need.categoryId && need.categoryId === c.categoryId;
    let score = sameCategory ? text + TUNING.categoryLift * (1 - text) * Math.min(1, text * 3) + (text === 0 ? 0.01 : 0) : text;
    const left = c.capacityPerMonth === null ? null : Math.max(0, c.capacityPerMonth - c.orderedThisMonth);
    if (left === 0) score *= TUNING.fullPenalty;
    if (c.pastSatisfaction !== null && c.pastFollowUps > 0) score *= 1 + 0.03 * ((c.pastSatisfaction - 3) / 2);
    return Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000;
  }
}

interface Query {
  words: Map<string, number>;
  conceptOf: Map<string, number[]>;
  share: Map<string, number>;
  said: number;
}

/**
 * Raw BM25 onto 0..1 through three points read off the development half of
 * the labelled set: 0 at nothing shared, 0.3 at weakAt (the best project for
 * a need the shelf cannot serve mostly stays below), 0.7 at strongAt; linear
 * in between, then approaching 1 with the same slope at strongAt.
 */
export function calibrate(raw: number): number {
  const { weakAt, strongAt } = TUNING;
  if (raw <= 0) return 0;
  if (raw <= weakAt) return (0.3 * raw) / weakAt;
  if (raw <= strongAt) return 0.3 + (0.4 * (raw - weakAt)) / (strongAt - weakAt);
  const k = (0.3 * (strongAt - weakAt)) / 0.4;
  return 1 - 0.3 * Math.exp(-(raw - strongAt) / k);
}

/** The shared words as a person reads them: heaviest first, none that is part of a longer one shown (楼道灯, not also 楼道). */
function pickWords(list: { word: string; weight: number }[], max = 3): string[] {
  const sorted = [...list].sort((a, b) => b.weight - a.weight || b.word.length - a.word.length);
  const out: string[] = [];
  for (const { word } of sorted) {
    // 水龙头 reads better than its pieces 水龙 and 龙头: the longer word takes their place.
    const pieces = out.filter((o) => word.includes(o));
    if (pieces.length) {
      out.splice(out.indexOf(pieces[0]!), 1, word);
      for (const p of pieces.slice(1)) out.splice(out.indexOf(p), 1);
      continue;
    }
    if (out.some((o) => o.includes(word))) continue;
    if (out.length < max) out.push(word);
  }
  return out;
}

/** Ranks candidates for a need, best first; never leaves a project out (the weak ones are labelled so). */
export function rankCandidates<C extends Candidate>(need: NeedText, candidates: C[], first: number, thesaurus: Thesaurus): Ranked<C>[] {
  return new MatchIndex(candidates, thesaurus).rank(need, first);
}
