import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { ACTIVITY_FIELDS, CANCEL, OUTCOME, WITHDRAW, makeUnits, ok, onShelfProjects, openActivity, userUnit } from './helpers.js';

/** 补录 (docs/adoption.md "Activities: dates"): an activity that already happened, straight to COMPLETED. */

const RECORD = `mutation($input: RecordPastActivityInput!) {
  recordPastActivity(input: $input) { ${ACTIVITY_FIELDS} recordedAfterwards signups { status headcount unit { id } } shelfProjects { id } }
}`;
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

let s: TestServer;
let committee: Client;
let unit1Id: string;
let unit2Id: string;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
  unit1Id = await userUnit(s, 'unit1');
  unit2Id = await userUnit(s, 'unit2');
});
afterAll(() => s?.close());

let seq = 0;
function recordInput(overrides: Record<string, unknown> = {}) {
  seq++;
  return {
    title: `补录的联建活动 ${seq}`,
    description: '上周六的楼道清理，当时未在平台发布',
    kind: 'CIVILIZED_CITY',
    categoryCode: 'ENVIRONMENT_SANITATION',
    startsAt: ago(5 * 24 * HOUR),
    endsAt: ago(5 * 24 * HOUR - 3 * HOUR),
    location: '松山小区3号楼',
    units: [
      { unitId: unit1Id, headcount: 6 },
      { unitId: unit2Id, headcount: 4 },
    ],
    outcome: OUTCOME,
    ...overrides,
  };
}

const POINTS = `query($id: ID!) { memberUnit(id: $id) { points } }`;
const pointsOf = async (unitId: string) => ok(await committee(POINTS, { id: unitId })).memberUnit.points as number;
const activityCount = async () => (await s.sql(`SELECT count(*)::int AS n FROM activity`))[0].n as number;
/** Decisions only: signing in (as each role does here) is audited too. */
const auditCount = async () =>
  (await s.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE action IN ('ACTIVITY_RECORD', 'POINTS_AWARD')`))[0].n as number;

describe('recordPastActivity', () => {
  it('creates it COMPLETED with its outcome and units, marked recorded afterwards; the units earn the completion points; audited', async () => {
    const before = await Promise.all([unit1Id, unit2Id].map(pointsOf));
    const [project] = await onShelfProjects(s, 1);
    const input = recordInput({ title: '  补录：楼道清理  ', shelfProjectIds: [project] });
    const a = ok(await committee(RECORD, { input })).recordPastActivity;
    expect(a).toMatchObject({
      title: '补录：楼道清理',
      status: 'COMPLETED',
      recordedAfterwards: true,
      outcome: OUTCOME,
      confirmedCount: 2,
      maxUnits: null,
      cancelReason: null,
      category: { code: 'ENVIRONMENT_SANITATION' },
      shelfProjects: [{ id: project }],
    });
    expect(new Date(a.startsAt).toISOString()).toBe(input.startsAt);
    expect(new Date(a.endsAt).toISOString()).toBe(input.endsAt);
    // Both sign-ups are made in one statement at one instant: their order is not the point here.
    const byUnit = (l: unknown[][]) => [...l].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(byUnit(a.signups.map((x: { unit: { id: string }; status: string; headcount: number }) => [x.unit.id, x.status, x.headcount]))).toEqual(
      byUnit([
        [unit1Id, 'CONFIRMED', 6],
        [unit2Id, 'CONFIRMED', 4],
      ]),
    );

    // The one points rule of a completion: +10 each, in the ledger under ACTIVITY_COMPLETED.
    const after = await Promise.all([unit1Id, unit2Id].map(pointsOf));
    expect(after.map((p, i) => p - before[i]!)).toEqual([10, 10]);
    const ledger = await s.sql(`SELECT unit_id, points, source FROM points_entry WHERE source_id = $1 ORDER BY unit_id`, [a.id]);
    expect(ledger).toEqual([unit1Id, unit2Id].sort().map((unit_id) => ({ unit_id, points: 10, source: 'ACTIVITY_COMPLETED' })));

    const entries = await s.sql(`SELECT action, actor_name, summary FROM audit_entry WHERE subject_id = $1 ORDER BY at, id`, [a.id]);
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['ACTIVITY_RECORD', 'POINTS_AWARD']);
    const rec = entries.find((e: { action: string }) => e.action === 'ACTIVITY_RECORD');
    expect(rec.summary).toEqual({
      title: '补录：楼道清理',
      after: { status: 'COMPLETED' },
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      outcome: { participants: OUTCOME.participants, volunteerHours: OUTCOME.volunteerHours, beneficiaries: OUTCOME.beneficiaries },
      confirmedUnits: 2,
    });
    expect(entries.find((e: { action: string }) => e.action === 'POINTS_AWARD').summary).toMatchObject({ source: 'ACTIVITY_COMPLETED', pointsEach: 10, total: 20 });

    // It is finished: nothing more can happen to it.
    expect(codeOf(await committee(CANCEL, { id: a.id, reason: '取消' }))).toBe('CONFLICT');
    const [signup] = await s.sql(`SELECT id FROM signup WHERE activity_id = $1 AND unit_id = $2`, [a.id, unit1Id]);
    expect(codeOf(await committee(WITHDRAW, { id: signup.id }))).toBe('CONFLICT');
    // The activities the usual way are not marked.
    const usual = await openActivity(committee);
    expect(ok(await committee(`query($id: ID!) { activity(id: $id) { recordedAfterwards } }`, { id: usual.id })).activity.recordedAfterwards).toBe(false);
  });

  it('an activity that ended a moment ago can be recorded', async () => {
    const r = ok(await committee(RECORD, { input: recordInput({ startsAt: ago(2 * HOUR), endsAt: ago(1000) }) })).recordPastActivity;
    expect(r.status).toBe('COMPLETED');
  });

  it.each([
    ['endsAt', 'NOT_IN_PAST', () => ({ startsAt: ago(HOUR), endsAt: new Date(Date.now() + HOUR).toISOString() })],
    ['endsAt', 'NOT_IN_PAST', () => ({ startsAt: new Date(Date.now() + HOUR).toISOString(), endsAt: new Date(Date.now() + 2 * HOUR).toISOString() })],
    ['endsAt', 'DATE_ORDER', () => ({ startsAt: ago(HOUR), endsAt: ago(2 * HOUR) })],
    ['units', 'REQUIRED', () => ({ units: [] })],
    ['units', 'DUPLICATE', () => ({ units: [{ unitId: unit1Id, headcount: 1 }, { unitId: unit1Id, headcount: 2 }] })],
    ['units', 'INVALID_ID', () => ({ units: [{ unitId: '00000000-0000-4000-8000-000000000000', headcount: 1 }] })],
    ['units[0].unitId', 'INVALID_ID', () => ({ units: [{ unitId: 'nope', headcount: 1 }] })],
    ['headcount', 'OUT_OF_RANGE', () => ({ units: [{ unitId: unit1Id, headcount: 0 }] })],
    ['participants', 'OUT_OF_RANGE', () => ({ outcome: { ...OUTCOME, participants: -1 } })],
    ['summary', 'REQUIRED', () => ({ outcome: { ...OUTCOME, summary: '  ' } })],
    ['title', 'REQUIRED', () => ({ title: ' ' })],
    ['categoryCode', 'INVALID_ID', () => ({ categoryCode: 'NO_SUCH_CODE' })],
  ])('bad input %s (%s) writes nothing', async (field, reason, overrides) => {
    const [activities, audit] = [await activityCount(), await auditCount()];
    const r = await committee(RECORD, { input: recordInput(overrides()) });
    expect(codeOf(r), JSON.stringify(r.errors)).toBe('BAD_USER_INPUT');
    const ext = r.errors![0]!.extensions!;
    expect(ext.field === field || String(ext.field).endsWith(`.${field}`), JSON.stringify(ext)).toBe(true);
    if (field !== 'categoryCode') expect(ext.reason).toBe(reason);
    expect(await activityCount()).toBe(activities);
    expect(await auditCount()).toBe(audit);
  });

  it('the units must be of the alliance', async () => {
    const nUnit = await userUnit(s, 'n-unit1');
    const before = await activityCount();
    const r = await committee(RECORD, { input: recordInput({ units: [{ unitId: unit1Id, headcount: 1 }, { unitId: nUnit, headcount: 1 }] }) });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'units', reason: 'INVALID_ID' });
    expect(await activityCount()).toBe(before);
  });

  it('is the committee’s only: every other role is FORBIDDEN, and writes nothing', async () => {
    const before = [await activityCount(), await auditCount()];
    for (const who of ['unit1', 'unit2', 'grid1', 'viewer']) {
      const c = await s.as(who);
      // A liaison naming only its own unit is refused all the same.
      const own = await userUnit(s, who);
      const units = own ? [{ unitId: own, headcount: 2 }] : undefined;
      expect(codeOf(await c(RECORD, { input: recordInput(units ? { units } : {}) })), who).toBe('FORBIDDEN');
    }
    expect(codeOf(await s.gql(RECORD, { input: recordInput() }))).toBe('UNAUTHENTICATED');
    expect([await activityCount(), await auditCount()]).toEqual(before);
  });

  it("the neighbouring committee records into its own alliance only", async () => {
    const n = await s.as('n-committee');
    const nUnit = await userUnit(s, 'n-unit1');
    const r = ok(await n(RECORD, { input: recordInput({ units: [{ unitId: nUnit, headcount: 3 }], categoryCode: null }) })).recordPastActivity;
    expect(ok(await committee(`query($id: ID!) { activity(id: $id) { id } }`, { id: r.id })).activity).toBeNull();
    const [row] = await s.sql(`SELECT a.alliance_id = u.alliance_id AS same FROM activity a, app_user u WHERE a.id = $1 AND u.username = 'n-committee'`, [r.id]);
    expect(row.same).toBe(true);
  });

  it('when its audit entry cannot be written, nothing is recorded (one transaction)', async () => {
    const [units] = [await makeUnits(s, 1, '补录事务')];
    await s.sql(`
      CREATE FUNCTION test_refuse_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'ACTIVITY_RECORD' THEN RAISE EXCEPTION 'audit refused by the test'; END IF;
        RETURN NEW;
      END $$`);
    await s.sql(`CREATE TRIGGER test_refuse_record BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION test_refuse_record()`);
    try {
      const before = [await activityCount(), await auditCount()];
      const r = await committee(RECORD, { input: recordInput({ units: [{ unitId: units![0], headcount: 2 }] }) });
      expect(codeOf(r)).toBe('INTERNAL_SERVER_ERROR');
      expect([await activityCount(), await auditCount()]).toEqual(before);
      expect(await s.sql(`SELECT 1 FROM points_entry WHERE unit_id = $1`, [units![0]])).toEqual([]);
    } finally {
      await s.sql(`DROP TRIGGER test_refuse_record ON audit_entry`);
      await s.sql(`DROP FUNCTION test_refuse_record()`);
    }
  });
});
