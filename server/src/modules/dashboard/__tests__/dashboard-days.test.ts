import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityKind, NeedStatus } from '@alliance/shared';
import { startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';
import { COMPLETE, OUTCOME, SIGN_UP, START, activityInput, ok, openActivity, timeHasCome } from '../../activity/__tests__/helpers.js';
import { M, driveTo, world, type World } from '../../need/__tests__/need-helpers.js';
import * as records from './figures-from-records.js';

/*
 * The dashboard sums per-day aggregates kept by the domain events
 * (dashboard.days.ts); figures-from-records.ts counts every figure on the
 * records, as the dashboard did before. For the demo data (aggregated once
 * by the seed) and after a series of domain actions, both give the same
 * answer, for several ranges and both alliances. Figures are computed afresh
 * (no cache) on every request.
 */

let s: TestServer;
let w: World;
beforeAll(async () => {
  s = await startTestServer({ dashboardCacheSeconds: 0 });
  w = await world(s);
  await s.sql(`UPDATE alliance SET max_open_claims = 100`);
});
afterAll(() => s?.close());

const MAIN = demoId('songshan');
const NEIGHBOUR = demoId('songlin');

const EVERY_FIGURE = `query($from: Date, $to: Date) {
  dashboard(from: $from, to: $to) {
    from to unitCount signedAgreementCount shelfProjectsOnShelf
    needsReported needsResolved needsOverdue averageSatisfaction
    activitiesCompleted volunteerHours beneficiaries bookingsDone offHoursBookingsDone
    shelfProjectsByCategory { category { id } count }
    activitiesByMonth { month count }
    activitiesByKind { kind count beneficiaries }
    needsByStatus { status count }
    topUnits(first: 100) { unit { id } points activities }
    needsByGrid { grid { id } reported resolved }
    satisfactionByMonth { month followUps average }
  }
}`;

/** The same figures, counted on the records by the statements the dashboard used before the aggregates. */
async function fromRecords(allianceId: string, from: string, to: string) {
  const range = [allianceId, from, to];
  const [scalars] = await s.sql(records.SCALAR_FIGURES, range);
  const [bookings] = await s.sql(records.BOOKINGS_DONE, range);
  return {
    from,
    to,
    ...scalars,
    ...bookings,
    shelfProjectsByCategory: (await s.sql(records.SHELF_PROJECTS_BY_CATEGORY, [allianceId])).map((r: any) => ({ category: { id: r.categoryId }, count: r.count })),
    activitiesByMonth: await s.sql(records.ACTIVITIES_BY_MONTH, range),
    activitiesByKind: await s.sql(records.ACTIVITIES_BY_KIND, [...range, Object.values(ActivityKind)]),
    needsByStatus: await s.sql(records.NEEDS_BY_STATUS, [...range, Object.values(NeedStatus)]),
    topUnits: (await s.sql(records.TOP_UNITS, [...range, 100])).map((r: any) => ({ unit: { id: r.unitId }, points: r.points, activities: r.activities })),
    needsByGrid: (await s.sql(records.NEEDS_BY_GRID, range)).map((r: any) => ({ grid: { id: r.gridId }, reported: r.reported, resolved: r.resolved })),
    satisfactionByMonth: await s.sql(records.SATISFACTION_BY_MONTH, range),
  };
}

/** Today and other days in Asia/Shanghai (UTC+8 all year). */
const localDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Ranges of every shape: whole years, whole months, partial months at either end, one day, inside one month, all time, today. */
function ranges(): [string, string][] {
  const today = localDay();
  return [
    [`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, today],
    ['2020-01-01', '2020-12-31'],
    ['2024-02-15', '2025-03-10'],
    ['2025-06-03', '2025-06-20'],
    ['2025-06-01', '2025-06-30'],
    ['2025-05-31', '2025-07-01'],
    ['2021-01-01', '2021-01-01'],
    ['2015-01-01', localDay(400)],
    [localDay(-40), today],
    [today, today],
    ['2024-05-01', '2024-05-01'],
  ];
}

async function expectSameAsRecords(who: Client, allianceId: string) {
  for (const [from, to] of ranges()) {
    const r = await who(EVERY_FIGURE, { from, to });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data.dashboard, `${from}..${to}`).toEqual(await fromRecords(allianceId, from, to));
  }
}

describe('dashboard figures from per-day aggregates', () => {
  it('equal the figures counted on the records for the demo data, every range, both alliances', async () => {
    const top = ok(await w.committee(EVERY_FIGURE, { from: '2015-01-01', to: localDay() })).dashboard;
    // Not vacuous: the demo data has figures in every list.
    expect(top.needsReported).toBeGreaterThan(100);
    expect(top.activitiesCompleted).toBeGreaterThan(100);
    expect(top.topUnits.length).toBeGreaterThan(5);
    expect(top.averageSatisfaction).not.toBeNull();
    expect(top.needsByGrid.filter((g: any) => g.resolved > 0).length).toBeGreaterThan(1);
    expect(top.satisfactionByMonth.filter((m: any) => m.followUps > 0).length).toBeGreaterThan(3);
    await expectSameAsRecords(w.committee, MAIN);
    await expectSameAsRecords(w.nCommittee, NEIGHBOUR);
  }, 180_000);

  it('stay equal after reports, screening, orders, resolutions, follow-ups (one reopening), activities completed and recorded, and points', async () => {
    // Today and tomorrow: the activity below ends two hours after it starts (after local midnight when the test runs
    // after 22:00 in Shanghai), and a test started just before midnight reports its needs the next day.
    const todayAndTomorrow = { from: localDay(), to: localDay(1) };
    const before = ok(await w.committee(EVERY_FIGURE, todayAndTomorrow)).dashboard;
    // The need loop, to each of its statuses; a follow-up with 5 earns points, one with 2 reopens the need.
    for (const status of ['REPORTED', 'REJECTED', 'ACCEPTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const) await driveTo(w, status);
    await driveTo(w, 'CLOSED', { satisfaction: 5 });
    const reopened = await driveTo(w, 'CLOSED', { satisfaction: 2 });
    expect(reopened.status).toBe('IN_PROGRESS');
    // Resolved and followed up again: the second follow-up replaces the first.
    ok(await w.grid1(M.resolve, { id: reopened.id, resolution: '再次维修' }));
    ok(await w.committee(M.followUp, { id: reopened.id, satisfaction: 4 }));
    // The neighbouring alliance's needs are its own.
    ok(await w.nCommittee(M.report, { input: { ...(await neighbourReport()) } }));

    // An activity completed with two units confirmed (points and activities for both), one waitlisted.
    const a = await openActivity(w.committee, { maxUnits: 2 });
    const third = (await s.sql(`SELECT id FROM member_unit WHERE alliance_id = $1 AND id <> ALL($2) ORDER BY name LIMIT 1`, [MAIN, [w.unitId.unit1, w.unitId.unit2]]))[0].id;
    for (const unitId of [w.unitId.unit1, w.unitId.unit2, third]) ok(await w.committee(SIGN_UP, { activityId: a.id, headcount: 3, unitId }));
    await timeHasCome(s, a.id);
    ok(await w.committee(START, { id: a.id }));
    ok(await w.committee(COMPLETE, { id: a.id, outcome: OUTCOME }));
    // 补录 in the middle of a past month, ending late in the evening local time (the next day in UTC minus eight hours).
    const past = activityInput({ kind: 'RED_EDUCATION', startsAt: '2024-05-01T10:00:00Z', endsAt: '2024-05-01T15:30:00Z' });
    delete (past as Record<string, unknown>).maxUnits;
    ok(await w.committee(`mutation($input: RecordPastActivityInput!) { recordPastActivity(input: $input) { id } }`, {
      input: { ...past, outcome: { ...OUTCOME, volunteerHours: 7.5 }, units: [{ unitId: w.unitId.unit2, headcount: 4 }] },
    }));

    const after = ok(await w.committee(EVERY_FIGURE, todayAndTomorrow)).dashboard;
    expect(after.needsReported).toBe(before.needsReported + 10);
    expect(after.activitiesCompleted).toBe(before.activitiesCompleted + 1);
    expect(after.topUnits.length).toBeGreaterThan(before.topUnits.length);
    const may = ok(await w.committee(EVERY_FIGURE, { from: '2024-05-01', to: '2024-05-01' })).dashboard;
    expect(may.activitiesByKind.find((k: any) => k.kind === 'RED_EDUCATION').count).toBeGreaterThanOrEqual(1);

    await expectSameAsRecords(w.committee, MAIN);
    await expectSameAsRecords(w.nCommittee, NEIGHBOUR);
  }, 180_000);

  it('come in one statement for every figure without arguments of its own, computed afresh on every request', async () => {
    const range = { from: '2020-01-01', to: '2020-12-31' };
    // Every figure but the two lists with a `first`: one statement, however many are asked for, through fragments too.
    const all = await w.committee(
      `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { ...F needsByGrid { reported } satisfactionByMonth { average } bookingsDone offHoursBookingsDone } }
       fragment F on Dashboard { unitCount needsReported averageSatisfaction shelfProjectsByCategory { count } activitiesByMonth { count } activitiesByKind { count } needsByStatus { count } }`,
      range,
    );
    expect(all.errors).toBeUndefined();
    const one = await w.committee(`query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { needsReported } }`, range);
    expect(all.sql).toBe(one.sql);
    expect(all.sql).toBe(1);
    expect(all.data.dashboard.needsByGrid.reduce((n: number, g: any) => n + g.reported, 0)).toBe(all.data.dashboard.needsReported);
    // topUnits and its units' names in the same statement; afresh again the second time.
    const top = await w.committee(`query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { needsReported topUnits(first: 5) { unit { name } points } } }`, range);
    expect(top.sql).toBe(1);
    expect((await w.committee(`query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { needsReported } }`, range)).sql).toBe(1);
  });

  it('rank topUnits under every alias in the one statement, each its own first rows; a bad first is refused on its field', async () => {
    const range = { from: '2015-01-01', to: localDay() };
    const units = `unit { id name } points activities`;
    const both = await w.committee(
      `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { needsReported three: topUnits(first: 3) { ${units} } all: topUnits(first: 100) { ${units} } } }`,
      range,
    );
    expect(both.errors).toBeUndefined();
    expect(both.sql).toBe(1);
    const { three, all } = both.data.dashboard;
    expect(all.length).toBeGreaterThan(5);
    expect(three).toEqual(all.slice(0, 3));
    // Each alone, with its own LIMIT: the same rows.
    const alone = async (first: number) => ok(await w.committee(`query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { topUnits(first: ${first}) { ${units} } } }`, range)).dashboard.topUnits;
    expect(await alone(3)).toEqual(three);
    expect(await alone(100)).toEqual(all);
    expect(all).toEqual((await fromRecords(MAIN, range.from, range.to)).topUnits.map((r: any, i: number) => ({ ...r, unit: { id: r.unit.id, name: all[i].unit.name } })));

    const bad = await w.committee(
      `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { needsReported good: topUnits(first: 2) { points } bad: topUnits(first: 101) { points } } }`,
      range,
    );
    // The list is non-null: as before, its error empties the dashboard (data null), and names that field only.
    expect(bad.data).toBeNull();
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors![0]!.path).toEqual(['dashboard', 'bad']);
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('stay equal when one alliance\'s writers change the same day at once', async () => {
    await Promise.all([
      ...Array.from({ length: 4 }, () => driveTo(w, 'RESOLVED')),
      ...Array.from({ length: 4 }, () => driveTo(w, 'ACCEPTED')),
    ]);
    await expectSameAsRecords(w.committee, MAIN);
  }, 180_000);
});

async function neighbourReport() {
  const grids = ok(await w.nCommittee(`{ alliance { grids { id } } }`)).alliance.grids;
  return {
    title: '邻居联盟的诉求',
    description: '路灯不亮',
    gridId: grids[0].id,
    location: '1号楼',
    categoryCode: 'LIVELIHOOD_SECURITY',
    requesterName: '居民乙',
    requesterPhone: '13912345679',
  };
}
