import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request } from 'express';
import type { Logger } from 'pino';
import type { RequestContext } from '../../graphql/context.js';
import { IMPORT_KINDS } from './import.kinds.js';
import { UnreadableFile, writeTemplate } from './import.reader.js';
import { runImport } from './import.service.js';

/** An uploaded workbook larger than this is refused before it is read. */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The committee's spreadsheet imports, over plain HTTP (a file is a byte
 * stream, not a GraphQL argument):
 * - GET  /api/import/:kind/template   the .xlsx template
 * - POST /api/import/:kind?mode=DRY_RUN|COMMIT   the .xlsx as the request body;
 *   answers the report (ImportReport); COMMIT with any problem writes nothing (422).
 * Same bearer token as /graphql (the caller's context comes from the
 * composition root, as GraphQL's does); the committee's only.
 */
export function importRoutes(contextOf: (req: Request) => Promise<RequestContext>, log: Logger): Router {
  const router = Router();

  type Caller = { ctx: RequestContext } | { status: number; code: string };
  async function committee(req: Request): Promise<Caller> {
    const ctx = await contextOf(req);
    if (!ctx.user) return { status: 401, code: 'UNAUTHENTICATED' };
    if (ctx.user.mustChangePassword) return { status: 403, code: 'PASSWORD_CHANGE_REQUIRED' };
    if (ctx.user.role !== 'COMMITTEE_ADMIN') return { status: 403, code: 'FORBIDDEN' };
    return { ctx };
  }

  router.get('/:kind/template', async (req, res, next) => {
    try {
      const kind = IMPORT_KINDS[req.params.kind];
      if (!kind) return void res.status(404).json({ code: 'NOT_FOUND' });
      const who = await committee(req);
      if (!('ctx' in who)) return void res.status(who.status).json({ code: who.code });
      const lookups = await kind.load(who.ctx);
      res.setHeader('content-type', XLSX);
      res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${kind.title}导入模板.xlsx`)}`);
      await writeTemplate(res, kind.title, kind.columns, lookups);
      res.end();
    } catch (err) {
      next(err);
    }
  });

  router.post('/:kind', async (req, res, next) => {
    try {
      const kind = IMPORT_KINDS[req.params.kind];
      if (!kind) return void res.status(404).json({ code: 'NOT_FOUND' });
      const who = await committee(req);
      if (!('ctx' in who)) {
        req.resume();
        return void res.status(who.status).json({ code: who.code });
      }
      const mode = req.query.mode === 'COMMIT' ? 'COMMIT' : 'DRY_RUN';
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_UPLOAD_BYTES) {
        req.resume();
        return void res.status(413).json({ code: 'BAD_USER_INPUT', reason: 'TOO_LONG', message: '文件过大（不超过20MB）' });
      }
      // Counted as it streams too: a body without a length cannot slip past the limit.
      let received = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _enc, done) {
          received += chunk.length;
          done(received > MAX_UPLOAD_BYTES ? new UnreadableFile('too large') : null, chunk);
        },
      });
      pipeline(req, counted).catch(() => undefined);
      const report = await runImport(who.ctx, kind, counted, mode);
      res.status(mode === 'COMMIT' && report.problemCount > 0 ? 422 : 200).json(report);
    } catch (err) {
      if (err instanceof UnreadableFile) return void res.status(400).json({ code: 'BAD_USER_INPUT', reason: 'INVALID_FORMAT', message: '无法读取文件，请上传 .xlsx 格式的表格（使用下载的模板）' });
      next(err);
    }
  });

  router.use(((err, _req, res, next) => {
    if (res.headersSent) return next(err);
    log.error({ err }, 'import failed');
    res.status(500).json({ code: 'INTERNAL_SERVER_ERROR' });
  }) as import('express').ErrorRequestHandler);
  return router;
}
