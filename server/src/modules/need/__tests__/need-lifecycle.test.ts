import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEED_LIFECYCLE, type NeedAction, type NeedStatus } from '@alliance/shared';
import { startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { DAY, driveTo, expectError, M, needCount, ok, pointsOf, Q, reportInput, snapshot, world, type World } from './need-helpers.js';

let s: TestServer;
let w: World;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
});
afterAll(() => s?.close());

const versionOf = async (id: string): Promise<number> => (await s.sql(`SELECT version FROM need WHERE id = $1`, [id]))[0].version;
const steps = (need: any) => need.history.map((e: any) => [e.from, e.to, e.actor.username]);

describe('the closed loop, step by step', () => {
  it('reports, accepts, orders, plans, assigns, resolves and closes, each step an event in time order', async () => {
    const project = w.onShelf[0]!;
    const due = new Date(Date.now() + 5 * DAY).toISOString();

    const reported = ok(await w.grid1(M.report, { input: reportInput(w, { title: '  小区东门门禁损坏  ' }) })).reportNeed;
    expect(reported).toMatchObject({ status: 'REPORTED', title: '小区东门门禁损坏', grid: { id: w.grids[0]!.id }, category: { code: 'LIVELIHOOD_SECURITY' } });
    expect(steps(reported)).toEqual([[null, 'REPORTED', 'grid1']]);
    const id = reported.id;

    const accepted = ok(await w.committee(M.screen, { id, accept: true, comment: '属实，受理' })).screenNeed;
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.history.at(-1)).toMatchObject({ from: 'REPORTED', to: 'ACCEPTED', comment: '属实，受理', actor: { username: 'committee' } });

    const ordered = ok(await w.committee(M.order, { id, ids: [project.id], comment: '开单子' })).orderNeed;
    expect(ordered.status).toBe('ORDERED');
    expect(ordered.orderedProjects).toEqual([{ id: project.id, unit: { id: project.unit.id } }]);

    const planned = ok(await w.committee(M.plan, { id, plan: '  周三前更换门禁  ', dueAt: due })).planNeed;
    expect(planned).toMatchObject({ status: 'PLANNED', plan: '周三前更换门禁', dueAt: due });

    const assigned = ok(await w.committee(M.assign, { id, assigneeId: w.userId.grid1 })).assignNeed;
    expect(assigned).toMatchObject({ status: 'IN_PROGRESS', assignee: { id: w.userId.grid1, username: 'grid1' } });

    const resolved = ok(await w.grid1(M.resolve, { id, resolution: '门禁已更换' })).resolveNeed;
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: '门禁已更换' });
    expect(resolved.resolvedAt).not.toBeNull();

    const closed = ok(await w.grid1(M.followUp, { id, satisfaction: 4, comment: '满意' })).followUpNeed;
    expect(closed).toMatchObject({ status: 'CLOSED', satisfaction: 4 });
    expect(closed.followedUpAt).not.toBeNull();

    expect(steps(closed)).toEqual([
      [null, 'REPORTED', 'grid1'],
      ['REPORTED', 'ACCEPTED', 'committee'],
      ['ACCEPTED', 'ORDERED', 'committee'],
      ['ORDERED', 'PLANNED', 'committee'],
      ['PLANNED', 'IN_PROGRESS', 'committee'],
      ['IN_PROGRESS', 'RESOLVED', 'grid1'],
      ['RESOLVED', 'CLOSED', 'grid1'],
    ]);
    const times = closed.history.map((e: any) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // The rows agree with the API: one event per step, version bumped by each.
    const row = await snapshot(s, id);
    expect(row).toMatchObject({ status: 'CLOSED', events: 7, projects: 1, satisfaction: 4 });
    expect(row.version).toBe(closed.version);
    expect(row.resolved_at).not.toBeNull();
    expect(row.followed_up_at).not.toBeNull();
    // need(id) reads the same history.
    expect(steps(ok(await w.viewer(Q.need, { id })).need)).toEqual(steps(closed));
  });

  it('screens out a need with a reason; rejecting without one is bad input and writes nothing', async () => {
    const need = await driveTo(w, 'REPORTED');
    const before = await snapshot(s, need.id);
    for (const comment of [null, '   ']) expectError(await w.committee(M.screen, { id: need.id, accept: false, comment }), 'BAD_USER_INPUT', 'comment');
    expect(await snapshot(s, need.id)).toEqual(before);

    const rejected = ok(await w.committee(M.screen, { id: need.id, accept: false, comment: '属于物业维修范围' })).screenNeed;
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.history.at(-1)).toMatchObject({ from: 'REPORTED', to: 'REJECTED', comment: '属于物业维修范围' });
  });

  it('a committee member reports into any grid', async () => {
    const need = ok(await w.committee(M.report, { input: reportInput(w, { gridId: w.grids[4]!.id, categoryCode: null, location: null }) })).reportNeed;
    expect(need).toMatchObject({ status: 'REPORTED', grid: { id: w.grids[4]!.id }, category: null });
    expect(steps(need)).toEqual([[null, 'REPORTED', 'committee']]);
  });
});

describe('claims (认领)', () => {
  it('a unit claims an ACCEPTED or ORDERED need once; the claim is an event that keeps the status', async () => {
    const need = await driveTo(w, 'ACCEPTED');
    const claimed = ok(await w.unit1(M.claim, { id: need.id })).claimNeed;
    expect(claimed.status).toBe('ACCEPTED');
    expect(claimed.claimedBy.map((u: any) => u.id)).toEqual([w.unitId.unit1]);
    expect(claimed.history.at(-1)).toMatchObject({ from: 'ACCEPTED', to: 'ACCEPTED', actor: { username: 'unit1' }, comment: '海拉尔区松风小学' });
    const [row] = await s.sql(`SELECT unit_id, claimed_by FROM need_claim WHERE need_id = $1`, [need.id]);
    expect(row).toEqual({ unit_id: w.unitId.unit1, claimed_by: w.userId.unit1 });

    // The same unit again: CONFLICT, nothing written.
    const before = await snapshot(s, need.id);
    expectError(await w.unit1(M.claim, { id: need.id }), 'CONFLICT');
    expect(await snapshot(s, need.id)).toEqual(before);

    // With a claim, the committee may order without naming a project.
    const ordered = ok(await w.committee(M.order, { id: need.id, ids: [] })).orderNeed;
    expect(ordered).toMatchObject({ status: 'ORDERED', orderedProjects: [] });

    // Another unit may still claim it while ORDERED.
    const twice = ok(await w.unit2(M.claim, { id: need.id })).claimNeed;
    expect(twice.status).toBe('ORDERED');
    expect(twice.claimedBy.map((u: any) => u.id)).toEqual([w.unitId.unit1, w.unitId.unit2]);
    expect(twice.history.at(-1)).toMatchObject({ from: 'ORDERED', to: 'ORDERED', actor: { username: 'unit2' } });
  });

  it('ordering needs an ON_SHELF project of the alliance, or a claim', async () => {
    const need = await driveTo(w, 'ACCEPTED');
    const before = await snapshot(s, need.id);
    const attempts: [string[], string][] = [
      [[], 'no project and no claim'],
      [[w.offShelf[0]!.id], 'an OFF_SHELF project'],
      [[w.onShelf[0]!.id, w.neighbourProject], "another alliance's project"],
      [['00000000-0000-4000-8000-000000000000'], 'a project that does not exist'],
      [['not-an-id'], 'a malformed id'],
    ];
    for (const [ids, why] of attempts) {
      const r = await w.committee(M.order, { id: need.id, ids });
      expectError(r, 'BAD_USER_INPUT', 'shelfProjectIds');
      expect(await snapshot(s, need.id), why).toEqual(before);
    }
    const ordered = ok(await w.committee(M.order, { id: need.id, ids: [w.onShelf[1]!.id, w.onShelf[2]!.id, w.onShelf[1]!.id] })).orderNeed;
    expect(ordered.orderedProjects.map((p: any) => p.id).sort()).toEqual([w.onShelf[1]!.id, w.onShelf[2]!.id].sort());
  });
});

describe('illegal transitions: CONFLICT, nothing changed', () => {
  it('refuses every action from every status its table row does not list', async () => {
    const statuses: NeedStatus[] = ['REPORTED', 'ACCEPTED', 'REJECTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];
    const needs = Object.fromEntries(await Promise.all(statuses.map(async (st) => [st, await driveTo(w, st)] as const)));
    for (const st of statuses) expect(needs[st].status).toBe(st);

    const attempt: Record<NeedAction, (id: string) => Promise<any>> = {
      accept: (id) => w.committee(M.screen, { id, accept: true }),
      reject: (id) => w.committee(M.screen, { id, accept: false, comment: '不受理' }),
      order: (id) => w.committee(M.order, { id, ids: [w.onShelf[3]!.id] }),
      claim: (id) => w.unit2(M.claim, { id }),
      plan: (id) => w.committee(M.plan, { id, plan: '方案', dueAt: new Date(Date.now() + DAY).toISOString() }),
      assign: (id) => w.committee(M.assign, { id, assigneeId: w.userId.grid2 }),
      // The assignee (grid1) where there is one; before assignment nobody is, so FORBIDDEN.
      resolve: (id) => w.grid1(M.resolve, { id, resolution: '再次处理' }),
      followUp: (id) => w.committee(M.followUp, { id, satisfaction: 4 }),
      // The corrections, each with the version the caller read.
      replan: async (id) => w.committee(M.replan, { id, version: await versionOf(id), plan: '新方案', dueAt: new Date(Date.now() + DAY).toISOString(), reason: '调整' }),
      reassign: async (id) => w.committee(M.reassign, { id, version: await versionOf(id), assigneeId: w.userId.grid2, reason: '改派' }),
      withdrawOrder: async (id) => w.committee(M.withdrawOrder, { id, version: await versionOf(id), reason: '撤回' }),
      reopen: async (id) => w.committee(M.reopen, { id, version: await versionOf(id), reason: '重新受理' }),
      // 核实 (a resident's report, before screening): from any other status CONFLICT, before its own checks.
      verify: (id) => w.committee(`mutation($id: ID!) { verifyResidentNeed(id: $id) { id } }`, { id }),
    };
    let refused = 0;
    for (const action of Object.keys(attempt) as NeedAction[]) {
      for (const st of statuses) {
        if (NEED_LIFECYCLE[action].from.includes(st)) continue;
        const need = needs[st];
        const before = await snapshot(s, need.id);
        const r = await attempt[action](need.id);
        const hasAssignee = ['IN_PROGRESS', 'RESOLVED', 'CLOSED'].includes(st);
        expectError(r, action === 'resolve' && !hasAssignee ? 'FORBIDDEN' : 'CONFLICT');
        expect(await snapshot(s, need.id), `${action} from ${st}`).toEqual(before);
        refused++;
      }
    }
    // 13 actions, each refused from every status outside its row.
    expect(refused).toBe(7 + 7 + 7 + 6 + 7 + 7 + 7 + 7 + 6 + 7 + 6 + 7 + 7);
  });
});

describe('roles: FORBIDDEN, nothing written', () => {
  const refuse = async (need: any, clients: [string, Client][], call: (c: Client) => Promise<any>) => {
    const before = await snapshot(s, need.id);
    for (const [who, c] of clients) {
      const r = await call(c);
      expect(r.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
      expect(await snapshot(s, need.id), who).toEqual(before);
    }
  };

  it('report: committee and grid workers (own grid) only', async () => {
    const count = await needCount(s);
    for (const [who, c, grid] of [
      ['unit1', w.unit1, 0],
      ['viewer', w.viewer, 0],
      ['grid2 into grid1', w.grid2, 0],
      ['grid1 into grid 3', w.grid1, 2],
    ] as const) {
      const r = await c(M.report, { input: reportInput(w, { gridId: w.grids[grid]!.id }) });
      expect(r.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
    expect(await needCount(s)).toBe(count);
    ok(await w.grid2(M.report, { input: reportInput(w, { gridId: w.grids[1]!.id }) }));
    expect(await needCount(s)).toBe(count + 1);
  });

  const others: () => [string, Client][] = () => [
    ['unit1', w.unit1],
    ['grid1', w.grid1],
    ['viewer', w.viewer],
  ];

  it('screen, order, plan, assign: the committee only', async () => {
    const reported = await driveTo(w, 'REPORTED');
    await refuse(reported, others(), (c) => c(M.screen, { id: reported.id, accept: true }));
    await refuse(reported, others(), (c) => c(M.screen, { id: reported.id, accept: false, comment: '不受理' }));
    const accepted = await driveTo(w, 'ACCEPTED');
    await refuse(accepted, others(), (c) => c(M.order, { id: accepted.id, ids: [w.onShelf[0]!.id] }));
    const ordered = await driveTo(w, 'ORDERED');
    await refuse(ordered, others(), (c) => c(M.plan, { id: ordered.id, plan: '方案', dueAt: new Date(Date.now() + DAY).toISOString() }));
    const planned = await driveTo(w, 'PLANNED');
    await refuse(planned, others(), (c) => c(M.assign, { id: planned.id, assigneeId: w.userId.grid1 }));
  });

  it('claim: unit admins only', async () => {
    const accepted = await driveTo(w, 'ACCEPTED');
    await refuse(accepted, [['committee', w.committee], ['grid1', w.grid1], ['viewer', w.viewer]], (c) => c(M.claim, { id: accepted.id }));
  });

  it('resolve: the assignee only, whatever the role', async () => {
    const byGrid1 = await driveTo(w, 'IN_PROGRESS');
    await refuse(
      byGrid1,
      [['committee', w.committee], ['grid2 (same role)', w.grid2], ['unit1', w.unit1], ['viewer', w.viewer]],
      (c) => c(M.resolve, { id: byGrid1.id, resolution: '已处理' }),
    );
    expect(ok(await w.grid1(M.resolve, { id: byGrid1.id, resolution: '已处理' })).resolveNeed.status).toBe('RESOLVED');

    const byUnit1 = await driveTo(w, 'IN_PROGRESS', { assignee: { client: w.unit1, id: w.userId.unit1 } });
    await refuse(byUnit1, [['unit2 (same role)', w.unit2], ['grid1', w.grid1]], (c) => c(M.resolve, { id: byUnit1.id, resolution: '已处理' }));
    expect(ok(await w.unit1(M.resolve, { id: byUnit1.id, resolution: '已处理' })).resolveNeed.status).toBe('RESOLVED');

    const byCommittee = await driveTo(w, 'IN_PROGRESS', { assignee: { client: w.committee, id: w.userId.committee } });
    expect(ok(await w.committee(M.resolve, { id: byCommittee.id, resolution: '已处理' })).resolveNeed.status).toBe('RESOLVED');
  });

  it("follow-up: the committee and the workers of the need's grid only", async () => {
    const resolved = await driveTo(w, 'RESOLVED');
    await refuse(
      resolved,
      [['unit1', w.unit1], ['viewer', w.viewer], ['grid2 (other grid)', w.grid2]],
      (c) => c(M.followUp, { id: resolved.id, satisfaction: 5 }),
    );
    expect(ok(await w.grid1(M.followUp, { id: resolved.id, satisfaction: 3 })).followUpNeed.status).toBe('CLOSED');
    const another = await driveTo(w, 'RESOLVED');
    expect(ok(await w.committee(M.followUp, { id: another.id, satisfaction: 3 })).followUpNeed.status).toBe('CLOSED');
  });
});

describe('assignment and follow-up input', () => {
  it('assigns only a non-viewer user of the alliance', async () => {
    const need = await driveTo(w, 'PLANNED');
    const before = await snapshot(s, need.id);
    for (const assigneeId of [w.userId.viewer, w.userId.nCommittee, '00000000-0000-4000-8000-000000000000', 'nope']) {
      expectError(await w.committee(M.assign, { id: need.id, assigneeId }), 'BAD_USER_INPUT', 'assigneeId');
      expect(await snapshot(s, need.id)).toEqual(before);
    }
    const assigned = ok(await w.committee(M.assign, { id: need.id, assigneeId: w.userId.unit2 })).assignNeed;
    expect(assigned.assignee).toEqual({ id: w.userId.unit2, username: 'unit2' });
  });

  it('satisfaction outside 1..5 is bad input and writes nothing', async () => {
    const need = await driveTo(w, 'RESOLVED');
    const before = await snapshot(s, need.id);
    for (const satisfaction of [0, 6, -1]) {
      expectError(await w.committee(M.followUp, { id: need.id, satisfaction }), 'BAD_USER_INPUT', 'satisfaction');
    }
    expect(await snapshot(s, need.id)).toEqual(before);
  });
});

describe('reopen and points', () => {
  it('resolving credits +5 to the delivering units (by default: the units with an ordered project or a claim); satisfaction 5 adds +2', async () => {
    const projectUnit = w.onShelf.find((p) => p.unit.id !== w.unitId.unit1 && p.unit.id !== w.unitId.unit2)!;
    const units = { project: projectUnit.unit.id, claimer: w.unitId.unit1, bystander: w.unitId.unit2 };
    const points = async () => ({
      project: await pointsOf(w.viewer, units.project),
      claimer: await pointsOf(w.viewer, units.claimer),
      bystander: await pointsOf(w.viewer, units.bystander),
    });

    const need = await driveTo(w, 'IN_PROGRESS', { claimers: [w.unit1], projects: [projectUnit.id] });
    const p0 = await points();
    ok(await w.grid1(M.resolve, { id: need.id, resolution: '已修复' }));
    const p1 = await points();
    expect(p1).toEqual({ project: p0.project + 5, claimer: p0.claimer + 5, bystander: p0.bystander });
    const ledger = await s.sql(`SELECT unit_id, points, source FROM points_entry WHERE source_id = $1 ORDER BY unit_id`, [need.id]);
    expect(ledger).toEqual(
      [units.project, units.claimer].sort().map((unit_id) => ({ unit_id, points: 5, source: 'NEED_RESOLVED' })),
    );

    ok(await w.committee(M.followUp, { id: need.id, satisfaction: 5, comment: '非常满意' }));
    expect(await points()).toEqual({ project: p1.project + 2, claimer: p1.claimer + 2, bystander: p1.bystander });
  });

  it('a follow-up at 1..2 reopens to IN_PROGRESS with the same assignee; the second resolve does not credit twice', async () => {
    const project = w.onShelf.find((p) => p.unit.id !== w.unitId.unit1 && p.unit.id !== w.unitId.unit2)!;
    const unitIds = [project.unit.id, w.unitId.unit2];
    const read = () => Promise.all(unitIds.map((u) => pointsOf(w.committee, u)));
    const need = await driveTo(w, 'IN_PROGRESS', { claimers: [w.unit2], projects: [project.id], assignee: { client: w.unit1, id: w.userId.unit1 } });
    const start = await read();
    const plus = (n: number) => start.map((p) => p + n);

    ok(await w.unit1(M.resolve, { id: need.id, resolution: '第一次处理' }));
    expect(await read()).toEqual(plus(5));

    const reopened = ok(await w.grid1(M.followUp, { id: need.id, satisfaction: 2, comment: '灯又坏了' })).followUpNeed;
    expect(reopened).toMatchObject({ status: 'IN_PROGRESS', satisfaction: 2, resolution: null, resolvedAt: null, assignee: { id: w.userId.unit1 } });
    expect(reopened.history.at(-1)).toMatchObject({ from: 'RESOLVED', to: 'IN_PROGRESS', comment: '灯又坏了', actor: { username: 'grid1' } });
    expect(await read()).toEqual(plus(5));

    // Still the assignee's: another unit admin may not resolve it.
    expectError(await w.unit2(M.resolve, { id: need.id, resolution: '第二次处理' }), 'FORBIDDEN');
    const again = ok(await w.unit1(M.resolve, { id: need.id, resolution: '第二次处理' })).resolveNeed;
    expect(again).toMatchObject({ status: 'RESOLVED', resolution: '第二次处理' });
    // The ledger credits a need once per unit and source, however often it is resolved.
    expect(await read()).toEqual(plus(5));
    const ledger = await s.sql(`SELECT source, count(*)::int AS n FROM points_entry WHERE source_id = $1 GROUP BY source`, [need.id]);
    expect(ledger).toEqual([{ source: 'NEED_RESOLVED', n: 2 }]);

    const closed = ok(await w.grid1(M.followUp, { id: need.id, satisfaction: 5 })).followUpNeed;
    expect(closed).toMatchObject({ status: 'CLOSED', satisfaction: 5 });
    expect(await read()).toEqual(plus(7));
    expect(closed.history.map((e: any) => e.to)).toEqual([
      'REPORTED', 'ACCEPTED', 'ACCEPTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS', 'RESOLVED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED',
    ]);
  });

  it('a follow-up at 3 or 4 closes without the bonus', async () => {
    const need = await driveTo(w, 'RESOLVED', { claimers: [w.unit1] });
    const before = await pointsOf(w.unit1, w.unitId.unit1);
    expect(ok(await w.committee(M.followUp, { id: need.id, satisfaction: 4 })).followUpNeed.status).toBe('CLOSED');
    expect(await pointsOf(w.unit1, w.unitId.unit1)).toBe(before);
  });
});
