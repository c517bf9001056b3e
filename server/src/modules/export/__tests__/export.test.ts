import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { BOOKING_STATUS_LABELS, localParts } from '@alliance/shared';
import { startTestServer, type GqlResult, type TestServer } from '../../../testing/test-server.js';

let s: TestServer;
let base: string;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  s = await startTestServer();
  base = s.url.replace(/\/graphql$/, '/export');
  for (const who of ['committee', 'viewer', 'unit1', 'grid1']) tokens[who] = await s.login(who);
});
afterAll(() => s?.close());

async function download(path: string, who: string | null = 'committee') {
  const res = await fetch(`${base}/${path}`, { headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });
  return res;
}

/** The downloaded workbook, read back the way a user's Excel would. */
async function workbook(path: string, who = 'committee'): Promise<ExcelJS.Workbook> {
  const res = await download(path, who);
  expect(res.status, `${path} as ${who}: ${res.status === 200 ? '' : await res.clone().text()}`).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : v);
/** A sheet as rows of header → value. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const headers = (sheet.getRow(1).values as string[]).slice(1);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, text(row.getCell(i + 1).value)])));
  });
  return rows;
}

/** Every node of a list as the API answers it, page by page. */
async function all(who: string, field: string, args: string, vars: string, fields: string, variables: Record<string, unknown>) {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GqlResult = await s.gql(`query(${vars}$after: String) { ${field}(${args}first: 100, after: $after) { nodes { ${fields} } pageInfo { endCursor hasNextPage } totalCount } }`, { ...variables, after }, tokens[who]);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    nodes.push(...r.data[field].nodes);
    if (!r.data[field].pageInfo.hasNextPage) return nodes;
    after = r.data[field].pageInfo.endCursor;
  }
}

/** What the sheet shows for an instant: the wall clock in Asia/Shanghai. */
function local(iso: string | null): string | null {
  if (!iso) return null;
  const p = localParts(new Date(iso));
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute)).toISOString();
}

describe('Excel exports of the list screens', () => {
  it('needs: the screen\'s filter, Chinese headers, local times, frozen header, auto-filter, and each role\'s masking in every row', async () => {
    const filter = { status: ['IN_PROGRESS', 'RESOLVED', 'CLOSED', 'PLANNED'] };
    for (const who of ['committee', 'viewer', 'unit1', 'grid1']) {
      const wb = await workbook(`needs.xlsx?filter=${encodeURIComponent(JSON.stringify(filter))}`, who);
      const sheet = wb.worksheets[0]!;
      expect(sheet.name).toBe('民生微实事');
      expect((sheet.getRow(1).values as string[]).slice(1, 17)).toEqual([
        '编号', '上报日期', '网格', '楼栋/地址', '群众姓名', '联系电话', '诉求内容', '类别', '当前环节', '派单项目', '承办单位', '责任人', '办结时限', '办结日期', '满意度', '是否逾期',
      ]);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getColumn(1).width).toBeGreaterThan(10);
      const api = await all(who, 'needs', 'filter: $filter, ', '$filter: NeedFilter, ', 'id title requesterName requesterPhone reportedAt resolvedAt satisfaction status history { to }', { filter });
      const rows = rowsOf(sheet);
      expect(rows.length, who).toBe(api.length);
      expect(rows.length).toBeGreaterThan(5);
      rows.forEach((row, i) => {
        const n = api[i];
        expect(row['编号']).toBe(n.id);
        expect(row['诉求内容']).toBe(n.title);
        expect(row['群众姓名'], who).toBe(n.requesterName);
        expect(row['联系电话'], who).toBe(n.requesterPhone);
        expect(row['上报日期']).toBe(local(n.reportedAt));
        expect(row['办结日期']).toBe(local(n.resolvedAt));
        expect(row['满意度']).toBe(n.satisfaction);
        expect(String(row['办理经过']).split('\n')).toHaveLength(n.history.length);
      });
      const phones = rows.map((r) => String(r['联系电话']));
      if (who === 'viewer') expect(phones.every((p) => p.includes('*'))).toBe(true);
      if (who === 'committee') expect(phones.some((p) => /^1\d{10}$/.test(p))).toBe(true);
    }
  }, 180_000);

  it('every other list screen: its rows, in its order, as the API gives them to the caller', async () => {
    const units = await all('viewer', 'memberUnits', 'filter: $filter, ', '$filter: MemberUnitFilter, ', 'id name contactPhone agreementStatus', { filter: { status: 'ACTIVE' } });
    const u = rowsOf((await workbook(`units.xlsx?filter=${encodeURIComponent(JSON.stringify({ status: 'ACTIVE' }))}`, 'viewer')).worksheets[0]!);
    expect(u.map((r) => [r['单位名称'], r['联系电话']])).toEqual(units.map((n) => [n.name, n.contactPhone]));
    expect(u.some((r) => r['协议状态'] === '协议有效')).toBe(true);

    const projects = await all('unit1', 'shelfProjects', 'filter: $filter, ', '$filter: ShelfProjectFilter, ', 'title unit { name }', { filter: { status: 'ON_SHELF' } });
    const p = rowsOf((await workbook(`shelf-projects.xlsx?filter=${encodeURIComponent(JSON.stringify({ status: 'ON_SHELF' }))}`, 'unit1')).worksheets[0]!);
    expect(p.map((r) => [r['项目名称'], r['提供单位'], r['状态']])).toEqual(projects.map((n) => [n.title, n.unit.name, '已上架']));

    const activities = await all('committee', 'activities', 'filter: $filter, ', '$filter: ActivityFilter, ', 'title outcome { participants } signups { status }', { filter: { status: ['COMPLETED'] } });
    const a = rowsOf((await workbook(`activities.xlsx?filter=${encodeURIComponent(JSON.stringify({ status: ['COMPLETED'] }))}`)).worksheets[0]!);
    expect(a.map((r) => [r['活动名称'], r['参与人数']])).toEqual(activities.map((n) => [n.title, n.outcome?.participants ?? null]));
    expect(a.length).toBeGreaterThan(0);

    const [unit] = await all('committee', 'memberUnits', '', '', 'id', {});
    const points = await all('committee', 'pointsLedger', 'unitId: $unitId, ', '$unitId: ID!, ', 'points earnedAt', { unitId: unit.id });
    const pt = rowsOf((await workbook(`points.xlsx?unitId=${unit.id}`)).worksheets[0]!);
    expect(pt.map((r) => [r['分值'], r['日期']])).toEqual(points.map((n) => [n.points, local(n.earnedAt)]));

    for (const who of ['committee', 'viewer']) {
      const members = await all(who, 'partyMembers', 'filter: $filter, ', '$filter: PartyMemberFilter, ', 'name phone', { filter: { status: 'ACTIVE' } });
      const m = rowsOf((await workbook(`party-members.xlsx?filter=${encodeURIComponent(JSON.stringify({ status: 'ACTIVE' }))}`, who)).worksheets[0]!);
      expect(m.map((r) => [r['姓名'], r['手机号']]), who).toEqual(members.map((n) => [n.name, n.phone]));
      expect(m.length).toBeGreaterThan(0);
      if (who === 'viewer') expect(m.every((r) => String(r['姓名']).includes('*'))).toBe(true);
    }
  }, 120_000);

  it('bookings: the 错时约办 screen\'s from, to and unitId; each role\'s masking in every row', async () => {
    const [{ day }] = await s.sql<{ day: string }>(
      `SELECT to_char(sl.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day FROM booking b JOIN service_slot sl ON sl.id = b.slot_id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const shift = (d: number) => new Date(Date.parse(`${day}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [shift(-20), shift(20)];
    const fields = 'residentName residentPhone location status slot { startsAt offHours project { title unit { id name } } }';
    const list = async (who: string, unitId?: string) => {
      const r = await s.gql(`query($from: Date!, $to: Date!, $unitId: ID) { unitBookings(from: $from, to: $to, unitId: $unitId) { ${fields} } }`, { from, to, unitId }, tokens[who]);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data.unitBookings as any[];
    };
    const STATUS = BOOKING_STATUS_LABELS['zh-CN'] as Record<string, string>;
    const rowsFor = async (who: string, unitId?: string) => {
      const wb = await workbook(`bookings.xlsx?from=${from}&to=${to}${unitId ? `&unitId=${unitId}` : ''}`, who);
      const sheet = wb.worksheets[0]!;
      expect(sheet.name).toBe('错时约办');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      return rowsOf(sheet);
    };
    const same = (rows: Record<string, unknown>[], api: any[], who: string) => {
      expect(rows.length, who).toBe(api.length);
      expect(rows.map((r) => [r['服务时间'], r['服务项目'], r['提供单位'], r['群众姓名'], r['联系电话'], r['楼栋/地址'], r['是否错时'], r['状态']]), who).toEqual(
        api.map((b) => [local(b.slot.startsAt), b.slot.project.title, b.slot.project.unit.name, b.residentName, b.residentPhone, b.location, b.slot.offHours ? '是' : '否', STATUS[b.status]]),
      );
    };
    for (const who of ['committee', 'viewer', 'grid1', 'unit1']) {
      const api = await list(who);
      const rows = await rowsFor(who);
      same(rows, api, who);
      expect(rows.length, who).toBeGreaterThan(0);
      const names = rows.map((r) => String(r['群众姓名']));
      if (who === 'viewer') expect(names.every((n) => n.includes('*'))).toBe(true);
      if (who === 'committee') expect(names.some((n) => !n.includes('*'))).toBe(true);
    }
    // One unit named, as the screen's unit picker does: not the unit admin's own, who is refused it.
    const mine = (await list('unit1'))[0].slot.project.unit.id as string;
    const other = (await list('committee')).find((b) => b.slot.project.unit.id !== mine).slot.project.unit;
    const one = await rowsFor('committee', other.id);
    same(one, await list('committee', other.id), 'committee, one unit');
    expect(new Set(one.map((r) => r['提供单位']))).toEqual(new Set([other.name]));
    // The screen's own refusals: a missing bound is bad input; another unit's bookings are not a unit admin's.
    const missing = await download(`bookings.xlsx?from=${from}`);
    expect([missing.status, ((await missing.json()) as { code: string }).code]).toEqual([400, 'BAD_USER_INPUT']);
    const theirs = await download(`bookings.xlsx?from=${from}&to=${to}&unitId=${other.id}`, 'unit1');
    expect([theirs.status, ((await theirs.json()) as { code: string }).code]).toEqual([403, 'FORBIDDEN']);
  }, 120_000);

  it('a refused request gets JSON with a code (and the field), never a file or a stack trace', async () => {
    const refused = async (path: string, who: string | null, status: number, code: string, field?: string) => {
      const res = await download(path, who);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = (await res.json()) as Record<string, unknown>;
      expect(body.code, path).toBe(code);
      if (field) expect(body.field, path).toBe(field);
      expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+|SELECT|stack/);
    };
    await refused('needs.xlsx', null, 401, 'UNAUTHENTICATED');
    await refused('needs.xlsx?filter=%7Bnot-json', 'committee', 400, 'BAD_USER_INPUT', 'filter');
    await refused(`needs.xlsx?filter=${encodeURIComponent('{"status":["NOPE"]}')}`, 'committee', 400, 'BAD_USER_INPUT');
    await refused(`needs.xlsx?filter=${encodeURIComponent('{"reportedFrom":"2026-05-01","reportedTo":"2026-04-01"}')}`, 'committee', 400, 'BAD_USER_INPUT', 'filter.reportedTo');
    await refused('points.xlsx', 'committee', 400, 'BAD_USER_INPUT');
    tokens.forged = 'not-a-token';
    await refused('needs.xlsx', 'forged', 401, 'UNAUTHENTICATED');
    await refused('ledger.xlsx?month=2026-11', 'unit1', 403, 'FORBIDDEN');
    await refused('ledger.xlsx?month=2026-13', 'committee', 400, 'BAD_USER_INPUT', 'month');
    await refused('nothing.xlsx', 'committee', 404, 'NOT_FOUND');
  });
});

describe('the monthly 台账 workbook', () => {
  it('one sheet per ledger with the street\'s headers; the needs sheet is the month\'s needs as the API gives them', async () => {
    const [{ month }] = await s.sql<{ month: string }>(
      `SELECT to_char(reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month FROM need GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`,
    );
    for (const who of ['committee', 'viewer']) {
      const wb = await workbook(`ledger.xlsx?month=${month}`, who);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['民生微实事台账', '联建活动台账', '积分台账', '共建协议台账', '错时约办台账', '党员承诺台账']);
      const headers = (name: string) => (wb.getWorksheet(name)!.getRow(1).values as string[]).slice(1);
      expect(headers('联建活动台账')).toEqual(['活动名称', '类型', '时间', '地点', '参与单位', '参与人数', '志愿时长', '受益人次', '成效']);
      expect(headers('积分台账')).toEqual(['单位', '来源', '日期', '分值', '说明']);
      expect(headers('共建协议台账')).toEqual(['单位', '签订日期', '有效期至', '状态', '责任事项']);
      expect(headers('民生微实事台账')).toHaveLength(16);

      const [y, m] = month.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const filter = { reportedFrom: `${month}-01`, reportedTo: `${month}-${last}` };
      // Reported in the month, then resolved in it but reported before it.
      const dayBefore = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
      const resolvedEarlier = { resolvedFrom: filter.reportedFrom, resolvedTo: filter.reportedTo, reportedTo: dayBefore };
      const fields = 'id title requesterPhone grid { name }';
      const api = [
        ...(await all(who, 'needs', 'filter: $filter, ', '$filter: NeedFilter, ', fields, { filter })),
        ...(await all(who, 'needs', 'filter: $filter, ', '$filter: NeedFilter, ', fields, { filter: resolvedEarlier })),
      ];
      const needs = rowsOf(wb.getWorksheet('民生微实事台账')!);
      expect(needs.map((n) => n['编号'])).toEqual(api.map((n) => n.id));
      expect(needs.length).toBeGreaterThan(0);
      expect(needs[0]).toMatchObject({ 编号: api[0].id, 诉求内容: api[0].title, 联系电话: api[0].requesterPhone, 网格: api[0].grid.name });

      const bookings = (await s.gql(`query($from: Date!, $to: Date!) { unitBookings(from: $from, to: $to) { residentName residentPhone slot { startsAt } } }`, { from: filter.reportedFrom, to: filter.reportedTo }, tokens[who])).data.unitBookings as any[];
      expect(rowsOf(wb.getWorksheet('错时约办台账')!).map((r) => [r['服务时间'], r['群众姓名'], r['联系电话']])).toEqual(
        bookings.map((b) => [local(b.slot.startsAt), b.residentName, b.residentPhone]),
      );
      expect(bookings.length).toBeGreaterThan(0);

      const units = await all(who, 'memberUnits', '', '', 'name agreement { validUntil }', {});
      const agreements = rowsOf(wb.getWorksheet('共建协议台账')!);
      expect(agreements.map((r) => [r['单位'], String(r['有效期至']).slice(0, 10)])).toEqual(
        units.filter((u) => u.agreement).map((u) => [u.name, u.agreement.validUntil]),
      );
    }
  }, 120_000);

  it("the needs sheet also lists the needs resolved in the month that were reported earlier, each once", async () => {
    // 2017-03 and 2017-04 in Shanghai, where the demo has no needs: fixtures of the states a month can see.
    const [{ alliance_id, grid_id }] = await s.sql(`SELECT a.id AS alliance_id, g.id AS grid_id FROM alliance a JOIN grid g ON g.alliance_id = a.id WHERE a.code = 'songshan' ORDER BY g.sort_order LIMIT 1`);
    const need = async (title: string, status: string, reportedAt: string, resolvedAt: string | null) =>
      (
        await s.sql(
          `INSERT INTO need (alliance_id, grid_id, title, description, requester_name, requester_phone, status, reported_at, resolved_at)
           VALUES ($1, $2, $3, '台账测试', '居民乙', '13912345678', $4, $5, $6) RETURNING id`,
          [alliance_id, grid_id, title, status, reportedAt, resolvedAt],
        )
      )[0].id as string;
    const lastMonthSolvedNow = await need('上月上报本月办结', 'CLOSED', '2017-03-20T10:00:00+08:00', '2017-04-01T00:10:00+08:00');
    const lastMonthSolvedThen = await need('上月上报上月办结', 'RESOLVED', '2017-03-10T10:00:00+08:00', '2017-03-31T23:50:00+08:00');
    const thisMonthSolvedNow = await need('本月上报本月办结', 'CLOSED', '2017-04-02T10:00:00+08:00', '2017-04-20T10:00:00+08:00');
    const thisMonthOpen = await need('本月上报未办结', 'REPORTED', '2017-04-03T10:00:00+08:00', null);
    const listed = async (month: string) => rowsOf((await workbook(`ledger.xlsx?month=${month}`)).getWorksheet('民生微实事台账')!).map((r) => r['编号']);

    const april = await listed('2017-04');
    expect(april.filter((id) => [lastMonthSolvedNow, lastMonthSolvedThen, thisMonthSolvedNow, thisMonthOpen].includes(id as string)).sort()).toEqual(
      [lastMonthSolvedNow, thisMonthSolvedNow, thisMonthOpen].sort(),
    );
    expect(new Set(april).size).toBe(april.length);
    const march = await listed('2017-03');
    expect(march.filter((id) => [lastMonthSolvedNow, lastMonthSolvedThen, thisMonthSolvedNow, thisMonthOpen].includes(id as string)).sort()).toEqual(
      [lastMonthSolvedNow, lastMonthSolvedThen].sort(),
    );
  }, 120_000);
});
