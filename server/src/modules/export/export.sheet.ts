import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { lazily } from '../../common/lazy-require.js';

const excel = lazily<typeof ExcelJS>('exceljs');
import { localParts } from '@alliance/shared';

/** How a column's values are written: text, a number, a local day, or a local date and time. */
export type CellKind = 'text' | 'number' | 'date' | 'datetime';

export interface ExportColumn<Node> {
  /** The header (Chinese), as the street's 台账 names it. */
  header: string;
  width: number;
  kind?: CellKind;
  value: (node: Node) => string | number | boolean | null | undefined;
}

const FORMATS: Partial<Record<CellKind, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' };

/**
 * An instant as the wall clock in the alliance's time zone shows it. Excel
 * keeps no zone: a cell holds a wall-clock reading, so a UTC instant would
 * be shown eight hours early.
 */
export function wallClock(iso: string): Date {
  const p = localParts(new Date(iso));
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
}

/** A GraphQL Date (YYYY-MM-DD) as an Excel day. */
function day(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

function cell(kind: CellKind, v: string | number | boolean | null | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (kind === 'datetime') return wallClock(String(v));
  if (kind === 'date') return day(String(v));
  return v;
}

/**
 * A streamed workbook (exceljs' WorkbookWriter, no shared strings: each row
 * is committed, written out and forgotten, so memory stays flat however long
 * the list is).
 */
export function streamedWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.creator = '区域化党建联盟';
  workbook.created = new Date();
  return workbook;
}

/** One sheet of a streamed workbook: bold frozen header row, auto-filter over the columns, widths; rows are committed as they come. */
export class StreamedSheet<Node> {
  private readonly sheet: ExcelJS.Worksheet;
  rows = 0;

  constructor(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, private readonly columns: ExportColumn<Node>[]) {
    this.sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = columns.map((c, i) => ({
      header: c.header,
      key: String(i),
      width: c.width,
      style: FORMATS[c.kind ?? 'text'] ? { numFmt: FORMATS[c.kind ?? 'text'] } : {},
    }));
    this.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const header = this.sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
  }

  add(node: Node): void {
    const row = this.sheet.addRow(this.columns.map((c) => cell(c.kind ?? 'text', c.value(node))));
    row.commit();
    this.rows++;
  }

  commit(): void {
    this.sheet.commit();
  }
}
