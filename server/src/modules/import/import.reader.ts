import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { lazily } from '../../common/lazy-require.js';

const excel = lazily<typeof ExcelJS>('exceljs');
import type { CellValue, ImportColumn } from './import.types.js';

/** Past this many data rows a file is refused whole: an import is one transaction. */
export const MAX_IMPORT_ROWS = 20_000;

export class UnreadableFile extends Error {}

/** What a cell holds, as plain text / number / date: rich text, formulas and links reduced to what they show. */
export function cellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim() || null;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return cellValue((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return null;
  }
  return String(v);
}

/**
 * The first worksheet of an .xlsx, read as a stream (exceljs' WorkbookReader),
 * row by row: the first non-empty row names the columns (matched by header,
 * in any order); every later non-empty row is handed over with its sheet row
 * number. Never holds the workbook in memory.
 */
export async function* readRows(
  input: Readable,
  columns: ImportColumn[],
): AsyncGenerator<{ missing: string[] } | { row: number; cells: Record<string, CellValue> }> {
  const reader = new (excel().stream.xlsx.WorkbookReader)(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  // exceljs 4.4 reads a worksheet's name from workbook.xml; a file whose zip puts workbook.xml after the
  // sheets (some writers do, exceljs itself among them) then fails on `this.model.sheets`. The name is not
  // needed here: an empty model lets such a file be read.
  const internals = reader as unknown as { model?: object };
  internals.model ??= {};
  let byIndex: Map<number, string> | null = null;
  let rows = 0;
  try {
    let sheets = 0;
    for await (const sheet of reader) {
      // Only the first sheet: the template's lists and any notes sit on others, which are read past (not
      // left: leaving the reader half-read would break the stream under it).
      if (sheets > 0 || (sheet as unknown as { state?: string }).state?.toLowerCase().includes('hidden')) {
        for await (const _ of sheet);
        continue;
      }
      sheets++;
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]) ?? [];
        const cells = values.map(cellValue);
        if (cells.every((c) => c === null)) continue;
        if (!byIndex) {
          byIndex = new Map();
          for (const [i, c] of cells.entries()) {
            const column = columns.find((col) => typeof c === 'string' && c.replace(/[*＊\s]/g, '') === col.header);
            if (column) byIndex.set(i, column.key);
          }
          const found = new Set(byIndex.values());
          yield { missing: columns.filter((c) => c.required && !found.has(c.key)).map((c) => c.header) };
          continue;
        }
        if (++rows > MAX_IMPORT_ROWS) throw new UnreadableFile(`more than ${MAX_IMPORT_ROWS} rows`);
        yield { row: row.number, cells: Object.fromEntries([...byIndex].map(([i, key]) => [key, cells[i] ?? null])) };
      }
    }
  } catch (err) {
    if (err instanceof UnreadableFile) throw err;
    throw new UnreadableFile((err as Error)?.message ?? 'unreadable');
  }
  if (!byIndex) yield { missing: columns.filter((c) => c.required).map((c) => c.header) };
}

/** The template: the columns (required ones marked *), an example row, drop-downs where a column has choices. */
export async function writeTemplate(out: import('node:stream').Writable, title: string, columns: ImportColumn[], lookups: unknown): Promise<void> {
  const workbook = new (excel().Workbook)();
  const sheet = workbook.addWorksheet(title);
  sheet.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example ?? null])));
  columns.forEach((c, i) => {
    const choices = c.choices?.(lookups);
    if (!choices?.length) return;
    // A list longer than Excel's 255-character formula limit goes on a hidden sheet.
    const list = workbook.addWorksheet(`_${c.key}`, { state: 'veryHidden' });
    choices.forEach((v, r) => (list.getCell(r + 1, 1).value = v));
    const letter = sheet.getColumn(i + 1).letter;
    for (let r = 2; r <= 1000; r++) {
      sheet.getCell(`${letter}${r}`).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`'_${c.key}'!$A$1:$A$${choices.length}`],
      };
    }
  });
  await workbook.xlsx.write(out);
}
