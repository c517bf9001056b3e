import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { RequestHandler } from 'express';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Vite puts what it builds, named by content hash, in assets/: a new build is a new name. */
export const HASHED_ASSETS = 'assets';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The admin's hashed assets, compressed once each (brotli, else gzip) and kept
 * in memory: compressing per response (the `compression` middleware) cost
 * every fresh browser ~1.5 MB of brotli on the server's CPU, enough to slow
 * the first page by seconds on a busy machine. The files never change under a
 * name, so neither does their compressed form. Anything else falls through
 * to express.static.
 */
export function compressedAssets(root: string): RequestHandler {
  const folder = path.join(path.resolve(root), HASHED_ASSETS);
  const cache = new Map<string, Promise<Buffer>>();
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const encoding = req.acceptsEncodings('br', 'gzip');
    if (encoding !== 'br' && encoding !== 'gzip') return next();
    let file: string;
    try {
      file = path.join(folder, decodeURIComponent(req.path));
    } catch {
      return next();
    }
    if (!file.startsWith(folder + path.sep)) return next();
    const key = `${encoding}:${file}`;
    let body = cache.get(key);
    if (!body) {
      body = stat(file).then(async (s) => {
        if (!s.isFile()) throw new Error('not a file');
        const raw = await readFile(file);
        return encoding === 'br' ? brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }) : gzip(raw, { level: 9 });
      });
      cache.set(key, body);
      body.catch(() => cache.delete(key));
    }
    body.then(
      (compressed) => {
        res.type(path.extname(file));
        res.setHeader('content-encoding', encoding);
        res.setHeader('vary', 'Accept-Encoding');
        res.setHeader('cache-control', IMMUTABLE);
        res.setHeader('content-length', compressed.length);
        res.end(req.method === 'HEAD' ? undefined : compressed);
      },
      () => next(),
    );
  };
}
