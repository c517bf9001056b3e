import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded on first use instead of at start: what a server
 * that never imports a spreadsheet, resizes a photo or matches a need need not keep resident
 * (jieba ~40 MB, exceljs ~28 MB, sharp's libvips ~9 MB, measured with `node --expose-gc`
 * on Node 20: test/bench/analysis.md, "Server RSS"). The same object the
 * package's default import gives.
 */
export function lazily<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}
