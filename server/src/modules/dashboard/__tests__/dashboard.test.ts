import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';
import { resolveRange, twelveMonthsEndingOn } from '../dashboard.service.js';
import { rangeParams } from '../dashboard.figures.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const MAIN = demoId('songshan');
const NEIGHBOUR = demoId('songlin');

const DASHBOARD = `query($from: Date, $to: Date, $first: Int) {
  dashboard(from: $from, to: $to) {
    from to unitCount signedAgreementCount shelfProjectsOnShelf
    shelfProjectsByCategory { category { code name } count }
    needsReported needsResolved needsOverdue averageSatisfaction
    activitiesCompleted volunteerHours beneficiaries
    activitiesByMonth { month count }
    topUnits(first: $first) { unit { id name } points activities }
  }
}`;

/** Today in Asia/Shanghai (UTC+8 all year), and shifting a YYYY-MM-DD by whole years. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const yearsBefore = (day: string, years: number) => `${Number(day.slice(0, 4)) - years}${day.slice(4)}`.replace(/-02-29$/, '-02-28');

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    out.push(label);
    if (label === end) return out;
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
}

async function dashboard(who: string, vars: Record<string, unknown> = {}) {
  const r = await (await s.as(who))(DASHBOARD, vars);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r;
}

describe('dashboard on the demo data', () => {
  it('counts 107 needs reported in 2020 and 96 of them resolved or closed, in local time', async () => {
    const { data } = await dashboard('committee', { from: '2020-01-01', to: '2020-12-31' });
    expect(data.dashboard.needsReported).toBe(107);
    expect(data.dashboard.needsResolved).toBe(96);
    expect(data.dashboard.activitiesByMonth.map((m: any) => m.month)).toEqual(monthsBetween('2020-01-01', '2020-12-31'));
    // Averages the follow-ups done in 2020, as the database holds them.
    const [avg] = await s.sql(
      `SELECT round(avg(satisfaction), 2)::float8 AS a FROM need WHERE alliance_id = $1 AND satisfaction IS NOT NULL
          AND followed_up_at >= '2020-01-01T00:00:00+08:00' AND followed_up_at < '2021-01-01T00:00:00+08:00'`,
      [MAIN],
    );
    expect(data.dashboard.averageSatisfaction).toBe(avg.a);
    expect(data.dashboard.averageSatisfaction).toBeGreaterThanOrEqual(3);
    // The demo has needs reported on New Year's morning before 08:00 local (still the previous day in UTC).
    const newYear2021 = await dashboard('committee', { from: '2021-01-01', to: '2021-01-01' });
    expect(newYear2021.data.dashboard.needsReported).toBe(1);
    const newYearsEve2019 = await dashboard('committee', { from: '2019-12-31', to: '2019-12-31' });
    expect(newYearsEve2019.data.dashboard.needsReported).toBe(0);
  });

  it('splits the needs reported in range by their status now, every status listed, adding up', async () => {
    const c = await s.as('committee');
    const r = await c(`{ dashboard(from: "2020-01-01", to: "2020-12-31") { needsReported needsResolved needsByStatus { status count } } }`);
    const byStatus = r.data.dashboard.needsByStatus as { status: string; count: number }[];
    expect(byStatus.map((b) => b.status)).toEqual(['REPORTED', 'ACCEPTED', 'REJECTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']);
    expect(byStatus.reduce((n, b) => n + b.count, 0)).toBe(107);
    const resolved = byStatus.filter((b) => b.status === 'RESOLVED' || b.status === 'CLOSED').reduce((n, b) => n + b.count, 0);
    expect(resolved).toBe(r.data.dashboard.needsResolved);
    const rows = await s.sql(
      `SELECT status, count(*)::int AS n FROM need WHERE alliance_id = $1
          AND reported_at >= '2020-01-01T00:00:00+08:00' AND reported_at < '2021-01-01T00:00:00+08:00' GROUP BY status`,
      [MAIN],
    );
    for (const row of rows) expect(byStatus.find((b) => b.status === row.status)!.count, row.status).toBe(row.n);
  });

  it('defaults to the last 12 months up to today: 27 units (the 12 and the incubator\'s 15 newcomers), 9 signed agreements', async () => {
    const { data, sql } = await dashboard('committee');
    const d = data.dashboard;
    expect(d.to).toBe(today());
    expect(d.from).toBe(twelveMonthsEndingOn(today()));
    expect(d.unitCount).toBe(27);
    expect(d.signedAgreementCount).toBe(9);
    expect(d.activitiesByMonth.length).toBe(monthsBetween(d.from, d.to).length);
    // `from` alone runs to today.
    const alone = await dashboard('committee', { from: '2025-03-01' });
    expect(alone.data.dashboard).toMatchObject({ from: '2025-03-01', to: today() });
    // Aggregates in the database: a handful of statements, not a row per record.
    expect(sql).toBeLessThanOrEqual(8);
  });

  it('shows ON_SHELF projects by every category, adding up', async () => {
    const { data } = await dashboard('viewer');
    const d = data.dashboard;
    expect(d.shelfProjectsOnShelf).toBeGreaterThanOrEqual(50);
    expect(d.shelfProjectsByCategory.map((c: any) => c.category.code)).toEqual(['PARTY_MASS_SERVICE', 'ENVIRONMENT_SANITATION', 'LIVELIHOOD_SECURITY']);
    expect(d.shelfProjectsByCategory.reduce((sum: number, c: any) => sum + c.count, 0)).toBe(d.shelfProjectsOnShelf);
    const [row] = await s.sql(`SELECT count(*)::int AS n FROM shelf_project WHERE alliance_id = $1 AND status = 'ON_SHELF'`, [MAIN]);
    expect(d.shelfProjectsOnShelf).toBe(row.n);
  });

  it('counts >= 240 activities completed over two years, every month listed, adding up', async () => {
    const to = today();
    const from = yearsBefore(to, 2);
    const { data } = await dashboard('grid1', { from, to });
    const d = data.dashboard;
    expect(d.activitiesCompleted).toBeGreaterThanOrEqual(240);
    const months = monthsBetween(from, to);
    expect(months.length).toBe(25);
    expect(d.activitiesByMonth.map((m: any) => m.month)).toEqual(months);
    expect(d.activitiesByMonth.reduce((sum: number, m: any) => sum + m.count, 0)).toBe(d.activitiesCompleted);
    expect(d.activitiesByMonth.filter((m: any) => m.count > 0).length).toBeGreaterThan(20);
    expect(d.volunteerHours).toBeGreaterThan(d.activitiesCompleted);
    expect(d.beneficiaries).toBeGreaterThan(d.activitiesCompleted);
    const [overdue] = await s.sql(
      `SELECT count(*)::int AS n FROM need WHERE alliance_id = $1 AND due_at < now() AND status NOT IN ('RESOLVED','CLOSED','REJECTED')`,
      [MAIN],
    );
    expect(d.needsOverdue).toBe(overdue.n);
    expect(d.needsOverdue).toBeGreaterThan(0);
  });

  it('ranks top units by points earned in range, ties by name, with their completed activities', async () => {
    const to = today();
    const from = yearsBefore(to, 1);
    const { data } = await dashboard('unit1', { from, to });
    const top = data.dashboard.topUnits;
    expect(top.length).toBe(10);
    for (let i = 1; i < top.length; i++) {
      const [a, b] = [top[i - 1], top[i]];
      expect(a.points > b.points || (a.points === b.points && a.unit.name < b.unit.name), `${a.unit.name} before ${b.unit.name}`).toBe(true);
    }
    expect(new Set(top.map((t: any) => t.points)).size).toBeGreaterThan(3);
    // The same numbers as the ledger and the sign-ups say.
    const [check] = await s.sql(
      `SELECT (SELECT sum(points)::int FROM points_entry WHERE unit_id = $1 AND earned_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AND earned_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS points,
              (SELECT count(*)::int FROM signup sg JOIN activity a ON a.id = sg.activity_id WHERE sg.unit_id = $1 AND sg.status = 'CONFIRMED' AND a.status = 'COMPLETED'
                  AND a.ends_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AND a.ends_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS activities`,
      [top[0].unit.id, from, to],
    );
    expect({ points: top[0].points, activities: top[0].activities }).toEqual(check);
    const three = await dashboard('unit1', { from, to, first: 3 });
    expect(three.data.dashboard.topUnits).toEqual(top.slice(0, 3));
  });

  it('gives the neighbouring alliance its own, different numbers', async () => {
    const main = (await dashboard('committee')).data.dashboard;
    const n = (await dashboard('n-committee')).data.dashboard;
    expect(n.unitCount).toBe(3);
    expect(n.unitCount).not.toBe(main.unitCount);
    expect(n.shelfProjectsOnShelf).toBe(4);
    expect(n.needsReported).not.toBe(main.needsReported);
    expect(n.activitiesCompleted).toBeLessThan(main.activitiesCompleted);
    const [units] = await s.sql(`SELECT array_agg(id::text) AS ids FROM member_unit WHERE alliance_id = $1`, [NEIGHBOUR]);
    expect(n.topUnits.length).toBeGreaterThan(0);
    for (const t of n.topUnits) expect(units.ids).toContain(t.unit.id);
    const [reported] = await s.sql(
      `SELECT count(*)::int AS n FROM need WHERE alliance_id = $1 AND reported_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
      [NEIGHBOUR, n.from],
    );
    expect(n.needsReported).toBe(reported.n);
  });

  it('refuses a range that ends before it starts, and a bad topUnits size', async () => {
    const c = await s.as('committee');
    const bad = await c(`{ dashboard(from: "2021-01-01", to: "2020-12-31") { needsReported } }`);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.field).toBe('to');
    const size = await c(`{ dashboard { topUnits(first: 0) { points } } }`);
    expect(codeOf(size)).toBe('BAD_USER_INPUT');
    expect(size.errors![0]!.extensions!.field).toBe('first');
    const malformed = await c(`{ dashboard(from: "2020-02-30") { needsReported } }`);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(codeOf(malformed));
    const anonymous = await s.gql(`{ dashboard { unitCount } }`);
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
  });
});

describe('dashboard range rules', () => {
  it('defaults to the 12 months up to today, from alone to today, to alone 12 months back', () => {
    expect(resolveRange(null, null, '2026-11-27')).toEqual({ from: '2025-11-28', to: '2026-11-27' });
    expect(resolveRange('2026-01-01', null, '2026-11-27')).toEqual({ from: '2026-01-01', to: '2026-11-27' });
    expect(resolveRange(null, '2020-12-31', '2026-11-27')).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    expect(twelveMonthsEndingOn('2028-02-29')).toBe('2027-03-01');
    expect(twelveMonthsEndingOn('2026-03-31')).toBe('2025-04-01');
    expect(() => resolveRange('2026-02-01', '2026-01-31')).toThrow(/to/);
    expect(resolveRange('2026-02-01', '2026-02-01')).toEqual({ from: '2026-02-01', to: '2026-02-01' });
  });

  it('sums a range from its nearest whole years, the months between, and the days between (dashboard-days.test.ts holds the sums)', () => {
    // The 12 months to 3 December: 2026 whole, plus December 2025, less December 2026; plus 3 days, less 3 days.
    expect(rangeParams('2025-12-04', '2026-12-03')).toEqual(['2025-12-04', '2026-12-03', '2025-12-01', '2026-12-01', '2026-01-01', '2027-01-01']);
    // Years 2024 whole, less January 2024, plus January and February 2025.
    expect(rangeParams('2024-02-15', '2025-03-10')).toEqual(['2024-02-15', '2025-03-10', '2024-02-01', '2025-03-01', '2024-01-01', '2025-01-01']);
    // June summed as a month, no year: both its ends are nearest 1 January 2025.
    expect(rangeParams('2025-06-03', '2025-06-20')).toEqual(['2025-06-03', '2025-06-20', '2025-06-01', '2025-07-01', '2025-06-01', '2025-06-01']);
    // Three days: no month, no year.
    expect(rangeParams('2025-06-10', '2025-06-12')).toEqual(['2025-06-10', '2025-06-12', '2025-06-10', '2025-06-10', '2025-06-10', '2025-06-10']);
  });
});

// Last in the file: it adds a member unit to the main alliance.
describe('dashboard figures kept for a while', () => {
  const RANGE = { from: '2024-02-01', to: today() };
  const ASKED = `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { computedAt unitCount topUnits(first: 3) { points unit { name } } } }`;

  it('answers the same range again from memory, and afresh after a write of the alliance', async () => {
    const c = await s.as('committee');
    const first = await c(ASKED, RANGE);
    expect(first.errors).toBeUndefined();
    const again = await c(ASKED, RANGE);
    expect(again.data.dashboard).toEqual(first.data.dashboard);
    // The figures and the units they name: one statement the first time, none after.
    expect(first.sql).toBe(1);
    expect(again.sql).toBe(0);

    // Another alliance's dashboard is its own entry.
    const neighbour = await (await s.as('n-committee'))(ASKED, RANGE);
    expect(neighbour.data.dashboard.unitCount).not.toBe(first.data.dashboard.unitCount);

    const created = await c(`mutation($input: CreateMemberUnitInput!) { createMemberUnit(input: $input) { id } }`, {
      input: { name: '缓存测试单位', kind: 'PRIVATE_ENTERPRISE', partyMemberCount: 3, contactName: '张三', contactPhone: '13912345678' },
    });
    expect(created.errors).toBeUndefined();
    const after = await c(ASKED, RANGE);
    expect(after.data.dashboard.unitCount).toBe(first.data.dashboard.unitCount + 1);
    expect(after.sql).toBe(1);
    expect(Date.parse(after.data.dashboard.computedAt)).toBeGreaterThan(Date.parse(first.data.dashboard.computedAt));
  });

  it('computes every dashboard afresh when DASHBOARD_CACHE_SECONDS is 0', async () => {
    const fresh = await startTestServer({ dashboardCacheSeconds: 0 });
    try {
      const c = await fresh.as('committee');
      const one = await c(ASKED, RANGE);
      const two = await c(ASKED, RANGE);
      expect(two.sql).toBe(one.sql);
      expect(two.sql).toBe(1);
      expect(Date.parse(two.data.dashboard.computedAt)).toBeGreaterThanOrEqual(Date.parse(one.data.dashboard.computedAt));
    } finally {
      await fresh.close();
    }
  });
});
