import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEED_CORRECTIONS, NEED_LIFECYCLE } from '@alliance/shared';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { DAY, driveTo, expectError, M, MV, ok, snapshot, world, type World } from './need-helpers.js';

let s: TestServer;
let w: World;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
  // This file drives many needs through a claim by the same unit: the cap on open claims is another test's subject.
  await s.sql(`UPDATE alliance SET max_open_claims = 100`);
});
afterAll(() => s?.close());

const ahead = (days = 3) => new Date(Date.now() + days * DAY).toISOString();
const audits = (needId: string, action: string) =>
  s.sql(`SELECT summary FROM audit_entry WHERE subject_type = 'NEED' AND subject_id = $1 AND action = $2 ORDER BY at`, [needId, action]);
const projectsOf = async (needId: string) => (await s.sql(`SELECT shelf_project_id FROM need_project WHERE need_id = $1`, [needId])).map((r) => r.shelf_project_id);

describe('re-plan (调整方案)', () => {
  it('from PLANNED and from IN_PROGRESS: a new plan and due date, the status kept, an event with the reason and what it replaced, audited', async () => {
    for (const status of ['PLANNED', 'IN_PROGRESS'] as const) {
      const need = await driveTo(w, status);
      const due = ahead(10);
      const r = ok(await w.committee(M.replan, { id: need.id, version: need.version, plan: '  改为整体更换线路  ', dueAt: due, reason: '  灯具缺货  ' })).replanNeed;
      expect(r).toMatchObject({ status, plan: '改为整体更换线路', dueAt: due, version: need.version + 1 });
      const event = r.history.at(-1);
      expect(event).toMatchObject({ from: status, to: status, actor: { username: 'committee' } });
      expect(event.comment).toMatch(/^灯具缺货\n原方案：联系供电服务站更换灯具\n原办结时限：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(r.history).toHaveLength(need.history.length + 1);
      const [entry] = await audits(need.id, 'NEED_REPLAN');
      expect(entry.summary).toMatchObject({
        reason: '灯具缺货',
        before: { status, plan: '联系供电服务站更换灯具', dueAt: need.dueAt },
        after: { status, plan: '改为整体更换线路', dueAt: due },
      });
      expect(await snapshot(s, need.id)).toMatchObject({ status, plan: '改为整体更换线路', version: need.version + 1 });
    }
  });
});

describe('re-plan of one part (新方案 or 新时限, docs/adoption.md: "new plan and/or due date")', () => {
  const PART = `mutation($id: ID!, $version: Int!, $plan: String, $dueAt: DateTime, $reason: String!) {
    replanNeed(id: $id, version: $version, plan: $plan, dueAt: $dueAt, reason: $reason) { status plan dueAt version history { comment } } }`;

  it("an overdue need's plan changes without a new date; only the plan is in the history and the log", async () => {
    const need = await driveTo(w, 'IN_PROGRESS');
    await s.sql(`UPDATE need SET due_at = now() - interval '2 days' WHERE id = $1`, [need.id]);
    const [{ due_at: past }] = await s.sql(`SELECT due_at FROM need WHERE id = $1`, [need.id]);
    const r = ok(await w.committee(PART, { id: need.id, version: need.version, plan: '改由物业电工维修', reason: '供电站人手不足' })).replanNeed;
    expect(r).toMatchObject({ status: 'IN_PROGRESS', plan: '改由物业电工维修', dueAt: new Date(past).toISOString(), version: need.version + 1 });
    expect(r.history.at(-1).comment).toBe('供电站人手不足\n原方案：联系供电服务站更换灯具');
    const [entry] = await audits(need.id, 'NEED_REPLAN');
    expect(entry.summary.before).toEqual({ status: 'IN_PROGRESS', plan: '联系供电服务站更换灯具' });
    expect(entry.summary.after).toEqual({ status: 'IN_PROGRESS', plan: '改由物业电工维修' });
  });

  it('a new due date alone keeps the plan', async () => {
    const need = await driveTo(w, 'PLANNED');
    const due = ahead(20);
    const r = ok(await w.committee(PART, { id: need.id, version: need.version, dueAt: due, reason: '居民外出' })).replanNeed;
    expect(r).toMatchObject({ plan: '联系供电服务站更换灯具', dueAt: due });
    expect(r.history.at(-1).comment).toMatch(/^居民外出\n原办结时限：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const [entry] = await audits(need.id, 'NEED_REPLAN');
    expect(Object.keys(entry.summary.after).sort()).toEqual(['dueAt', 'status']);
  });

  it('neither a plan nor a due date: BAD_USER_INPUT naming plan, nothing written', async () => {
    const need = await driveTo(w, 'PLANNED');
    const before = await snapshot(s, need.id);
    expectError(await w.committee(PART, { id: need.id, version: need.version, plan: null, dueAt: null, reason: '无' }), 'BAD_USER_INPUT', 'plan');
    expectError(await w.committee(PART, { id: need.id, version: need.version, reason: '无' }), 'BAD_USER_INPUT', 'plan');
    expectError(await w.committee(PART, { id: need.id, version: need.version, plan: '   ', reason: '无' }), 'BAD_USER_INPUT', 'plan');
    expect(await snapshot(s, need.id)).toEqual(before);
  });
});

describe('reassign (改派)', () => {
  it('IN_PROGRESS: another assignee, the same rules as assign; the new one resolves, the old one no longer may', async () => {
    const need = await driveTo(w, 'IN_PROGRESS');
    expect(need.assignee.username).toBe('grid1');
    const before = await snapshot(s, need.id);
    for (const assigneeId of [w.userId.viewer, w.userId.nCommittee, '00000000-0000-4000-8000-000000000000', 'nope']) {
      expectError(await w.committee(M.reassign, { id: need.id, version: need.version, assigneeId, reason: '改派' }), 'BAD_USER_INPUT', 'assigneeId');
      expect(await snapshot(s, need.id)).toEqual(before);
    }
    const r = ok(await w.committee(M.reassign, { id: need.id, version: need.version, assigneeId: w.userId.unit2, reason: '网格员休假' })).reassignNeed;
    expect(r).toMatchObject({ status: 'IN_PROGRESS', assignee: { id: w.userId.unit2, username: 'unit2' }, version: need.version + 1 });
    expect(r.history.at(-1)).toMatchObject({ from: 'IN_PROGRESS', to: 'IN_PROGRESS', actor: { username: 'committee' } });
    expect(r.history.at(-1).comment).toMatch(/^网格员休假\n原责任人：.+\n新责任人：.+$/);
    const [entry] = await audits(need.id, 'NEED_REASSIGN');
    expect(entry.summary).toMatchObject({ reason: '网格员休假', before: { assigneeId: w.userId.grid1 }, after: { assigneeId: w.userId.unit2 } });

    expectError(await w.grid1(M.resolve, { id: need.id, resolution: '已处理' }), 'FORBIDDEN');
    expect(ok(await w.unit2(M.resolve, { id: need.id, resolution: '已处理' })).resolveNeed.status).toBe('RESOLVED');
  });
});

describe('withdraw an order (撤回派单)', () => {
  it('ORDERED and PLANNED -> ACCEPTED: the orders, plan and due date cleared, the history keeps them, claims stay', async () => {
    for (const status of ['ORDERED', 'PLANNED'] as const) {
      const projects = [w.onShelf[0]!, w.onShelf[1]!];
      const need = await driveTo(w, status, { projects: projects.map((p) => p.id), claimers: [w.unit1] });
      expect((await projectsOf(need.id)).sort()).toEqual(projects.map((p) => p.id).sort());
      const r = ok(await w.committee(M.withdrawOrder, { id: need.id, version: need.version, reason: '项目单位无法承接' })).withdrawNeedOrder;
      expect(r).toMatchObject({ status: 'ACCEPTED', plan: null, dueAt: null, orderedProjects: [], version: need.version + 1 });
      expect(r.claimedBy.map((u: any) => u.id)).toEqual([w.unitId.unit1]);
      expect(await projectsOf(need.id)).toEqual([]);
      const event = r.history.at(-1);
      expect(event).toMatchObject({ from: status, to: 'ACCEPTED', actor: { username: 'committee' } });
      const titles = await s.sql(`SELECT title FROM shelf_project WHERE id = ANY($1) ORDER BY title`, [projects.map((p) => p.id)]);
      const lines = event.comment.split('\n');
      expect(lines[0]).toBe('项目单位无法承接');
      expect(lines[1]).toMatch(/^原派单项目：/);
      for (const { title } of titles) expect(lines[1]).toContain(title);
      if (status === 'PLANNED') {
        expect(lines.slice(2, 3)).toEqual(['原方案：联系供电服务站更换灯具']);
        expect(lines[3]).toMatch(/^原办结时限：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      } else {
        expect(lines).toHaveLength(2);
      }
      const [entry] = await audits(need.id, 'NEED_WITHDRAW_ORDER');
      expect(entry.summary.reason).toBe('项目单位无法承接');
      expect(entry.summary.before.status).toBe(status);
      expect(entry.summary.before.projects.map((p: any) => p.id).sort()).toEqual(projects.map((p) => p.id).sort());
      expect(entry.summary.after).toEqual({ status: 'ACCEPTED', projects: [], plan: null, dueAt: null });
      const row = await snapshot(s, need.id);
      expect(row).toMatchObject({ status: 'ACCEPTED', plan: null, due_at: null, projects: 0, claims: 1 });

      // Ordered anew, the loop goes on.
      expect(ok(await w.committee(M.order, { id: need.id, ids: [w.onShelf[2]!.id] })).orderNeed.status).toBe('ORDERED');
    }
  });
});

describe('the audit log keeps no resident phone', () => {
  it("a decision's summary masks the resident's phone in the title, plan and reason", async () => {
    const phone = '13955556666';
    const need = await driveTo(w, 'PLANNED', { input: { title: `${phone}来电：楼道灯坏了`, requesterPhone: phone } });
    ok(await w.committee(M.replan, { id: need.id, version: need.version, plan: `回电${phone}后上门`, dueAt: ahead(4), reason: `居民（139 5555 6666）要求改期` }));
    const entries = await s.sql(`SELECT action, summary::text AS summary FROM audit_entry WHERE subject_type = 'NEED' AND subject_id = $1 ORDER BY at`, [need.id]);
    expect(entries.map((e) => e.action)).toEqual(['NEED_ACCEPT', 'NEED_ORDER', 'NEED_PLAN', 'NEED_REPLAN']);
    for (const e of entries) {
      expect(e.summary, e.action).not.toContain(phone);
      expect(e.summary, e.action).toContain('139****6666');
    }
    expect(entries.at(-1).summary).not.toContain('139 5555 6666');
    // The need itself keeps the texts as written.
    expect((await snapshot(s, need.id)).plan).toBe(`回电${phone}后上门`);
  });
});

describe('reopen a rejected need (重新受理)', () => {
  it('REJECTED -> REPORTED with a reason, then screened again', async () => {
    const need = await driveTo(w, 'REJECTED');
    const r = ok(await w.committee(M.reopen, { id: need.id, version: need.version, reason: '居民补充了材料' })).reopenNeed;
    expect(r).toMatchObject({ status: 'REPORTED', version: need.version + 1 });
    expect(r.history.at(-1)).toMatchObject({ from: 'REJECTED', to: 'REPORTED', comment: '居民补充了材料', actor: { username: 'committee' } });
    expect((await audits(need.id, 'NEED_REOPEN')).map((a) => a.summary)).toEqual([
      { title: need.title, reason: '居民补充了材料', before: { status: 'REJECTED' }, after: { status: 'REPORTED' } },
    ]);
    expect(ok(await w.committee(M.screen, { id: need.id, accept: true })).screenNeed.status).toBe('ACCEPTED');
  });
});

/** Each correction, from a status it is legal in, with the version given. */
const CORRECTION: Record<string, { from: 'PLANNED' | 'IN_PROGRESS' | 'ORDERED' | 'REJECTED'; send: (c: Client, need: any, extra?: Record<string, unknown>) => Promise<any> }> = {
  replan: { from: 'IN_PROGRESS', send: (c, n, x) => c(M.replan, { id: n.id, version: n.version, plan: '新方案', dueAt: ahead(), reason: '调整', ...x }) },
  reassign: { from: 'IN_PROGRESS', send: (c, n, x) => c(M.reassign, { id: n.id, version: n.version, assigneeId: w.userId.grid2, reason: '改派', ...x }) },
  withdrawOrder: { from: 'PLANNED', send: (c, n, x) => c(M.withdrawOrder, { id: n.id, version: n.version, reason: '撤回', ...x }) },
  reopen: { from: 'REJECTED', send: (c, n, x) => c(M.reopen, { id: n.id, version: n.version, reason: '重新受理', ...x }) },
};

describe('corrections: the committee only, a reason always', () => {
  it('the table covers every correction of NEED_LIFECYCLE, each the committee\'s alone', () => {
    expect(Object.keys(CORRECTION).sort()).toEqual([...NEED_CORRECTIONS].sort());
    for (const a of NEED_CORRECTIONS) expect(NEED_LIFECYCLE[a].roles).toEqual({ COMMITTEE_ADMIN: 'any' });
  });

  it('every other role, the assignee and the grid\'s worker included: FORBIDDEN, nothing written', async () => {
    for (const [action, c] of Object.entries(CORRECTION)) {
      // Assigned to unit1, in grid1's grid, claimed by unit1: every relation a non-committee caller can have.
      const need = await driveTo(w, c.from, { claimers: [w.unit1], assignee: { client: w.unit1, id: w.userId.unit1 } });
      const before = await snapshot(s, need.id);
      for (const [who, client] of [['unit1 (assignee, claimer)', w.unit1], ['unit2', w.unit2], ['grid1 (the grid)', w.grid1], ['grid2', w.grid2], ['viewer', w.viewer]] as const) {
        const r = await c.send(client, need);
        expect(codeOf(r), `${action} by ${who}`).toBe('FORBIDDEN');
        expect(await snapshot(s, need.id), `${action} by ${who}`).toEqual(before);
      }
      // Another alliance's committee does not find it.
      expect(codeOf(await c.send(w.nCommittee, need)), `${action} by n-committee`).toBe('NOT_FOUND');
      expect(await snapshot(s, need.id)).toEqual(before);
      ok(await c.send(w.committee, need));
    }
  });

  it('a reason blank or too long: BAD_USER_INPUT naming `reason`; none at all: refused by the schema; nothing written', async () => {
    for (const [action, c] of Object.entries(CORRECTION)) {
      const need = await driveTo(w, c.from);
      const before = await snapshot(s, need.id);
      for (const reason of ['', '   ', '\n\t', '长'.repeat(1001)]) {
        expectError(await c.send(w.committee, need, { reason }), 'BAD_USER_INPUT', 'reason');
        expect(await snapshot(s, need.id), `${action} reason ${JSON.stringify(reason)}`).toEqual(before);
      }
      for (const reason of [null, undefined]) {
        expect(codeOf(await c.send(w.committee, need, { reason })), `${action} reason ${reason}`).toBe('BAD_USER_INPUT');
        expect(await snapshot(s, need.id)).toEqual(before);
      }
      // The longest reason allowed is taken.
      ok(await c.send(w.committee, need, { reason: '长'.repeat(1000) }));
    }
  });
});

describe('version: a stale one is CONFLICT and writes nothing', () => {
  /** Every need mutation, with the version to send, from a status it is legal in. */
  const ALL: [string, 'ACCEPTED' | 'REPORTED' | 'ORDERED' | 'PLANNED' | 'IN_PROGRESS' | 'RESOLVED' | 'REJECTED', (need: any, version: number | null) => Promise<any>][] = [
    ['screenNeed', 'REPORTED', (n, version) => w.committee(MV.screen, { id: n.id, accept: true, version })],
    ['orderNeed', 'ACCEPTED', (n, version) => w.committee(MV.order, { id: n.id, ids: [w.onShelf[0]!.id], version })],
    ['claimNeed', 'ACCEPTED', (n, version) => w.unit2(MV.claim, { id: n.id, version })],
    ['planNeed', 'ORDERED', (n, version) => w.committee(MV.plan, { id: n.id, plan: '方案', dueAt: ahead(), version })],
    ['assignNeed', 'PLANNED', (n, version) => w.committee(MV.assign, { id: n.id, assigneeId: w.userId.grid2, version })],
    ['resolveNeed', 'IN_PROGRESS', (n, version) => w.grid1(MV.resolve, { id: n.id, resolution: '已处理', version })],
    ['followUpNeed', 'RESOLVED', (n, version) => w.committee(MV.followUp, { id: n.id, satisfaction: 4, version })],
    ['replanNeed', 'PLANNED', (n, version) => CORRECTION.replan!.send(w.committee, n, { version })],
    ['reassignNeed', 'IN_PROGRESS', (n, version) => CORRECTION.reassign!.send(w.committee, n, { version })],
    ['withdrawNeedOrder', 'ORDERED', (n, version) => CORRECTION.withdrawOrder!.send(w.committee, n, { version })],
    ['reopenNeed', 'REJECTED', (n, version) => CORRECTION.reopen!.send(w.committee, n, { version })],
  ];

  it('every need mutation: an older or a newer version is CONFLICT saying to reload; no change, no event, no audit entry', async () => {
    for (const [name, status, send] of ALL) {
      const need = await driveTo(w, status);
      const before = await snapshot(s, need.id);
      expect(before.version).toBe(need.version);
      for (const version of [need.version - 1, need.version + 1, 0]) {
        const r = await send(need, version);
        expectError(r, 'CONFLICT');
        expect(r.errors[0].message, name).toMatch(/changed.*reload/);
        expect(await snapshot(s, need.id), `${name} version ${version}`).toEqual(before);
      }
      // The version read: taken, and the version moves on by one.
      const r = ok(await send(need, need.version));
      expect((Object.values(r)[0] as any).version, name).toBe(need.version + 1);
      const after = await snapshot(s, need.id);
      expect(after.version).toBe(need.version + 1);
      expect(after.events).toBe(before.events + 1);
    }
  });

  it('a version read before someone else\'s step is stale: the second of two committee members is told to reload', async () => {
    const need = await driveTo(w, 'PLANNED');
    ok(await w.committee(M.replan, { id: need.id, version: need.version, plan: '第一位的方案', dueAt: ahead(5), reason: '调整' }));
    const after = await snapshot(s, need.id);
    expectError(await w.committee(M.replan, { id: need.id, version: need.version, plan: '第二位的方案', dueAt: ahead(6), reason: '调整' }), 'CONFLICT');
    expect(await snapshot(s, need.id)).toEqual(after);
    expect(after.plan).toBe('第一位的方案');
  });

  it('the loop\'s steps without a version (or with null) are taken as before', async () => {
    for (const [name, status, send] of ALL.slice(0, 7)) {
      const need = await driveTo(w, status);
      const r = ok(await send(need, null));
      expect((Object.values(r)[0] as any).version, name).toBe(need.version + 1);
    }
  });
});

describe('due dates lie ahead', () => {
  it('planNeed and replanNeed refuse a due date now or past: BAD_USER_INPUT naming dueAt (NOT_IN_FUTURE), nothing written', async () => {
    const ordered = await driveTo(w, 'ORDERED');
    const planned = await driveTo(w, 'PLANNED');
    for (const dueAt of [new Date(Date.now() - DAY).toISOString(), new Date(Date.now() - 1000).toISOString(), '2020-01-01T00:00:00+08:00']) {
      const tries: [any, Promise<any>][] = [
        [ordered, w.committee(M.plan, { id: ordered.id, plan: '方案', dueAt })],
        [planned, w.committee(M.replan, { id: planned.id, version: planned.version, plan: '方案', dueAt, reason: '调整' })],
      ];
      for (const [need, p] of tries) {
        const before = await snapshot(s, need.id);
        const r = await p;
        expectError(r, 'BAD_USER_INPUT', 'dueAt');
        expect(r.errors[0].extensions.reason).toBe('NOT_IN_FUTURE');
        expect(await snapshot(s, need.id)).toEqual(before);
      }
    }
    const soon = new Date(Date.now() + 60_000).toISOString();
    expect(ok(await w.committee(M.plan, { id: ordered.id, plan: '方案', dueAt: soon })).planNeed.dueAt).toBe(soon);
  });
});
