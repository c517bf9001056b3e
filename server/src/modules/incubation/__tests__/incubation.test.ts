import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCUBATION_LIFECYCLE, IncubationStage, localDate, type IncubationAction } from '@alliance/shared';
import { names, recordEvents } from '../../../testing/event-recorder.js';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';

/**
 * 阳光驿站 (issue 12 point 3): every row of INCUBATION_LIFECYCLE, legal and
 * refused (role, stage, stale version, bad input), each legal step one event,
 * its audit entry and its history row; a refused one nothing at all. The
 * application, reads by role (liaison: its own; viewer: no notes), tenancy,
 * and the services given during the stay.
 */

let s: TestServer;
let events: ReturnType<typeof recordEvents>;
let committee: Client;
let unit1: Client;
let grid1: Client;
let viewer: Client;
let neighbour: Client;
let allianceId: string;
let committeeId: string;
beforeAll(async () => {
  s = await startTestServer();
  events = recordEvents(s.events);
  [committee, unit1, grid1, viewer, neighbour] = await Promise.all(['committee', 'unit1', 'grid1', 'viewer', 'n-committee'].map((u) => s.as(u)));
  [{ id: committeeId, alliance_id: allianceId }] = await s.sql(`SELECT id, alliance_id FROM app_user WHERE username = 'committee'`);
});
afterAll(() => s?.close());

const UNIT1 = demoId('songshan:unit:0');
const UNIT2 = demoId('songshan:unit:1');
const today = () => localDate();
const FIELDS = `id stage version appliedOn startedOn endedOn notes servicesGiven unit { id name } mentor { id } history { action fromStage toStage comment }`;

const ok = (r: GqlResult) => {
  expect(r.errors).toBeUndefined();
  return r.data;
};
/** Everything a refused call could have written. */
const written = async () =>
  (
    await s.sql(`SELECT (SELECT count(*) FROM incubation)::int AS i, (SELECT count(*) FROM incubation_event)::int AS h,
                        (SELECT count(*) FROM audit_entry WHERE action LIKE 'INCUBATION%')::int AS a,
                        (SELECT coalesce(sum(version), 0) FROM incubation)::int AS v`)
  )[0];

async function refused(run: () => Promise<GqlResult>, code: string, field?: string) {
  events.take();
  const before = await written();
  const r = await run();
  expect(codeOf(r), JSON.stringify(r.errors)).toBe(code);
  if (field) expect(r.errors![0]!.extensions!.field).toBe(field);
  expect(events.take()).toEqual({ published: [], committed: [] });
  expect(await written()).toEqual(before);
}

let seq = 0;
/** A fresh social organisation of the main alliance (and a liaison account for it). */
async function socialOrg(kind = 'SOCIAL_ORGANIZATION') {
  seq++;
  const [u] = await s.sql(
    `INSERT INTO member_unit (alliance_id, name, kind, party_member_count, contact_name, contact_phone, status, joined_at)
     VALUES ($1, $2, $3, 0, '联系人', '13900000000', 'ACTIVE', '2023-01-01') RETURNING id`,
    [allianceId, `孵化测试社会组织${seq}`, kind],
  );
  return u.id as string;
}

/** An incubation put straight into a stage (as the seed does), to walk the table from there. */
async function inStage(stage: IncubationStage) {
  const unitId = await socialOrg();
  const started = stage === 'INCUBATING' || stage === 'GRADUATED';
  const [i] = await s.sql(
    `INSERT INTO incubation (alliance_id, unit_id, mentor_unit_id, stage, applied_on, started_on, ended_on, notes)
     VALUES ($1, $2, $3, $4, '2024-01-01', $5, $6, '内部备注') RETURNING id, version`,
    [allianceId, unitId, started ? UNIT2 : null, stage, started ? '2024-02-01' : null, stage === 'GRADUATED' || stage === 'LEFT' ? '2025-01-01' : null],
  );
  return { id: i.id as string, version: i.version as number, unitId };
}

const RUN: Record<IncubationAction, (c: Client, id: string, version?: number) => Promise<GqlResult>> = {
  start: (c, id, version) =>
    c(`mutation($id: ID!, $m: ID!, $v: Int) { startIncubation(id: $id, mentorUnitId: $m, startedOn: "2024-03-01", comment: "导师单位结对", version: $v) { ${FIELDS} } }`, { id, m: UNIT2, v: version }),
  graduate: (c, id, version) => c(`mutation($id: ID!, $v: Int) { graduateIncubation(id: $id, comment: "能独立承接项目", version: $v) { ${FIELDS} } }`, { id, v: version }),
  leave: (c, id, version) => c(`mutation($id: ID!, $v: Int) { leaveIncubation(id: $id, reason: "负责人迁出", version: $v) { ${FIELDS} } }`, { id, v: version }),
};
const EVENT: Record<IncubationAction, string> = { start: 'IncubationStarted', graduate: 'IncubationGraduated', leave: 'IncubationLeft' };
const AUDIT: Record<IncubationAction, string> = { start: 'INCUBATION_START', graduate: 'INCUBATION_GRADUATE', leave: 'INCUBATION_LEAVE' };

describe('every row of INCUBATION_LIFECYCLE', () => {
  for (const action of Object.keys(INCUBATION_LIFECYCLE) as IncubationAction[]) {
    const row = INCUBATION_LIFECYCLE[action];
    for (const stage of Object.values(IncubationStage)) {
      if (row.from.includes(stage)) {
        it(`${action} from ${stage}: ${row.to}, one ${EVENT[action]}, its audit entry and history row; other roles FORBIDDEN, a stale version CONFLICT`, async () => {
          const i = await inStage(stage);
          for (const c of [unit1, grid1, viewer]) await refused(() => RUN[action](c, i.id, i.version), 'FORBIDDEN');
          await refused(() => RUN[action](neighbour, i.id, i.version), 'NOT_FOUND');
          await refused(() => RUN[action](committee, i.id, i.version + 1), 'CONFLICT');
          events.take();
          const r = ok(await RUN[action](committee, i.id, i.version));
          const moved = Object.values(r)[0] as any;
          expect(moved.stage).toBe(row.to);
          expect(moved.version).toBe(i.version + 1);
          expect(moved.history.at(-1)).toMatchObject({ action, fromStage: stage, toStage: row.to });
          const seen = events.take();
          expect(names(seen.published)).toEqual([EVENT[action]]);
          expect(names(seen.committed)).toEqual([EVENT[action]]);
          expect(seen.committed[0]).toMatchObject({ allianceId, actorId: committeeId, incubationId: i.id, unitId: i.unitId, from: stage, to: row.to });
          const audit = await s.sql(`SELECT action, actor_id, subject_type, summary FROM audit_entry WHERE subject_id = $1`, [i.id]);
          expect(audit).toHaveLength(1);
          expect(audit[0]).toMatchObject({ action: AUDIT[action], actor_id: committeeId, subject_type: 'INCUBATION' });
          expect(audit[0].summary.before.stage).toBe(stage);
          expect(audit[0].summary.after.stage).toBe(row.to);
          if (action === 'start') expect(moved).toMatchObject({ startedOn: '2024-03-01', mentor: { id: UNIT2 }, endedOn: null });
          else expect(moved.endedOn).toBe(today());
          if (action === 'leave') expect(audit[0].summary.comment).toBe('负责人迁出');
        });
      } else {
        it(`${action} from ${stage}: CONFLICT, nothing written`, async () => {
          const i = await inStage(stage);
          await refused(() => RUN[action](committee, i.id, i.version), 'CONFLICT');
        });
      }
    }
  }
});

describe('the steps\' own input', () => {
  it('start: the mentor is another active member unit of the alliance, the day not before the application nor after today', async () => {
    const i = await inStage('APPLIED');
    const START = `mutation($id: ID!, $m: ID!, $on: Date) { startIncubation(id: $id, mentorUnitId: $m, startedOn: $on) { stage } }`;
    await refused(() => committee(START, { id: i.id, m: i.unitId }), 'BAD_USER_INPUT', 'mentorUnitId');
    await refused(() => committee(START, { id: i.id, m: demoId('songlin:unit:0') }), 'BAD_USER_INPUT', 'mentorUnitId');
    await refused(() => committee(START, { id: i.id, m: 'nope' }), 'BAD_USER_INPUT', 'mentorUnitId');
    await refused(() => committee(START, { id: i.id, m: UNIT2, on: '2023-12-31' }), 'BAD_USER_INPUT', 'startedOn');
    await refused(() => committee(START, { id: i.id, m: UNIT2, on: '2099-01-01' }), 'BAD_USER_INPUT', 'startedOn');
    expect(ok(await committee(START, { id: i.id, m: UNIT2 })).startIncubation.stage).toBe('INCUBATING');
  });

  it('leave: a reason is required', async () => {
    const i = await inStage('INCUBATING');
    await refused(() => committee(`mutation($id: ID!) { leaveIncubation(id: $id, reason: "  ") { stage } }`, { id: i.id }), 'BAD_USER_INPUT', 'reason');
  });
});

describe('applying', () => {
  const APPLY = `mutation($u: ID, $m: ID, $n: String) { applyIncubation(unitId: $u, mentorUnitId: $m, notes: $n) { ${FIELDS} } }`;

  it('the committee applies for a social organisation: APPLIED, IncubationApplied, INCUBATION_APPLY, its first history row; a second is a CONFLICT', async () => {
    const unitId = await socialOrg();
    events.take();
    const r = ok(await committee(APPLY, { u: unitId, m: UNIT1, n: '社区养老互助队，需财务辅导' })).applyIncubation;
    expect(r).toMatchObject({ stage: 'APPLIED', appliedOn: today(), startedOn: null, notes: '社区养老互助队，需财务辅导', mentor: { id: UNIT1 }, servicesGiven: 0 });
    expect(r.history).toEqual([{ action: 'apply', fromStage: null, toStage: 'APPLIED', comment: null }]);
    const seen = events.take();
    expect(names(seen.committed)).toEqual(['IncubationApplied']);
    expect(seen.committed[0]).toMatchObject({ incubationId: r.id, unitId });
    expect((await s.sql(`SELECT action FROM audit_entry WHERE subject_id = $1`, [r.id])).map((a) => a.action)).toEqual(['INCUBATION_APPLY']);
    await refused(() => committee(APPLY, { u: unitId }), 'CONFLICT', 'unitId');
  });

  it('concurrent applications for one organisation: exactly one, the others CONFLICT (the partial unique index)', async () => {
    const unitId = await socialOrg();
    const all = await Promise.all(Array.from({ length: 6 }, () => committee(APPLY, { u: unitId })));
    expect(all.filter((r) => !r.errors)).toHaveLength(1);
    expect(all.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(5);
    expect((await s.sql(`SELECT count(*)::int AS n FROM incubation WHERE unit_id = $1`, [unitId]))[0].n).toBe(1);
  });

  it('only social organisations, of this alliance, active; roles: the committee, a liaison for its own unit', async () => {
    await refused(() => committee(APPLY, { u: UNIT1 }), 'BAD_USER_INPUT', 'unitId');
    await refused(() => committee(APPLY, { u: demoId('songlin:unit:0') }), 'BAD_USER_INPUT', 'unitId');
    await refused(() => committee(APPLY, {}), 'BAD_USER_INPUT', 'unitId');
    const org = await socialOrg();
    await refused(() => grid1(APPLY, { u: org }), 'FORBIDDEN');
    await refused(() => viewer(APPLY, { u: org }), 'FORBIDDEN');
    // unit1's liaison: not for another unit, and its own (a school) is no social organisation.
    await refused(() => unit1(APPLY, { u: org }), 'FORBIDDEN', 'unitId');
    await refused(() => unit1(APPLY, { u: org, m: UNIT2 }), 'FORBIDDEN', 'mentorUnitId');
    await refused(() => unit1(APPLY, {}), 'BAD_USER_INPUT', 'unitId');
    // The mentor is the committee's choice.
    await s.sql(`UPDATE member_unit SET kind = 'SOCIAL_ORGANIZATION' WHERE id = $1`, [UNIT1]);
    try {
      await refused(() => unit1(APPLY, { m: UNIT2 }), 'FORBIDDEN', 'mentorUnitId');
      const own = ok(await unit1(APPLY, { n: '申请入驻' })).applyIncubation;
      expect(own).toMatchObject({ stage: 'APPLIED', unit: { id: UNIT1 }, mentor: null });
      // The liaison reads its own unit's incubations (as the organisation or the mentor), nobody else's.
      const mine = ok(await unit1(`{ incubations { id unit { id } mentor { id } } }`)).incubations;
      expect(mine.length).toBeGreaterThan(0);
      for (const i of mine) expect([i.unit.id, i.mentor?.id]).toContain(UNIT1);
      expect(mine.map((i: any) => i.id)).toContain(own.id);
      await s.sql(`DELETE FROM incubation_event WHERE incubation_id = $1`, [own.id]);
      await s.sql(`DELETE FROM incubation WHERE id = $1`, [own.id]);
    } finally {
      await s.sql(`UPDATE member_unit SET kind = 'PUBLIC_INSTITUTION' WHERE id = $1`, [UNIT1]);
    }
  });
});

describe('reading the incubator', () => {
  it('the committee reads all of its alliance, by stage; the viewer the same without notes or comments; grid workers not at all; the neighbour none of them', async () => {
    const i = await inStage('INCUBATING');
    const LIST = `query($st: IncubationStage) { incubations(stage: $st) { id stage notes history { comment } } }`;
    const all = ok(await committee(LIST, { st: 'INCUBATING' })).incubations;
    expect(all.every((x: any) => x.stage === 'INCUBATING')).toBe(true);
    expect(all.find((x: any) => x.id === i.id).notes).toBe('内部备注');
    const seen = ok(await viewer(LIST, { st: 'INCUBATING' })).incubations;
    expect(seen.map((x: any) => x.id)).toEqual(all.map((x: any) => x.id));
    expect(seen.every((x: any) => x.notes === null && x.history.every((h: any) => h.comment === null))).toBe(true);
    expect(codeOf(await grid1(LIST))).toBe('FORBIDDEN');
    const theirs = ok(await neighbour(LIST, {})).incubations;
    expect(theirs.map((x: any) => x.id)).not.toContain(i.id);
  });

  it("services given: the organisation's DONE bookings, needs it delivered (resolved or closed) and completed activities it joined, during its stay only", async () => {
    const i = await inStage('INCUBATING'); // started 2024-02-01
    const [project] = await s.sql(`SELECT id, category_id FROM shelf_project WHERE alliance_id = $1 LIMIT 1`, [allianceId]);
    const [p] = await s.sql(
      `INSERT INTO shelf_project (alliance_id, unit_id, category_id, title, description, status, capacity_per_month, tags)
       VALUES ($1, $2, $3, '孵化测试项目', '说明', 'ON_SHELF', 10, '{}') RETURNING id`,
      [allianceId, i.unitId, project.category_id],
    );
    const slot = async (at: string) =>
      (await s.sql(`INSERT INTO service_slot (alliance_id, shelf_project_id, unit_id, starts_at, ends_at, capacity, off_hours)
                    VALUES ($1, $2, $3, $4::timestamptz, $4::timestamptz + interval '1 hour', 5, true) RETURNING id`, [allianceId, p.id, i.unitId, at]))[0].id;
    const book = (slotId: string, status: string) =>
      s.sql(`INSERT INTO booking (alliance_id, slot_id, resident_name, resident_phone, status) VALUES ($1, $2, '居民', '13900000001', $3)`, [allianceId, slotId, status]);
    const during = await slot('2024-05-01T19:00:00+08:00');
    const before = await slot('2024-01-15T19:00:00+08:00');
    await book(during, 'DONE');
    await book(during, 'DONE');
    await book(during, 'NO_SHOW');
    await book(before, 'DONE');
    // A need it delivered, resolved during the stay; one still in progress does not count.
    const [closed] = await s.sql(`SELECT id FROM need WHERE alliance_id = $1 AND status = 'CLOSED' AND resolved_at > '2024-03-01' LIMIT 1`, [allianceId]);
    const [open] = await s.sql(`SELECT id FROM need WHERE alliance_id = $1 AND status = 'IN_PROGRESS' LIMIT 1`, [allianceId]);
    await s.sql(`INSERT INTO need_delivery (need_id, unit_id, alliance_id) VALUES ($1, $3, $4), ($2, $3, $4)`, [closed.id, open.id, i.unitId, allianceId]);
    // An activity it joined, completed during the stay.
    const [done] = await s.sql(`SELECT id FROM activity WHERE alliance_id = $1 AND status = 'COMPLETED' AND ends_at > '2024-03-01' AND max_units IS NULL LIMIT 1`, [allianceId]);
    await s.sql(`INSERT INTO signup (alliance_id, activity_id, unit_id, status, headcount) VALUES ($1, $2, $3, 'CONFIRMED', 2)`, [allianceId, done.id, i.unitId]);
    const one = async () => (ok(await committee(`{ incubations(stage: INCUBATING) { id servicesGiven } }`)).incubations as any[]).find((x) => x.id === i.id).servicesGiven;
    expect(await one()).toBe(2 + 1 + 1);
    // Ended before the bookings: they no longer count.
    await s.sql(`UPDATE incubation SET stage = 'GRADUATED', ended_on = '2024-04-01' WHERE id = $1`, [i.id]);
    const graduated = (ok(await committee(`{ incubations(stage: GRADUATED) { id servicesGiven } }`)).incubations as any[]).find((x) => x.id === i.id);
    expect(graduated.servicesGiven).toBe(
      (await s.sql(`SELECT count(*)::int AS n FROM need WHERE id = $1 AND resolved_at < '2024-04-02'`, [closed.id]))[0].n +
        (await s.sql(`SELECT count(*)::int AS n FROM activity WHERE id = $1 AND ends_at < '2024-04-02'`, [done.id]))[0].n,
    );
  });
});
