import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINISHED_NEED_STATUSES } from '@alliance/shared';
import { startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { DAY, driveTo, expectError, M, needCount, ok, Q, reportInput, snapshot, world, type World } from './need-helpers.js';

let s: TestServer;
let w: World;
let allianceId: string;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
  [{ alliance_id: allianceId }] = await s.sql(`SELECT alliance_id FROM grid WHERE id = $1`, [w.grids[0]!.id]);
});
afterAll(() => s?.close());

/** Every node of needs(filter), page by page. */
async function all(c: Client, filter: Record<string, unknown> | null, first = 7) {
  const nodes: any[] = [];
  let after: string | null = null;
  let totalCount = -1;
  // The demo alliance holds its whole history (hundreds of needs): enough pages for all of them.
  for (let page = 0; page < 1000; page++) {
    const r: any = ok(await c(Q.needs, { filter, first, after })).needs;
    totalCount = r.totalCount;
    nodes.push(...r.nodes);
    if (!r.pageInfo.hasNextPage) break;
    after = r.pageInfo.endCursor;
  }
  return { nodes, totalCount };
}

describe('needs: the list', () => {
  it('lists newest reported first, keyset pages without gaps or repeats', async () => {
    for (let i = 0; i < 3; i++) await driveTo(w, 'REPORTED');
    const { nodes, totalCount } = await all(w.viewer, null, 4);
    const expected = await s.sql(`SELECT id FROM need WHERE alliance_id = $1 ORDER BY reported_at DESC, id DESC`, [allianceId]);
    expect(nodes.map((n) => n.id)).toEqual(expected.map((r) => r.id));
    expect(totalCount).toBe(expected.length);
    expect(totalCount).toBeGreaterThanOrEqual(3);
  });

  it('filters by status list, grid, category and literal search in title, description or location', async () => {
    const inGrid2 = await driveTo(w, 'ACCEPTED', { input: { gridId: w.grids[1]!.id, categoryCode: 'ENVIRONMENT_SANITATION', title: '垃圾桶满溢100%无人清运', description: '东侧垃圾桶测试标记甲乙丙已满三天。' } });
    const rejected = await driveTo(w, 'REJECTED', { input: { location: '松山小区7号楼_西侧' } });
    const plain = await driveTo(w, 'REPORTED', { input: { title: '垃圾桶满溢1000次', description: '测试标记甲乙丙' } });

    const statuses = await all(w.committee, { status: ['ACCEPTED', 'REJECTED'] }, 100);
    expect(statuses.nodes.every((n) => ['ACCEPTED', 'REJECTED'].includes(n.status))).toBe(true);
    expect(statuses.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([inGrid2.id, rejected.id]));
    const [{ n: statusCount }] = await s.sql(`SELECT count(*)::int AS n FROM need WHERE alliance_id = $1 AND status IN ('ACCEPTED','REJECTED')`, [allianceId]);
    expect(statuses.totalCount).toBe(statusCount);

    const grid = await all(w.committee, { gridId: w.grids[1]!.id }, 100);
    expect(grid.nodes.map((n) => n.id)).toContain(inGrid2.id);
    const [{ n: gridCount }] = await s.sql(`SELECT count(*)::int AS n FROM need WHERE grid_id = $1`, [w.grids[1]!.id]);
    expect(grid.totalCount).toBe(gridCount);

    const category = await all(w.committee, { categoryCode: 'ENVIRONMENT_SANITATION' }, 100);
    expect(category.nodes.map((n) => n.id)).toContain(inGrid2.id);
    expect(category.nodes.map((n) => n.id)).not.toContain(plain.id);

    // `%` and `_` are data, not wildcards.
    const percent = await all(w.committee, { search: '100%' }, 100);
    expect(percent.nodes.map((n) => n.id)).toEqual([inGrid2.id]);
    const underscore = await all(w.committee, { search: '7号楼_西' }, 100);
    expect(underscore.nodes.map((n) => n.id)).toEqual([rejected.id]);
    const description = await all(w.committee, { search: '测试标记甲乙丙', gridId: w.grids[1]!.id }, 100);
    expect(description.nodes.map((n) => n.id)).toEqual([inGrid2.id]);

    const bothGrids = await all(w.committee, { search: '测试标记甲乙丙' }, 100);
    expect(bothGrids.nodes.map((n) => n.id)).toEqual([plain.id, inGrid2.id]);
    expect(ok(await w.committee(Q.needs, { filter: { status: ['CLOSED'], search: '测试标记甲乙丙' } })).needs.totalCount).toBe(0);
  });

  it('overdue: open and past dueAt, exactly those', async () => {
    const past = new Date(Date.now() - 3 * DAY);
    const late = await driveTo(w, 'PLANNED', { dueAt: past });
    const lateInProgress = await driveTo(w, 'IN_PROGRESS', { dueAt: past });
    const onTime = await driveTo(w, 'PLANNED', { dueAt: new Date(Date.now() + 3 * DAY) });
    const resolvedLate = await driveTo(w, 'RESOLVED', { dueAt: past });
    const closedLate = await driveTo(w, 'CLOSED', { dueAt: past });

    const overdue = await all(w.viewer, { overdue: true }, 100);
    const ids = overdue.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([late.id, lateInProgress.id]));
    for (const n of [onTime, resolvedLate, closedLate]) expect(ids).not.toContain(n.id);
    expect(overdue.nodes.every((n) => n.overdue === true)).toBe(true);
    const expected = await s.sql(
      `SELECT id FROM need WHERE alliance_id = $1 AND status <> ALL($2) AND due_at < now() ORDER BY reported_at DESC, id DESC`,
      [allianceId, FINISHED_NEED_STATUSES],
    );
    expect(ids).toEqual(expected.map((r) => r.id));

    const notOverdue = await all(w.viewer, { overdue: false }, 100);
    expect(notOverdue.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([onTime.id, resolvedLate.id, closedLate.id]));
    expect(notOverdue.nodes.some((n) => n.overdue)).toBe(false);
    const total = ok(await w.viewer(Q.needs, {})).needs.totalCount;
    expect(overdue.totalCount + notOverdue.totalCount).toBe(total);

    // Combined with a status filter.
    const planned = await all(w.viewer, { overdue: true, status: ['PLANNED'] }, 100);
    expect(planned.nodes.map((n) => n.id)).toContain(late.id);
    expect(planned.nodes.map((n) => n.id)).not.toContain(lateInProgress.id);
  });
});

describe('the requester phone', () => {
  it("is clear for the committee and the need's grid workers, masked for everyone else", async () => {
    const need = await driveTo(w, 'REPORTED', { input: { requesterPhone: '13987654321', gridId: w.grids[0]!.id } });
    const expected: [string, Client, string][] = [
      ['committee', w.committee, '13987654321'],
      ['grid1 (same grid)', w.grid1, '13987654321'],
      ['grid2 (other grid)', w.grid2, '139****4321'],
      ['unit1', w.unit1, '139****4321'],
      ['viewer', w.viewer, '139****4321'],
    ];
    for (const [who, c, phone] of expected) {
      expect(ok(await c(Q.need, { id: need.id })).need.requesterPhone, who).toBe(phone);
      const listed = ok(await c(Q.needs, { filter: { search: need.title } })).needs.nodes;
      expect(listed.map((n: any) => n.requesterPhone), who).toEqual([phone]);
    }
    // A landline is masked too.
    const landline = await driveTo(w, 'REPORTED', { input: { requesterPhone: '0470-8212345', gridId: w.grids[1]!.id } });
    expect(ok(await w.grid1(Q.need, { id: landline.id })).need.requesterPhone).toBe('047****2345');
    expect(ok(await w.grid2(Q.need, { id: landline.id })).need.requesterPhone).toBe('0470-8212345');
  });
});

describe('tenant isolation', () => {
  it('the neighbouring alliance can neither see nor act on these needs', async () => {
    const need = await driveTo(w, 'RESOLVED', { claimers: [w.unit1] });
    const accepted = await driveTo(w, 'ACCEPTED');
    expect(ok(await w.nCommittee(Q.need, { id: need.id })).need).toBeNull();
    const theirs = await all(w.nCommittee, null, 100);
    const ours = new Set((await s.sql(`SELECT id FROM need WHERE alliance_id = $1`, [allianceId])).map((r) => r.id));
    expect(theirs.nodes.some((n) => ours.has(n.id))).toBe(false);
    expect((await all(w.nCommittee, { search: need.title }, 100)).totalCount).toBe(0);

    const before = [await snapshot(s, need.id), await snapshot(s, accepted.id)];
    const attempts: [string, Promise<any>][] = [
      ['screen', w.nCommittee(M.screen, { id: accepted.id, accept: true })],
      ['order', w.nCommittee(M.order, { id: accepted.id, ids: [w.neighbourProject] })],
      ['claim', w.nUnit1(M.claim, { id: accepted.id })],
      ['plan', w.nCommittee(M.plan, { id: accepted.id, plan: '方案', dueAt: new Date(Date.now() + DAY).toISOString() })],
      ['assign', w.nCommittee(M.assign, { id: accepted.id, assigneeId: w.userId.nCommittee })],
      ['followUp', w.nCommittee(M.followUp, { id: need.id, satisfaction: 5 })],
    ];
    for (const [what, p] of attempts) {
      const r = await p;
      expect(r.errors?.[0]?.extensions?.code, what).toBe('NOT_FOUND');
    }
    expect([await snapshot(s, need.id), await snapshot(s, accepted.id)]).toEqual(before);

    // Our grid is no grid of theirs.
    const count = await needCount(s);
    expectError(await w.nCommittee(M.report, { input: reportInput(w) }), 'BAD_USER_INPUT', 'gridId');
    expect(await needCount(s)).toBe(count);
  });
});

describe('bad input names the field and writes nothing', () => {
  it('reportNeed', async () => {
    const count = await needCount(s);
    const events = (await s.sql(`SELECT count(*)::int AS n FROM need_event`))[0].n;
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '长'.repeat(101) }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ title: '灯\u0000坏' }, 'title'],
      [{ description: '' }, 'description'],
      [{ requesterName: '   ' }, 'requesterName'],
      [{ requesterPhone: '12345' }, 'requesterPhone'],
      [{ requesterPhone: '1391234567a' }, 'requesterPhone'],
      [{ location: '址'.repeat(201) }, 'location'],
      [{ gridId: 'grid-1' }, 'gridId'],
      [{ gridId: '00000000-0000-4000-8000-000000000000' }, 'gridId'],
      [{ categoryCode: 'NO_SUCH_CATEGORY' }, 'categoryCode'],
    ];
    for (const [extra, field] of cases) {
      expectError(await w.committee(M.report, { input: reportInput(w, extra) }), 'BAD_USER_INPUT', field);
    }
    expect(await needCount(s)).toBe(count);
    expect((await s.sql(`SELECT count(*)::int AS n FROM need_event`))[0].n).toBe(events);
    // 100 characters is fine, and the text is stored trimmed.
    const max = ok(await w.grid1(M.report, { input: reportInput(w, { title: ` ${'长'.repeat(100)} ` }) })).reportNeed;
    expect(max.title).toBe('长'.repeat(100));
  });

  it('transitions and reads', async () => {
    const need = await driveTo(w, 'PLANNED');
    const before = await snapshot(s, need.id);
    const cases: [string, Promise<any>, string][] = [
      ['need(id)', w.committee(Q.need, { id: 'nope' }), 'id'],
      ['screen id', w.committee(M.screen, { id: '123', accept: true }), 'id'],
      ['order id', w.committee(M.order, { id: 'x', ids: [] }), 'id'],
      ['claim id', w.unit1(M.claim, { id: 'x' }), 'id'],
      ['assign assigneeId', w.committee(M.assign, { id: need.id, assigneeId: 'someone' }), 'assigneeId'],
      ['plan text', w.committee(M.plan, { id: need.id, plan: '  ', dueAt: new Date().toISOString() }), 'plan'],
      ['resolve text', w.grid1(M.resolve, { id: need.id, resolution: '' }), 'resolution'],
      ['comment too long', w.committee(M.screen, { id: need.id, accept: true, comment: '长'.repeat(1001) }), 'comment'],
      ['filter.gridId', w.committee(Q.needs, { filter: { gridId: 'g1' } }), 'filter.gridId'],
      ['first 0', w.committee(Q.needs, { first: 0 }), 'first'],
      ['first 101', w.committee(Q.needs, { first: 101 }), 'first'],
      ['cursor', w.committee(Q.needs, { after: 'not-a-cursor' }), 'after'],
      ['search too long', w.committee(Q.needs, { filter: { search: '长'.repeat(101) } }), 'search'],
    ];
    for (const [what, p, field] of cases) {
      const r = await p;
      expect(r.errors?.[0]?.extensions?.code, what).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.extensions?.field, what).toBe(field);
    }
    expect(await snapshot(s, need.id)).toEqual(before);
    // An id of the right shape that does not exist: null / NOT_FOUND.
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(ok(await w.committee(Q.need, { id: missing })).need).toBeNull();
    expectError(await w.committee(M.screen, { id: missing, accept: true }), 'NOT_FOUND');
  });
});
