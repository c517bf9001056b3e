import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POINTS_RULES } from '@alliance/shared';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { DAY, driveTo, expectError, M, NEED, ok, pointsOf, snapshot, world, type World } from '../../need/__tests__/need-helpers.js';

/*
 * Issue 10, "Who earns points": the plan names the delivering unit(s), among
 * the units of the ordered projects and the units that claimed the need; only
 * they earn the need's +5 (RESOLVED) and +2 (satisfaction 5). A claim alone
 * earns nothing.
 */

let s: TestServer;
let w: World;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
});
afterAll(() => s?.close());

const PLAN = `mutation($id: ID!, $plan: String!, $dueAt: DateTime!, $units: [ID!]) {
  planNeed(id: $id, plan: $plan, dueAt: $dueAt, deliveringUnitIds: $units) { ${NEED} deliveringUnits { id name } } }`;
const DELIVERING = `query($id: ID!) { need(id: $id) { id deliveringUnits { id name } } }`;
const dueAt = () => new Date(Date.now() + 7 * DAY).toISOString();

/** A project of a unit that is neither unit1's nor unit2's. */
const otherProject = () => w.onShelf.find((p) => p.unit.id !== w.unitId.unit1 && p.unit.id !== w.unitId.unit2)!;

const byName = (units: { id: string; name: string }[]) => [...units].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));

async function unitsNamed(ids: string[]) {
  return s.sql(`SELECT id, name FROM member_unit WHERE id = ANY($1) ORDER BY name, id`, [ids]);
}

/** Plans (with the units given, or omitted), assigns grid1, resolves, and follows up with `satisfaction`. */
async function deliver(needId: string, units: string[] | undefined, satisfaction: number) {
  const planned = ok(await w.committee(PLAN, { id: needId, plan: '联系共建单位上门处理', dueAt: dueAt(), ...(units ? { units } : {}) })).planNeed;
  ok(await w.committee(M.assign, { id: needId, assigneeId: w.userId.grid1 }));
  ok(await w.grid1(M.resolve, { id: needId, resolution: '已处理' }));
  ok(await w.grid1(M.followUp, { id: needId, satisfaction }));
  return planned;
}

describe('the plan names the delivering units', () => {
  it('defaults to every unit of the ordered projects and every claimer, and keeps the contract signature working', async () => {
    const project = otherProject();
    const need = await driveTo(w, 'ORDERED', { claimers: [w.unit1], projects: [project.id] });
    // The contract's planNeed(id, plan, dueAt), without deliveringUnitIds.
    const planned = ok(await w.committee(M.plan, { id: need.id, plan: '更换灯具', dueAt: dueAt() })).planNeed;
    expect(planned.status).toBe('PLANNED');
    const expected = await unitsNamed([project.unit.id, w.unitId.unit1]);
    expect(expected).toHaveLength(2);
    for (const c of [w.committee, w.viewer, w.unit2, w.grid2]) {
      expect(ok(await c(DELIVERING, { id: need.id })).need.deliveringUnits).toEqual(expected);
    }
    const rows = await s.sql(`SELECT unit_id, alliance_id FROM need_delivery WHERE need_id = $1 ORDER BY unit_id`, [need.id]);
    expect(rows.map((r) => r.unit_id)).toEqual([project.unit.id, w.unitId.unit1].sort());
    expect(new Set(rows.map((r) => r.alliance_id)).size).toBe(1);
    // Before the plan: none.
    const early = await driveTo(w, 'ORDERED', { claimers: [w.unit2] });
    expect(ok(await w.committee(DELIVERING, { id: early.id })).need.deliveringUnits).toEqual([]);
  });

  it('takes the chosen ones, once each', async () => {
    const project = otherProject();
    const need = await driveTo(w, 'ORDERED', { claimers: [w.unit1, w.unit2], projects: [project.id] });
    const planned = ok(
      await w.committee(PLAN, { id: need.id, plan: '由单位二负责', dueAt: dueAt(), units: [w.unitId.unit2, w.unitId.unit2.toUpperCase(), project.unit.id] }),
    ).planNeed;
    expect(planned.deliveringUnits).toEqual(await unitsNamed([w.unitId.unit2, project.unit.id]));
    // The audit log's plan entry names them.
    const [entry] = await s.sql(`SELECT summary FROM audit_entry WHERE subject_id = $1 AND action = 'NEED_PLAN'`, [need.id]);
    expect(entry.summary.after.deliveringUnits).toEqual(await unitsNamed([w.unitId.unit2, project.unit.id]));
  });

  it('refuses a unit that neither owns an ordered project nor claimed the need, an empty list, a malformed id and a neighbour, writing nothing', async () => {
    const project = otherProject();
    const need = await driveTo(w, 'ORDERED', { claimers: [w.unit1], projects: [project.id] });
    const before = await snapshot(s, need.id);
    const [neighbourUnit] = await s.sql(`SELECT u.id FROM member_unit u JOIN app_user a ON a.unit_id = u.id WHERE a.username = 'n-unit1'`);
    const cases: [unknown[], string][] = [
      [[w.unitId.unit2], 'INVALID_ID'], // a bystander
      [[w.unitId.unit1, w.unitId.unit2], 'INVALID_ID'], // one good, one not
      [[], 'REQUIRED'],
      [['not-an-id'], 'INVALID_ID'],
      [[neighbourUnit.id], 'INVALID_ID'],
    ];
    for (const [units, reason] of cases) {
      const r = await w.committee(PLAN, { id: need.id, plan: '方案', dueAt: dueAt(), units });
      expectError(r, 'BAD_USER_INPUT', 'deliveringUnitIds');
      expect(r.errors![0]!.extensions!.reason, JSON.stringify(units)).toBe(reason);
    }
    expect(await snapshot(s, need.id)).toEqual(before);
    expect(await s.sql(`SELECT * FROM need_delivery WHERE need_id = $1`, [need.id])).toEqual([]);
    // And only the committee plans.
    expectError(await w.unit1(PLAN, { id: need.id, plan: '方案', dueAt: dueAt(), units: [w.unitId.unit1] }), 'FORBIDDEN');
  });
});

describe('only the delivering units earn', () => {
  const points = (ids: string[]) => Promise.all(ids.map((u) => pointsOf(w.viewer, u)));

  it('a claimer that did not deliver gets 0; the delivering project unit gets +5 and +2', async () => {
    const project = otherProject();
    const ids = [project.unit.id, w.unitId.unit1, w.unitId.unit2];
    const need = await driveTo(w, 'ORDERED', { claimers: [w.unit1, w.unit2], projects: [project.id] });
    const before = await points(ids);
    await deliver(need.id, [project.unit.id], 5);
    const after = await points(ids);
    expect(after).toEqual([before[0]! + POINTS_RULES.NEED_RESOLVED + POINTS_RULES.FOLLOW_UP_SATISFIED, before[1], before[2]]);
    expect(POINTS_RULES.NEED_RESOLVED + POINTS_RULES.FOLLOW_UP_SATISFIED).toBe(7);
    const ledger = await s.sql(`SELECT unit_id, points, source FROM points_entry WHERE source_id = $1 ORDER BY points DESC`, [need.id]);
    expect(ledger).toEqual([
      { unit_id: project.unit.id, points: 5, source: 'NEED_RESOLVED' },
      { unit_id: project.unit.id, points: 2, source: 'FOLLOW_UP_SATISFIED' },
    ]);
    // The awards in the audit log name the delivering unit only.
    const awards = await s.sql(`SELECT summary FROM audit_entry WHERE subject_id = $1 AND action = 'POINTS_AWARD' ORDER BY at, id`, [need.id]);
    expect(awards.map((a) => a.summary)).toEqual([
      { source: 'NEED_RESOLVED', pointsEach: 5, total: 5, units: await unitsNamed([project.unit.id]) },
      { source: 'FOLLOW_UP_SATISFIED', pointsEach: 2, total: 2, units: await unitsNamed([project.unit.id]) },
    ]);
  });

  it('a claimer chosen alone earns, and the ordered project unit not chosen gets 0', async () => {
    const project = otherProject();
    const ids = [project.unit.id, w.unitId.unit1];
    const need = await driveTo(w, 'ORDERED', { claimers: [w.unit1], projects: [project.id] });
    const before = await points(ids);
    await deliver(need.id, [w.unitId.unit1], 4);
    expect(await points(ids)).toEqual([before[0], before[1]! + 5]);
  });

  it('by default every project unit and claimer earns', async () => {
    const project = otherProject();
    const ids = [project.unit.id, w.unitId.unit1, w.unitId.unit2];
    const need = await driveTo(w, 'ORDERED', { claimers: [w.unit1], projects: [project.id] });
    const before = await points(ids);
    await deliver(need.id, undefined, 5);
    expect(await points(ids)).toEqual([before[0]! + 7, before[1]! + 7, before[2]]);
  });

  it('a claim by itself earns nothing', async () => {
    const before = await pointsOf(w.viewer, w.unitId.unit2);
    const need = await driveTo(w, 'ACCEPTED', { claimers: [w.unit2] });
    expect(await pointsOf(w.viewer, w.unitId.unit2)).toBe(before);
    expect(await s.sql(`SELECT * FROM points_entry WHERE source_id = $1`, [need.id])).toEqual([]);
  });
});

