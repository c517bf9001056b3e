import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { DAY, driveTo, expectError, NEED, ok, snapshot, world, type World } from './need-helpers.js';

/** The committee's one order form (orderPlanAssignNeed): 开单子, 定方案 and 派单 in one transaction. */
let s: TestServer;
let w: World;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
});
afterAll(() => s?.close());

const ORDER_PLAN_ASSIGN = `mutation($id: ID!, $version: Int, $ids: [ID!]!, $comment: String, $plan: String!, $dueAt: DateTime!, $units: [ID!], $assigneeId: ID!) {
  orderPlanAssignNeed(id: $id, version: $version, shelfProjectIds: $ids, comment: $comment, plan: $plan, dueAt: $dueAt, deliveringUnitIds: $units, assigneeId: $assigneeId) {
    ${NEED} deliveringUnits { id } } }`;

const steps = (need: any) => need.history.map((e: any) => [e.from, e.to, e.comment]);

describe('orderPlanAssignNeed', () => {
  it('orders, plans and assigns an ACCEPTED need at once: three steps in its history, the values of each', async () => {
    const project = w.onShelf.find((p) => p.unit.id === w.unitId.unit1)!;
    const need = await driveTo(w, 'ACCEPTED');
    const dueAt = new Date(Date.now() + 7 * DAY).toISOString();
    const done = ok(
      await w.committee(ORDER_PLAN_ASSIGN, {
        id: need.id,
        version: need.version,
        ids: [project.id],
        comment: '按建议开单',
        plan: '  供电服务站三天内上门更换灯具  ',
        dueAt,
        units: [w.unitId.unit1],
        assigneeId: w.userId.unit1,
      }),
    ).orderPlanAssignNeed;
    expect(done).toMatchObject({
      status: 'IN_PROGRESS',
      plan: '供电服务站三天内上门更换灯具',
      dueAt,
      orderedProjects: [{ id: project.id, unit: { id: w.unitId.unit1 } }],
      deliveringUnits: [{ id: w.unitId.unit1 }],
      assignee: { id: w.userId.unit1, username: 'unit1' },
    });
    expect(steps(done).slice(-3)).toEqual([
      ['ACCEPTED', 'ORDERED', '按建议开单'],
      ['ORDERED', 'PLANNED', null],
      ['PLANNED', 'IN_PROGRESS', expect.any(String)],
    ]);
    // Each step is audited as if taken on its own.
    const audits = await s.sql(`SELECT action FROM audit_entry WHERE subject_id = $1 AND action <> 'NEED_ACCEPT' ORDER BY action`, [need.id]);
    expect(audits.map((a: any) => a.action)).toEqual(['NEED_ASSIGN', 'NEED_ORDER', 'NEED_PLAN']);
  });

  it("accepts a unit's claim in place of a project: the claiming unit delivers it by default", async () => {
    const need = await driveTo(w, 'ACCEPTED', { claimers: [w.unit2] });
    const done = ok(
      await w.committee(ORDER_PLAN_ASSIGN, {
        id: need.id,
        ids: [],
        plan: '由认领单位上门处理',
        dueAt: new Date(Date.now() + 3 * DAY).toISOString(),
        assigneeId: w.userId.unit2,
      }),
    ).orderPlanAssignNeed;
    expect(done).toMatchObject({ status: 'IN_PROGRESS', orderedProjects: [], deliveringUnits: [{ id: w.unitId.unit2 }], assignee: { id: w.userId.unit2 } });
  });

  it('refused at any step, it writes nothing, and the error names the field', async () => {
    const project = w.onShelf[0]!;
    const need = await driveTo(w, 'ACCEPTED');
    const before = await snapshot(s, need.id);
    const good = {
      id: need.id,
      version: need.version,
      ids: [project.id],
      plan: '上门维修',
      dueAt: new Date(Date.now() + 7 * DAY).toISOString(),
      assigneeId: w.userId.grid1,
    };
    const cases: [Record<string, unknown>, string, string][] = [
      // The last step refused, after the order and the plan were taken in the same transaction.
      [{ assigneeId: w.userId.viewer }, 'BAD_USER_INPUT', 'assigneeId'],
      [{ assigneeId: w.userId.nCommittee }, 'BAD_USER_INPUT', 'assigneeId'],
      // The plan's step refused after the order.
      [{ units: [w.unitId.unit2 === project.unit.id ? w.unitId.unit1 : w.unitId.unit2] }, 'BAD_USER_INPUT', 'deliveringUnitIds'],
      [{ units: [] }, 'BAD_USER_INPUT', 'deliveringUnitIds'],
      [{ ids: [w.offShelf[0]!.id] }, 'BAD_USER_INPUT', 'shelfProjectIds'],
      [{ ids: [] }, 'BAD_USER_INPUT', 'shelfProjectIds'],
      [{ plan: '   ' }, 'BAD_USER_INPUT', 'plan'],
      [{ dueAt: new Date(Date.now() - DAY).toISOString() }, 'BAD_USER_INPUT', 'dueAt'],
      [{ version: need.version - 1 }, 'CONFLICT', ''],
    ];
    for (const [change, code, field] of cases) {
      const r = await w.committee(ORDER_PLAN_ASSIGN, { ...good, ...change });
      expectError(r, code, field || undefined);
      expect(await snapshot(s, need.id), JSON.stringify(change)).toEqual(before);
    }
    // No notification was sent for an assignment that never happened.
    const [{ n }] = await s.sql(`SELECT count(*)::int AS n FROM notification WHERE subject_id = $1`, [need.id]);
    expect(n).toBe(0);
  });

  it('only from ACCEPTED, and only by the committee', async () => {
    const ordered = await driveTo(w, 'ORDERED');
    const vars = (id: string) => ({ id, ids: [w.onShelf[0]!.id], plan: '上门维修', dueAt: new Date(Date.now() + DAY).toISOString(), assigneeId: w.userId.grid1 });
    expectError(await w.committee(ORDER_PLAN_ASSIGN, vars(ordered.id)), 'CONFLICT');
    const accepted = await driveTo(w, 'ACCEPTED');
    const before = await snapshot(s, accepted.id);
    for (const c of [w.unit1, w.grid1, w.viewer]) expectError(await c(ORDER_PLAN_ASSIGN, vars(accepted.id)), 'FORBIDDEN');
    expect(await snapshot(s, accepted.id)).toEqual(before);
  });
});
