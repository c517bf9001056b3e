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

async function workbook(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sheet1');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(kind: string, body: Buffer, mode: 'DRY_RUN' | 'COMMIT', auth = token) {
  const res = await fetch(`${base}/${kind}?mode=${mode}`, { method: 'POST', headers: { authorization: `Bearer ${auth}` }, body });
  return { status: res.status, body: (await res.json()) as any };
}

async function template(kind: string, auth = token) {
  const res = await fetch(`${base}/${kind}/template`, { headers: { authorization: `Bearer ${auth}` } });
  return res;
}

const UNIT_HEADERS = ['单位名称', '单位类型', '统一社会信用代码', '党组织名称', '党员人数', '联系人', '联系电话', '地址', '加入日期'];
const PROJECT_HEADERS = ['提供单位', '项目名称', '类别', '项目简介', '每月可服务次数', '标签'];

describe('importing member units and shelf projects (the same machinery as the community\'s)', () => {
  it('each template names its columns and its example row is itself a valid row', async () => {
    for (const [kind, headers, file] of [
      ['member-units', UNIT_HEADERS, '成员单位导入模板.xlsx'],
      ['shelf-projects', PROJECT_HEADERS, '货架项目导入模板.xlsx'],
    ] as const) {
      const res = await template(kind);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(encodeURIComponent(file));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const sheet = wb.worksheets[0]!;
      expect((sheet.getRow(1).values as string[]).slice(1).map((h) => h.replace('*', ''))).toEqual(headers);
      const dry = await upload(kind, Buffer.from(await wb.xlsx.writeBuffer()), 'DRY_RUN');
      expect(dry.body, kind).toMatchObject({ rows: 1, valid: 1, problemCount: 0, written: 0 });
    }
  });

  it('only the committee imports or takes a template', async () => {
    const file = await workbook(UNIT_HEADERS, [['某单位', '机关', null, null, 3, '李四', '13912345678']]);
    for (const who of ['unit1', 'grid1', 'viewer']) {
      const t = await s.login(who);
      for (const kind of ['member-units', 'shelf-projects']) {
        const r = await upload(kind, file, 'COMMIT', t);
        expect(r.status, who).toBe(403);
        expect(r.body.code).toBe('FORBIDDEN');
        expect((await template(kind, t)).status).toBe(403);
      }
    }
    expect(await s.sql(`SELECT 1 FROM member_unit WHERE name = '某单位'`)).toEqual([]);
  });

  it('member units: a dry run reports each bad row in Chinese with its row number, a commit with any bad row writes nothing, a clean one writes all, counted on the dashboard at once', async () => {
    const before = await count('member_unit');
    const bad = await workbook(UNIT_HEADERS, [
      ['导入单位甲', '机关', null, '导入单位甲党支部', 5, '王一', '13911112222', '松山路1号', '2024-03-01'],
      ['导入单位甲', '事业单位', null, null, 5, '王二', '13911112223'],
      ['海拉尔区松风小学', '火星单位', 'NOT-A-CODE', null, -1, null, '123'],
      ['导入单位乙', '社会组织', null, null, 2, '王三', '13911112224', null, '2024-02-30'],
    ]);
    const dry = await upload('member-units', bad, 'DRY_RUN');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ mode: 'DRY_RUN', rows: 4, valid: 1, written: 0 });
    expect(dry.body.problems).toEqual([
      { row: 3, column: '单位名称', reason: '单位“导入单位甲”在表中重复' },
      { row: 4, column: '单位名称', reason: '单位“海拉尔区松风小学”已是联盟成员' },
      { row: 4, column: '单位类型', reason: expect.stringContaining('“火星单位”不是可选的值') },
      { row: 4, column: '统一社会信用代码', reason: expect.stringMatching(/信用代码/) },
      { row: 4, column: '党员人数', reason: '数值超出允许范围' },
      { row: 4, column: '联系人', reason: '必填' },
      { row: 4, column: '联系电话', reason: '电话号码格式不正确（手机号或带区号的固定电话）' },
      { row: 5, column: '加入日期', reason: '日期无效' },
    ]);
    const commit = await upload('member-units', bad, 'COMMIT');
    expect(commit.status).toBe(422);
    expect(commit.body).toMatchObject({ written: 0, problemCount: 8 });
    expect(await count('member_unit')).toBe(before);

    const good = await workbook(UNIT_HEADERS, [
      ['导入单位甲', '机关', null, '导入单位甲党支部', 5, '王一', '13911112222', '松山路1号', '2024-03-01'],
      ['导入单位乙', '社会组织', null, null, 2, '王三', '13911112224'],
    ]);
    const units = async () => (await s.gql(`{ dashboard { unitCount } }`, {}, token)).data.dashboard.unitCount as number;
    const shown = await units();
    const ok = await upload('member-units', good, 'COMMIT');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ rows: 2, written: 2, problemCount: 0 });
    expect(await count('member_unit')).toBe(before + 2);
    const r = await s.gql(`{ memberUnits(filter: { search: "导入单位" }) { nodes { name kind status contactPhone joinedAt agreementStatus } } }`, {}, token);
    expect(r.data.memberUnits.nodes).toHaveLength(2);
    expect(r.data.memberUnits.nodes).toEqual(
      expect.arrayContaining([
        { name: '导入单位甲', kind: 'GOVERNMENT_AGENCY', status: 'ACTIVE', contactPhone: '13911112222', joinedAt: '2024-03-01', agreementStatus: 'NONE' },
        expect.objectContaining({ name: '导入单位乙', kind: 'SOCIAL_ORGANIZATION', status: 'ACTIVE' }),
      ]),
    );
    // Created as createMemberUnit creates them, events and all: the dashboard (cached) counts them at once,
    // and the audit log has each unit's joining, phones masked.
    expect(await units()).toBe(shown + 2);
    const logged = await s.sql(
      `SELECT a.summary->'after'->>'name' AS name, a.summary->'after'->>'contactPhone' AS phone FROM audit_entry a JOIN member_unit u ON u.id::text = a.subject_id
        WHERE a.action = 'UNIT_CREATE' AND u.name LIKE '导入单位%'`,
    );
    expect(logged).toHaveLength(2);
    expect(logged).toEqual(
      expect.arrayContaining([
        { name: '导入单位甲', phone: '139****2222' },
        { name: '导入单位乙', phone: '139****2224' },
      ]),
    );
  });

  it('shelf projects: the unit and the category by name, created as drafts of their unit; all or nothing', async () => {
    const before = await count('shelf_project');
    const bad = await workbook(PROJECT_HEADERS, [
      ['海拉尔区松风小学', '导入项目：周末书法课', '党群服务', '周末为社区孩子开书法课', 4, '书法、青少年'],
      ['不存在的单位', '导入项目：义诊', '民生保障', '每月一次义诊'],
      ['松林医院', null, '不存在的类别', null, 'many'],
    ]);
    const dry = await upload('shelf-projects', bad, 'DRY_RUN');
    expect(dry.body.problems).toEqual([
      { row: 3, column: '提供单位', reason: '没有名为“不存在的单位”的成员单位' },
      { row: 4, column: '项目名称', reason: '必填' },
      { row: 4, column: '类别', reason: '没有名为“不存在的类别”的服务类别' },
      { row: 4, column: '项目简介', reason: '必填' },
      { row: 4, column: '每月可服务次数', reason: expect.any(String) },
    ]);
    expect((await upload('shelf-projects', bad, 'COMMIT')).status).toBe(422);
    expect(await count('shelf_project')).toBe(before);

    const ok = await upload('shelf-projects', await workbook(PROJECT_HEADERS, [['海拉尔区松风小学', '导入项目：周末书法课', '党群服务', '周末为社区孩子开书法课', 4, '书法、青少年']]), 'COMMIT');
    expect(ok.body).toMatchObject({ written: 1, problemCount: 0 });
    const unit1 = await s.login('unit1');
    const mine = await s.gql(`{ shelfProjects(filter: { search: "周末书法课" }) { nodes { title status tags capacityPerMonth unit { name } category { code } } } }`, {}, unit1);
    expect(mine.data.shelfProjects.nodes).toEqual([
      { title: '导入项目：周末书法课', status: 'DRAFT', tags: ['书法', '青少年'], capacityPerMonth: 4, unit: { name: '海拉尔区松风小学' }, category: { code: expect.any(String) } },
    ]);
  });
});
