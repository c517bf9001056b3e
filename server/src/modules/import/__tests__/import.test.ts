import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';

let s: TestServer;
let token: string;
let base: string;
beforeAll(async () => {
  s = await startTestServer();
  token = await s.login('committee');
  base = s.url.replace(/\/graphql$/, '/api/import');
});
afterAll(() => s?.close());

const MAIN = demoId('songshan');
const count = async (table: string) => (await s.sql(`SELECT count(*)::int AS n FROM ${table} WHERE alliance_id = $1`, [MAIN]))[0].n as number;

/** An .xlsx of these rows under these headers, as the committee's own spreadsheet would be. */
async function workbook(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sheet1');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(kind: string, body: Buffer, mode: 'DRY_RUN' | 'COMMIT', auth = token) {
  const res = await fetch(`${base}/${kind}?mode=${mode}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const MEMBER_HEADERS = ['姓名*', '性别*', '手机号', '党支部*', '党小组', '服务网格', '网格职责', '入党日期'];

describe('importing party members and buildings from spreadsheets', () => {
  it('the template names the columns, with an example row', async () => {
    const res = await fetch(`${base}/party-members/template`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('党员名册导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(MEMBER_HEADERS);
    expect(sheet.getRow(2).getCell(1).value).toBe('王秀英');
    // The example row of the template is itself a valid row.
    const dry = await upload('party-members', Buffer.from(await wb.xlsx.writeBuffer()), 'DRY_RUN');
    expect(dry.body).toMatchObject({ rows: 1, valid: 1, problemCount: 0 });
  });

  it('only the committee imports', async () => {
    const file = await workbook(MEMBER_HEADERS, [['王五', '男', null, '第一网格党支部']]);
    for (const who of ['unit1', 'grid1', 'viewer']) {
      const r = await upload('party-members', file, 'COMMIT', await s.login(who));
      expect(r.status, who).toBe(403);
      expect(r.body.code).toBe('FORBIDDEN');
      const t = await fetch(`${base}/buildings/template`, { headers: { authorization: `Bearer ${await s.login(who)}` } });
      expect(t.status, who).toBe(403);
    }
    expect((await upload('party-members', file, 'COMMIT', 'forged')).status).toBe(401);
    expect((await fetch(`${base}/nothing/template`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it('a dry run reports every bad row (row, column, reason in Chinese) and writes nothing; a commit with bad rows writes nothing either', async () => {
    const before = await count('party_member');
    const file = await workbook(MEMBER_HEADERS, [
      ['李建国', '男', '13912345678', '第一网格党支部', '松山小区1号楼党小组', null, '兼职红色网格员', '1998-07-01'],
      [null, '女', '13912345678', '第一网格党支部'],
      ['赵四', '未知', '123', '第一网格党支部'],
      ['钱五', '男', null, '不存在的支部'],
      ['孙六', '女', null, '第二网格党支部', '松山小区1号楼党小组', null, null, '2001-13-40'],
      ['周七', '男', null, '离退休党员党支部', null, null, '专职红色网格员'],
      ['吴八', '女', null, '第三网格党支部', null, '第九网格'],
    ]);
    const dry = await upload('party-members', file, 'DRY_RUN');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ mode: 'DRY_RUN', rows: 7, valid: 1, written: 0 });
    expect(dry.body.problems).toEqual([
      { row: 3, column: '姓名', reason: '必填' },
      { row: 4, column: '性别', reason: expect.stringContaining('“未知”不是可选的值') },
      { row: 4, column: '手机号', reason: '电话号码格式不正确（手机号或带区号的固定电话）' },
      { row: 5, column: '党支部', reason: '没有名为“不存在的支部”的党支部' },
      { row: 6, column: '党小组', reason: '该党小组不属于所选党支部' },
      { row: 6, column: '入党日期', reason: '日期无效' },
      { row: 7, column: '服务网格', reason: '担任网格职责的党员须填写服务网格' },
      { row: 8, column: '服务网格', reason: '没有名为“第九网格”的网格' },
    ]);
    expect(dry.body.problemCount).toBe(8);
    const commit = await upload('party-members', file, 'COMMIT');
    expect(commit.status).toBe(422);
    expect(commit.body).toMatchObject({ mode: 'COMMIT', written: 0, problemCount: 8 });
    expect(await count('party_member')).toBe(before);
  });

  it('a missing column, an empty sheet and a file that is not a workbook are said so', async () => {
    const missing = await upload('buildings', await workbook(['楼栋名称', '户数'], [['新楼', 10]]), 'DRY_RUN');
    expect(missing.body.problems[0]).toEqual({ row: 1, column: '网格', reason: '缺少此列（请使用下载的模板）' });
    const empty = await upload('buildings', await workbook(['楼栋名称', '网格', '户数'], []), 'DRY_RUN');
    expect(empty.body.problems).toEqual([{ row: 2, column: '楼栋名称', reason: '表中没有数据行' }]);
    const junk = await upload('buildings', Buffer.from('not a spreadsheet at all'), 'DRY_RUN');
    expect(junk.status).toBe(400);
    expect(junk.body).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_FORMAT' });
  });

  it('1,000 party members in one file: checked, then written all at once, and counted on the dashboard', async () => {
    const before = await count('party_member');
    const duties = ['', '兼职红色网格员', '专职红色网格员', '无'];
    const rows = Array.from({ length: 1000 }, (_, i) => [
      `导入党员${i}`,
      i % 2 ? '男' : '女',
      `139${String(10000000 + i)}`,
      `第${'一二三四五六七'[i % 7]}网格党支部`,
      null,
      null,
      duties[i % 4] || null,
      new Date(Date.UTC(1990 + (i % 30), i % 12, 1 + (i % 28))),
    ]);
    const file = await workbook(MEMBER_HEADERS, rows);
    const dry = await upload('party-members', file, 'DRY_RUN');
    expect(dry.body).toMatchObject({ rows: 1000, valid: 1000, problemCount: 0, written: 0 });
    expect(await count('party_member')).toBe(before);
    const commit = await upload('party-members', file, 'COMMIT');
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ rows: 1000, written: 1000, problemCount: 0 });
    expect(await count('party_member')).toBe(before + 1000);
    const [row] = await s.sql(`SELECT gender, phone, grid_duty, joined_party_on::text AS joined, g.name AS grid FROM party_member m JOIN grid g ON g.id = m.grid_id WHERE m.name = '导入党员6'`);
    expect(row).toEqual({ gender: 'FEMALE', phone: '13910000006', grid_duty: 'FULL_TIME', joined: '1996-07-07', grid: '第七网格' });
    const r = await s.gql(`{ dashboard { community { members } } }`, {}, token);
    expect(r.data.dashboard.community.members).toBe(285 + 1000);
  });

  it('buildings: names unique in the alliance and in the file; all or nothing', async () => {
    const before = await count('building');
    const bad = await workbook(['楼栋名称', '网格', '户数'], [
      ['导入小区1号楼', '第一网格', 40],
      ['导入小区1号楼', '第一网格', 41],
      ['松山小区1号楼', '第一网格', 10],
      ['导入小区2号楼', '第一网格', -3],
    ]);
    const r = await upload('buildings', bad, 'COMMIT');
    expect(r.status).toBe(422);
    expect(r.body.problems).toEqual([
      { row: 3, column: '楼栋名称', reason: '楼栋“导入小区1号楼”在表中重复' },
      { row: 4, column: '楼栋名称', reason: '楼栋“松山小区1号楼”已存在' },
      { row: 5, column: '户数', reason: '数值超出允许范围' },
    ]);
    expect(await count('building')).toBe(before);
    const good = await upload('buildings', await workbook(['网格', '户数', '楼栋名称'], [['第二网格', 40, '导入小区1号楼'], ['第三网格', 36, '导入小区2号楼']]), 'COMMIT');
    expect(good.body).toMatchObject({ written: 2, problemCount: 0 });
    expect(await s.sql(`SELECT b.name, b.households, g.name AS grid FROM building b JOIN grid g ON g.id = b.grid_id WHERE b.name LIKE '导入小区%' ORDER BY b.name`)).toEqual([
      { name: '导入小区1号楼', households: 36 + 4, grid: '第二网格' },
      { name: '导入小区2号楼', households: 36, grid: '第三网格' },
    ]);
  });
});
