import { once } from 'node:events';
import { Router, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { localDate } from '@alliance/shared';
import type { RequestContext } from '../../graphql/context.js';
import { EXPORT_LISTS } from './export.lists.js';
import { ledgerSheets, monthOf } from './export.ledger.js';
import { ExportRefused, nodesOf, variablesFrom } from './export.run.js';
import { StreamedSheet, streamedWorkbook } from './export.sheet.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Who may take the monthly 台账: those who answer for the alliance's work and those who inspect it. */
const LEDGER_ROLES = new Set(['COMMITTEE_ADMIN', 'VIEWER']);

function startFile(res: Response, fileName: string): void {
  res.setHeader('content-type', XLSX);
  res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('cache-control', 'no-store');
}

/** Lets a slow reader set the pace: the next page is read only once the response has taken the last one. */
async function drained(res: Response): Promise<void> {
  if (res.writableNeedDrain) await once(res, 'drain');
}

/**
 * Excel exports of the list screens and the monthly 台账, over plain HTTP (a
 * download, not a GraphQL answer):
 * - GET /export/<list>.xlsx?<the list query's variables>   e.g. needs.xlsx?filter={"status":["REPORTED"]}
 * - GET /export/ledger.xlsx?month=YYYY-MM
 * Same bearer token as /graphql. Each list is read through its own GraphQL
 * query as the caller, page by page, so the filters, roles, tenancy and
 * masking are exactly the screen's; rows are streamed into the file as they
 * come (exceljs' WorkbookWriter). A refusal (no token, a role, a bad filter)
 * is JSON with a code, answered before any byte of the file.
 */
export function exportRoutes(contextOf: (req: Request) => Promise<RequestContext>, schema: () => Promise<GraphQLSchema>, log: Logger): Router {
  const router = Router();

  async function caller(req: Request): Promise<RequestContext> {
    const ctx = await contextOf(req);
    if (!ctx.user) throw new ExportRefused(401, 'UNAUTHENTICATED', ctx.authProblem ?? 'Authentication required');
    if (ctx.user.mustChangePassword) throw new ExportRefused(403, 'PASSWORD_CHANGE_REQUIRED', 'Change your temporary password first');
    return ctx;
  }

  router.get('/ledger.xlsx', async (req, res, next) => {
    try {
      const ctx = await caller(req);
      if (!LEDGER_ROLES.has(ctx.user!.role)) throw new ExportRefused(403, 'FORBIDDEN', 'Not allowed for your role');
      const month = monthOf(req.query.month);
      const s = await schema();
      const sheets = ledgerSheets(month);
      startFile(res, `台账_${month.first.slice(0, 7)}.xlsx`);
      const workbook = streamedWorkbook(res);
      for (const def of sheets) {
        const sheet = new StreamedSheet(workbook, def.name, def.columns);
        for await (const nodes of def.nodes(s, ctx)) {
          for (const n of nodes) sheet.add(n);
          await drained(res);
        }
        sheet.commit();
      }
      await workbook.commit();
    } catch (err) {
      next(err);
    }
  });

  router.get('/:file', async (req, res, next) => {
    try {
      const name = /^([a-z-]+)\.xlsx$/.exec(req.params.file)?.[1];
      const list = name ? EXPORT_LISTS[name] : undefined;
      if (!list) throw new ExportRefused(404, 'NOT_FOUND', 'No such export');
      const ctx = await caller(req);
      const s = await schema();
      const pages = nodesOf(s, ctx, list.query, list.connection, variablesFrom(s, list.query, req.query as Record<string, unknown>));
      const first = await pages.next();
      startFile(res, `${list.title}_${localDate()}.xlsx`);
      const workbook = streamedWorkbook(res);
      const sheet = new StreamedSheet(workbook, list.title, list.columns);
      for (const n of first.value ?? []) sheet.add(n);
      for await (const nodes of pages) {
        await drained(res);
        for (const n of nodes) sheet.add(n);
      }
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      next(err);
    }
  });

  router.use(((err, _req, res, next) => {
    if (err instanceof ExportRefused && !res.headersSent) {
      return void res.status(err.status).json({ code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) });
    }
    log.error({ err }, 'export failed');
    // Half a file must not pass for a whole one: the download breaks instead.
    if (res.headersSent) return void res.destroy();
    res.status(500).json({ code: 'INTERNAL_SERVER_ERROR' });
    void next;
  }) as import('express').ErrorRequestHandler);
  return router;
}
