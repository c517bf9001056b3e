/*
 * Words of a Chinese text for matching. Chinese has no spaces; a dictionary
 * segmenter (jieba, maintained as the Rust port @node-rs/jieba) finds the
 * words, and its search mode also yields the shorter words inside long ones
 * (楼道灯 -> 楼道, 楼道灯), so 楼道灯坏了 and 楼道照明维修 share 楼道. The
 * thesaurus's words are loaded as a user dictionary so the domain's words
 * (地漏, 返臭, 说和, 智能机) are kept whole rather than split into
 * characters.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { LRUCache } from 'lru-cache';
import { THESAURUS_GROUPS } from '@alliance/shared';
import { lazily } from '../../common/lazy-require.js';

const segmenterModule = lazily<typeof import('@node-rs/jieba')>('@node-rs/jieba');

/** Words that glue a sentence together rather than say what is asked. */
const STOP_WORDS = new Set(
  (
    '的 了 是 在 和 与 及 或 我 你 他 她 它 们 吗 呢 吧 啊 呀 也 都 就 很 还 又 把 被 给 让 着 过 这 那 个 些 么 得 地 之 而 且 从 对 向 到 于 为 以 因 所 但 并 则 如 若 等 每 该 其 ' +
    '我们 你们 他们 我家 咱们 一个 一下 一些 一直 一点 有点 有些 能不能 可不可以 可以 希望 想 想要 要 需要 有 没有 好 好几天 几天 已经 现在 时候 什么 怎么 这个 那个 这样 那样 ' +
    '小区 社区 大家 问题 情况 谢谢 麻烦 请 请问 能 会 还是 就是 但是 因为 所以 如果 然后 而且 特别 非常 太 真 老是 总是 经常 天天 今年 去年 最近 自己 一样 这么 那么 ' +
    '多 少 里 上 下 前 后 中 内 外 时 次 号 楼 栋 层 室 户 家 人 年 月 日 天 点 元'
  ).split(' '),
);

/**
 * Numbered address parts (3号楼, 2单元, 五层, 501室): where the resident
 * lives, not what is asked. Left in, "2单元" would match 单元门维修更换 for
 * every need filed with an address.
 */
const ADDRESS_PART = /[0-9一二三四五六七八九十百]+(号楼|号院|栋|幢|单元|层|楼|室|号)/gu;

let jieba: Jieba | null = null;

/**
 * The segmenter, with the thesaurus's words as a user dictionary (loaded once
 * per process, on the first text segmented). Loaded then, not at start: a
 * server that never matches keeps neither jieba's native dictionary nor the
 * 11 MB of text files `@node-rs/jieba/dict` reads (dict.txt and idf.txt,
 * held for ever by that module; only dict.txt is needed, and only while
 * jieba builds its own from it).
 */
function segmenter(): Jieba {
  if (!jieba) {
    jieba = segmenterModule().Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')));
    const words = new Set(THESAURUS_GROUPS.flatMap((g) => g.split(/\s+/u)).filter((w) => [...w].length >= 2));
    jieba.loadDict(Buffer.from([...words].map((w) => `${w} 20000 n`).join('\n')));
  }
  return jieba;
}

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(ADDRESS_PART, '，');
}

/** Segmenting is the costly part of building an index; a project's text rarely changes between rebuilds. */
const segmented = new LRUCache<string, string[]>({ max: 50_000 });

/** The words of a text, in order, repeats kept (a word said twice counts twice). */
export function words(text: string | null | undefined): string[] {
  if (!text) return [];
  const cached = segmented.get(text);
  if (cached) return cached;
  const out: string[] = [];
  for (const w of segmenter().cutForSearch(normalize(text), true)) {
    const word = w.trim();
    if (!word || STOP_WORDS.has(word)) continue;
    if (!/[\p{Script=Han}a-z]/u.test(word)) continue;
    if (/^[a-z]$/u.test(word)) continue;
    out.push(word);
  }
  segmented.set(text, out);
  return out;
}
