import type { Readable } from 'node:stream';
import { INVALID_REASON_LABELS } from '@alliance/shared';
import type { RequestContext } from '../../graphql/context.js';
import { readRows } from './import.reader.js';
import type { Complain, ImportKind, ImportProblem } from './import.types.js';

/** At most this many problems are listed; the count says how many there were. */
export const MAX_PROBLEMS_LISTED = 5000;

export interface ImportReport {
  kind: string;
  /** DRY_RUN: checked, nothing written. COMMIT: written only when there was no problem at all. */
  mode: 'DRY_RUN' | 'COMMIT';
  rows: number;
  valid: number;
  written: number;
  problemCount: number;
  problems: ImportProblem[];
}

/**
 * Reads the file as a stream, checks every row against the kind's rules and
 * the alliance's records, and reports every bad row (row, column, reason in
 * Chinese). In COMMIT mode the rows are written in one transaction, and only
 * when no row had a problem: all or nothing.
 */
export async function runImport<Row, L>(ctx: RequestContext, kind: ImportKind<Row, L>, input: Readable, mode: ImportReport['mode']): Promise<ImportReport> {
  const lookups = await kind.load(ctx);
  const report: ImportReport = { kind: kind.kind, mode, rows: 0, valid: 0, written: 0, problemCount: 0, problems: [] };
  const note = (p: ImportProblem) => {
    report.problemCount++;
    if (report.problems.length < MAX_PROBLEMS_LISTED) report.problems.push(p);
  };
  const valid: Row[] = [];
  const seen = new Set<string>();
  for await (const item of readRows(input, kind.columns)) {
    if ('missing' in item) {
      for (const header of item.missing) note({ row: 1, column: header, reason: '缺少此列（请使用下载的模板）' });
      continue;
    }
    report.rows++;
    const complain: Complain = (column, reason) =>
      note({ row: item.row, column, reason: typeof reason === 'string' ? INVALID_REASON_LABELS['zh-CN'][reason] : reason.text });
    const before = report.problemCount;
    const row = kind.parse(item.cells, lookups, complain, seen);
    if (row && report.problemCount === before) valid.push(row);
  }
  report.valid = valid.length;
  if (report.rows === 0 && report.problemCount === 0) note({ row: 2, column: kind.columns[0]!.header, reason: '表中没有数据行' });
  if (mode === 'COMMIT' && report.problemCount === 0) {
    report.written = await ctx.scope.transaction((tx) => kind.write(tx, valid, lookups, ctx));
  }
  return report;
}
