import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import {
  CANCEL,
  COMPLETE,
  OUTCOME,
  SIGN_UP,
  START,
  WITHDRAW,
  makeNeeds,
  makeUnits,
  ok,
  onShelfProjects,
  openActivity,
  setSpan,
  timeHasCome,
  userUnit,
} from './helpers.js';

let s: TestServer;
let committee: Client;

const LIST = `query($filter: ActivityFilter, $first: Int, $after: String) {
  activities(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } nodes { id status startsAt endsAt }
  }
}`;

const HOUR = 3_600_000;
/** The SQL-count data lives in 2095, the filter data in 2096: apart from each other and from any demo data. */
const at = (year: number, hours: number) => new Date(Date.UTC(year, 0, 1) + hours * HOUR).toISOString();
const COUNT_RANGE = { from: at(2095, 0), to: at(2095, 24 * 30) };

let units: string[];
let projects: string[];
let needs: string[];
const counted: string[] = [];

beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
  units = await makeUnits(s, 3, '查询测试');
  projects = await onShelfProjects(s, 3);
  needs = await makeNeeds(s, 2);
  // 22 activities with sign-ups, shelf projects and needs, created through the API.
  for (let i = 0; i < 22; i++) {
    const a = await openActivity(committee, {
      startsAt: at(2095, i * 24),
      endsAt: at(2095, i * 24 + 3),
      maxUnits: 2,
      shelfProjectIds: [projects[i % 3], projects[(i + 1) % 3]],
      needIds: [needs[i % 2]],
      categoryCode: ['PARTY_MASS_SERVICE', 'ENVIRONMENT_SANITATION', 'LIVELIHOOD_SECURITY'][i % 3],
    });
    for (const unitId of units) ok(await committee(SIGN_UP, { activityId: a.id, headcount: 2, unitId }));
    counted.push(a.id);
  }
});
afterAll(() => s?.close());

describe('activities', () => {
  it('lists latest first (startsAt DESC, id DESC) and pages with a cursor through the whole set', async () => {
    const all = ok(await committee(LIST, { filter: COUNT_RANGE, first: 100 })).activities;
    expect(all.totalCount).toBe(22);
    expect(all.nodes.map((n: { id: string }) => n.id)).toEqual([...counted].reverse());
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = ok(await committee(LIST, { filter: COUNT_RANGE, first: 5, after })).activities;
      expect(page.totalCount).toBe(22);
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n: { id: string }) => n.id));
  });

  it('breaks ties on startsAt by id, descending', async () => {
    const t = { startsAt: at(2097, 0), endsAt: at(2097, 1) };
    const ids = [(await openActivity(committee, t)).id, (await openActivity(committee, t)).id, (await openActivity(committee, t)).id];
    const page1 = ok(await committee(LIST, { filter: { from: at(2097, 0) }, first: 2 })).activities;
    const page2 = ok(await committee(LIST, { filter: { from: at(2097, 0) }, first: 2, after: page1.pageInfo.endCursor })).activities;
    expect([...page1.nodes, ...page2.nodes].map((n: { id: string }) => n.id)).toEqual([...ids].sort().reverse());
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a bad page size, a malformed cursor and a malformed unit id', async () => {
    for (const [vars, field] of [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'not a cursor!' }, 'after'],
      [{ after: Buffer.from('["x"]').toString('base64url') }, 'after'],
      [{ filter: { unitId: 'nope' } }, 'filter.unitId'],
      [{ filter: { from: at(2095, 10), to: at(2095, 0) } }, 'filter.to'],
    ] as const) {
      const r = await committee(LIST, vars);
      expect(codeOf(r), JSON.stringify(vars)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.extensions!.field).toBe(field);
    }
  });

  it('filters by status (any of a list), by overlap with [from, to], and by unit', async () => {
    const y = 2096;
    const mk = (h0: number, h1: number) => openActivity(committee, { startsAt: at(y, h0), endsAt: at(y, h1), maxUnits: 1 });
    const early = await mk(0, 10); // [0, 10]
    const middle = await mk(20, 30); // [20, 30]
    const late = await mk(40, 50); // [40, 50]
    // Its time comes, it runs and completes; then its span goes back to the test's year.
    await timeHasCome(s, middle.id);
    ok(await committee(START, { id: middle.id }));
    ok(await committee(COMPLETE, { id: middle.id, outcome: OUTCOME }));
    await setSpan(s, middle.id, at(y, 20), at(y, 30));
    ok(await committee(CANCEL, { id: late.id, reason: '取消' }));
    const ids = async (filter: Record<string, unknown>) =>
      ok(await committee(LIST, { filter: { from: at(y, 0), to: at(y, 100), ...filter }, first: 100 })).activities.nodes.map(
        (n: { id: string }) => n.id,
      );
    expect(await ids({})).toEqual([late.id, middle.id, early.id]);
    expect(await ids({ status: ['OPEN', 'COMPLETED'] })).toEqual([middle.id, early.id]);
    expect(await ids({ status: ['CANCELLED'] })).toEqual([late.id]);
    // Overlap: an activity running across either end of the range is in it.
    expect(await ids({ from: at(y, 5), to: at(y, 25) })).toEqual([middle.id, early.id]);
    expect(await ids({ from: at(y, 10), to: at(y, 20) })).toEqual([middle.id, early.id]);
    expect(await ids({ from: at(y, 11), to: at(y, 19) })).toEqual([]);
    expect(await ids({ from: at(y, 45) })).toEqual([late.id]);
    const onlyTo = ok(await committee(LIST, { filter: { to: at(y, 15) }, first: 100 })).activities.nodes.map((n: { id: string }) => n.id);
    expect(onlyTo).toContain(early.id);
    expect(onlyTo).not.toContain(middle.id);

    // unitId: activities the unit signed up for, live or not.
    const [unitA, unitB] = await makeUnits(s, 2, '筛选测试');
    const open2 = await mk(60, 61);
    ok(await committee(SIGN_UP, { activityId: early.id, headcount: 1, unitId: unitA }));
    const waiting = ok(await committee(SIGN_UP, { activityId: open2.id, headcount: 1, unitId: unitB })).signUpForActivity;
    const withdrawn = ok(await committee(SIGN_UP, { activityId: open2.id, headcount: 1, unitId: unitA })).signUpForActivity;
    expect(waiting.status).toBe('CONFIRMED');
    expect(withdrawn.status).toBe('WAITLISTED');
    ok(await committee(WITHDRAW, { id: withdrawn.id }));
    expect(await ids({ unitId: unitA })).toEqual([open2.id, early.id]);
    expect(await ids({ unitId: unitB })).toEqual([open2.id]);
    expect(await ids({ unitId: unitB, status: ['COMPLETED'] })).toEqual([]);
    const total = ok(await committee(LIST, { filter: { unitId: unitA }, first: 1 })).activities;
    expect(total).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    // A unit of the neighbouring alliance has signed up for nothing here.
    expect(await ids({ unitId: await userUnit(s, 'n-unit1') })).toEqual([]);
  });

  it('resolves category, shelf projects, needs and sign-ups with their units', async () => {
    const id = counted[4]!;
    const r = ok(
      await committee(
        `query($id: ID!) { activity(id: $id) {
          category { code name } confirmedCount
          shelfProjects { id status unit { name } }
          needs { id title }
          signups { status headcount unit { id name } activity { id } }
          confirmed: signups(status: CONFIRMED) { unit { id } }
        } }`,
        { id },
      ),
    ).activity;
    expect(r.category).toEqual({ code: 'ENVIRONMENT_SANITATION', name: '环境卫生' });
    expect(r.shelfProjects.map((p: { id: string }) => p.id).sort()).toEqual([projects[1], projects[2]].sort());
    for (const p of r.shelfProjects) expect(p.status).toBe('ON_SHELF');
    expect(r.needs.map((n: { id: string }) => n.id)).toEqual([needs[0]]);
    expect(r.signups.map((x: { status: string; unit: { id: string } }) => [x.unit.id, x.status])).toEqual([
      [units[0], 'CONFIRMED'],
      [units[1], 'CONFIRMED'],
      [units[2], 'WAITLISTED'],
    ]);
    expect(r.signups[0].unit.name).toBe('查询测试单位1');
    expect(r.signups[0].activity.id).toBe(id);
    expect(r.confirmedCount).toBe(2);
    expect(r.confirmed.map((x: { unit: { id: string } }) => x.unit.id)).toEqual([units[0], units[1]]);
  });

  it('sends as many SQL statements for 20 activities as for 5', async () => {
    const Q = `query($first: Int, $filter: ActivityFilter) { activities(first: $first, filter: $filter) { nodes {
      id signups { status unit { name } } shelfProjects { title unit { name } } needs { title } category { name }
    } } }`;
    const five = await committee(Q, { first: 5, filter: COUNT_RANGE });
    const twenty = await committee(Q, { first: 20, filter: COUNT_RANGE });
    const nodes5 = ok(five).activities.nodes;
    const nodes20 = ok(twenty).activities.nodes;
    expect(nodes5).toHaveLength(5);
    expect(nodes20).toHaveLength(20);
    for (const n of nodes20) {
      expect(n.signups).toHaveLength(3);
      expect(n.shelfProjects).toHaveLength(2);
      expect(n.needs).toHaveLength(1);
      expect(n.category.name).toBeTruthy();
      expect(n.signups[0].unit.name).toMatch(/^查询测试单位/);
    }
    expect(Number.isFinite(five.sql)).toBe(true);
    expect(twenty.sql).toBe(five.sql);
    // page + count, then one batch per relation: category, sign-ups, projects, needs, and units.
    expect(twenty.sql).toBeLessThanOrEqual(8);
  });

  it('every role lists activities; the neighbouring committee sees none of these', async () => {
    for (const username of ['unit1', 'grid1', 'viewer']) {
      const c = await s.as(username);
      expect(ok(await c(LIST, { filter: COUNT_RANGE, first: 100 })).activities.totalCount).toBe(22);
    }
    const n = await s.as('n-committee');
    expect(ok(await n(LIST, { filter: COUNT_RANGE, first: 100 })).activities.totalCount).toBe(0);
  });
});

describe('activities: the list\'s search form (keyword, kind)', () => {
  it('finds a keyword in the title or the location, and narrows by kind', async () => {
    const mark = `检索${Math.random().toString(36).slice(2, 8)}`;
    const byTitle = await openActivity(committee, { title: `${mark} 楼道清理`, kind: 'CIVILIZED_CITY' });
    const byPlace = await openActivity(committee, { location: `${mark} 活动室`, kind: 'PARTY_HISTORY' });
    await openActivity(committee, { title: '无关的活动', kind: 'PARTY_HISTORY' });
    const ids = async (filter: Record<string, unknown>) =>
      ok(await committee(LIST, { filter, first: 100 })).activities.nodes.map((n: { id: string }) => n.id).sort();
    expect(await ids({ search: mark })).toEqual([byTitle.id, byPlace.id].sort());
    expect(await ids({ search: mark.toUpperCase() })).toEqual([byTitle.id, byPlace.id].sort());
    expect(await ids({ search: mark, kind: 'PARTY_HISTORY' })).toEqual([byPlace.id]);
    // LIKE's wildcards are the user's characters, not patterns.
    expect(await ids({ search: '%' })).toEqual([]);
  });

  it('refuses a keyword longer than the search limit, naming the field', async () => {
    const r = await committee(LIST, { filter: { search: 'x'.repeat(101) } });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toMatch(/search$/);
  });
});
