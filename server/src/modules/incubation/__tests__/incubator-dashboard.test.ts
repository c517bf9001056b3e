import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityKind } from '@alliance/shared';
import { startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';

/**
 * The dashboard's figures of issue 12 points 3 and 4: events and
 * beneficiaries per activity kind (红色教育 and 党史学习 among them), and the
 * incubator's organisations incubated and services given, each equal to its
 * definition counted with SQL, and moved at once (the cached figures
 * dropped) by the events FIGURES_MOVED_BY lists, while an application, which
 * moves none, leaves the cache alone.
 */

let s: TestServer;
let committee: Client;
let allianceId: string;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
  [{ alliance_id: allianceId }] = await s.sql(`SELECT alliance_id FROM app_user WHERE username = 'committee'`);
});
afterAll(() => s?.close());

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const RANGE = { from: '2018-07-01', to: today() };
const INCUBATOR = `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { computedAt incubator { organisationsIncubated servicesGiven } } }`;
const ok = (r: GqlResult) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r;
};

describe('events and beneficiaries per kind', () => {
  it('lists every kind, 红色教育 and 党史学习 included, each with its completed events and their beneficiaries, adding up; a recorded RED_EDUCATION event moves them at once', async () => {
    const ASK = `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { activitiesCompleted beneficiaries activitiesByKind { kind count beneficiaries } } }`;
    const d = ok(await committee(ASK, RANGE)).data.dashboard;
    expect(d.activitiesByKind.map((k: any) => k.kind)).toEqual(Object.values(ActivityKind));
    expect(d.activitiesByKind.reduce((n: number, k: any) => n + k.count, 0)).toBe(d.activitiesCompleted);
    expect(d.activitiesByKind.reduce((n: number, k: any) => n + k.beneficiaries, 0)).toBe(d.beneficiaries);
    const rows = await s.sql(
      `SELECT kind, count(*)::int AS count, sum(outcome_beneficiaries)::int AS beneficiaries FROM activity
        WHERE alliance_id = $1 AND status = 'COMPLETED' AND ends_at < now() GROUP BY kind`,
      [allianceId],
    );
    for (const k of d.activitiesByKind) {
      const row = rows.find((r) => r.kind === k.kind) ?? { count: 0, beneficiaries: 0 };
      expect({ kind: k.kind, count: k.count, beneficiaries: k.beneficiaries }).toEqual({ kind: k.kind, count: row.count, beneficiaries: row.beneficiaries });
    }

    const red = (x: any) => x.activitiesByKind.find((k: any) => k.kind === 'RED_EDUCATION');
    const recorded = await committee(`mutation($input: RecordPastActivityInput!) { recordPastActivity(input: $input) { id } }`, {
      input: {
        title: '红色驿站·流动展览进军营',
        description: '红色驿站流动展板进驻驻区部队，讲述松山社区的红色故事。',
        kind: 'RED_EDUCATION',
        location: '驻区部队营区',
        startsAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() - 3 * 86_400_000 + 2 * 3_600_000).toISOString(),
        units: [{ unitId: demoId('songshan:unit:0'), headcount: 3 }],
        outcome: { participants: 60, volunteerHours: 6, beneficiaries: 157, summary: '官兵157人次参观' },
      },
    });
    ok(recorded);
    const after = ok(await committee(ASK, RANGE)).data.dashboard;
    expect(red(after)).toEqual({ kind: 'RED_EDUCATION', count: red(d).count + 1, beneficiaries: red(d).beneficiaries + 157 });
  });
});

describe('the incubator on the dashboard', () => {
  let seq = 0;
  async function socialOrg() {
    seq++;
    const [u] = await s.sql(
      `INSERT INTO member_unit (alliance_id, name, kind, party_member_count, contact_name, contact_phone, status, joined_at)
       VALUES ($1, $2, 'SOCIAL_ORGANIZATION', 0, '联系人', '13900000000', 'ACTIVE', '2023-01-01') RETURNING id`,
      [allianceId, `驾驶舱孵化组织${seq}`],
    );
    return u.id as string;
  }

  it('organisationsIncubated and servicesGiven match their definitions on the demo data and on an earlier day', async () => {
    const d = ok(await committee(INCUBATOR, RANGE)).data.dashboard.incubator;
    const [row] = await s.sql(
      `SELECT count(*)::int AS n FROM incubation WHERE alliance_id = $1 AND stage IN ('INCUBATING', 'GRADUATED') AND started_on <= $2::date`,
      [allianceId, RANGE.to],
    );
    expect(d.organisationsIncubated).toBe(row.n);
    // With no range cut, servicesGiven is the sum of the organisations' own figures.
    const list = ok(await committee(`{ incubations { stage startedOn servicesGiven } }`)).data.incubations;
    const counted = list.filter((i: any) => ['INCUBATING', 'GRADUATED'].includes(i.stage));
    expect(d.servicesGiven).toBe(counted.reduce((n: number, i: any) => n + i.servicesGiven, 0));
    const before = ok(await committee(INCUBATOR, { from: '2010-01-01', to: '2018-06-30' })).data.dashboard.incubator;
    expect(before).toEqual({ organisationsIncubated: 0, servicesGiven: 0 });
  });

  it('an application moves nothing (the cached figures stay); taking in, a booking done and leaving move them at once', async () => {
    const first = ok(await committee(INCUBATOR, RANGE));
    const unitId = await socialOrg();
    const applied = ok(await committee(`mutation($u: ID!) { applyIncubation(unitId: $u) { id version } }`, { u: unitId })).data.applyIncubation;
    const still = ok(await committee(INCUBATOR, RANGE));
    expect(still.sql).toBe(0);
    expect(still.data.dashboard).toEqual(first.data.dashboard);

    ok(await committee(`mutation($id: ID!, $m: ID!) { startIncubation(id: $id, mentorUnitId: $m) { stage } }`, { id: applied.id, m: demoId('songshan:unit:1') }));
    const started = ok(await committee(INCUBATOR, RANGE));
    expect(started.sql).toBeGreaterThan(0);
    expect(started.data.dashboard.incubator).toEqual({ ...first.data.dashboard.incubator, organisationsIncubated: first.data.dashboard.incubator.organisationsIncubated + 1 });

    // A resident's booking of its project, an hour ago, marked done.
    const [category] = await s.sql(`SELECT id FROM service_category WHERE alliance_id = $1 LIMIT 1`, [allianceId]);
    const [p] = await s.sql(
      `INSERT INTO shelf_project (alliance_id, unit_id, category_id, title, description, status, capacity_per_month, tags)
       VALUES ($1, $2, $3, '孵化组织服务', '说明', 'ON_SHELF', 10, '{}') RETURNING id`,
      [allianceId, unitId, category.id],
    );
    const [slot] = await s.sql(
      // Begun an hour ago, but not before today's local midnight: the stay starts today, and a slot of
      // yesterday evening (this test run just after midnight in Shanghai) is no service of the stay.
      `WITH t AS (SELECT greatest(now() - interval '1 hour', date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai') AS begins)
       INSERT INTO service_slot (alliance_id, shelf_project_id, unit_id, starts_at, ends_at, capacity, off_hours)
       SELECT $1, $2, $3, t.begins, t.begins + interval '50 minutes', 3, true FROM t RETURNING id`,
      [allianceId, p.id, unitId],
    );
    const [booking] = await s.sql(
      `INSERT INTO booking (alliance_id, slot_id, resident_name, resident_phone, status) VALUES ($1, $2, '居民', '13900000002', 'BOOKED') RETURNING id`,
      [allianceId, slot.id],
    );
    const cached = ok(await committee(INCUBATOR, RANGE));
    expect(cached.sql).toBe(0);
    ok(await committee(`mutation($id: ID!) { completeBooking(id: $id, outcome: DONE) { status } }`, { id: booking.id }));
    const served = ok(await committee(INCUBATOR, RANGE)).data.dashboard.incubator;
    expect(served.servicesGiven).toBe(started.data.dashboard.incubator.servicesGiven + 1);

    const current = ok(await committee(`{ incubations(stage: INCUBATING) { id version } }`)).data.incubations.find((i: any) => i.id === applied.id);
    ok(await committee(`mutation($id: ID!, $v: Int) { leaveIncubation(id: $id, reason: "转入其他社区", version: $v) { stage } }`, { id: applied.id, v: current.version }));
    const left = ok(await committee(INCUBATOR, RANGE)).data.dashboard.incubator;
    expect(left).toEqual(first.data.dashboard.incubator);
  });
});
