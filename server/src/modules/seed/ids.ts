import { createHash } from 'node:crypto';
import { creditCodeCheckChar } from '@alliance/shared';

/** A stable UUID for a demo record, from its name: the same on every machine and every run. */
export function demoId(name: string): string {
  const h = createHash('sha1').update(`alliance-demo:${name}`).digest('hex');
  // Shaped as an RFC 4122 version 5 UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A deterministic pseudo-random sequence (mulberry32), so demo data is the same everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A well-formed 统一社会信用代码 for an invented organisation in Hailar (150702). */
export function demoCreditCode(prefix: string, n: number): string {
  const rand = random(n * 7919 + 17);
  let body = `${prefix}150702`;
  while (body.length < 17) body += ORG_ALPHABET[Math.floor(rand() * 10)];
  return body + creditCodeCheckChar(body)!;
}
