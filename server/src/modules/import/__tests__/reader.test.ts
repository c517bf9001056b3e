import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRows } from '../import.reader.js';
import { PARTY_MEMBER_IMPORT } from '../import.kinds.js';

/*
 * An upload arrives in chunks of whatever size the network gives. exceljs 4.4.0 decoded each chunk of a
 * zip entry to text on its own, so a Chinese character split between two chunks became two U+FFFD (a
 * header not found, a name misspelt, at random: import.test.ts's template test failed 1 run in 8);
 * patches/exceljs@4.4.0.patch decodes the stream as one.
 */
describe('reading an uploaded workbook', () => {
  it('reads Chinese headers and values whole, whatever the size of the chunks they arrive in', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('党员名册');
    sheet.columns = PARTY_MEMBER_IMPORT.columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key }));
    const rows = Array.from({ length: 40 }, (_, i) => ({ name: `王秀英${i}`, gender: '女', branch: '第一网格党支部', group: '松山小区1号楼党小组', grid: '第一网格' }));
    sheet.addRows(rows);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    for (const size of [1, 7, 100, 1000]) {
      async function* chunks() {
        for (let i = 0; i < file.length; i += size) yield file.subarray(i, i + size);
      }
      const read = [];
      for await (const item of readRows(Readable.from(chunks()), PARTY_MEMBER_IMPORT.columns)) read.push(item);
      expect(read[0], `chunks of ${size} bytes`).toEqual({ missing: [] });
      expect(
        read.slice(1).map((r) => ('cells' in r ? r.cells : r)),
        `chunks of ${size} bytes`,
      ).toEqual(rows.map((r) => ({ ...r, phone: null, duty: null, joined: null })));
    }
  });
});
