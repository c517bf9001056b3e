import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';

/* The figures behind the dashboard's pictures beyond docs/domain.md's list: needs per grid, overdue needs per delivering unit, satisfaction per month. */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const MAIN = demoId('songshan');
const NEIGHBOUR = demoId('songlin');

const PICTURES = `query($from: Date, $to: Date, $first: Int) {
  dashboard(from: $from, to: $to) {
    from to needsReported needsResolved needsOverdue
    needsByGrid { grid { id name } reported resolved }
    overdueNeedsByUnit(first: $first) { unit { id name } count }
    satisfactionByMonth { month followUps average }
  }
}`;

async function pictures(who: string, vars: Record<string, unknown> = {}) {
  const r = await (await s.as(who))(PICTURES, vars);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.dashboard;
}

describe('dashboard pictures', () => {
  it('counts the needs reported in 2020 per grid, every grid listed in order, adding up', async () => {
    const d = await pictures('committee', { from: '2020-01-01', to: '2020-12-31' });
    const grids = await s.sql(`SELECT id::text, name FROM grid WHERE alliance_id = $1 ORDER BY sort_order, name COLLATE "C", id`, [MAIN]);
    expect(d.needsByGrid.map((g: any) => g.grid.id)).toEqual(grids.map((g) => g.id));
    expect(d.needsByGrid.reduce((n: number, g: any) => n + g.reported, 0)).toBe(d.needsReported);
    expect(d.needsByGrid.reduce((n: number, g: any) => n + g.resolved, 0)).toBe(d.needsResolved);
    const rows = await s.sql(
      `SELECT grid_id::text AS id, count(*)::int AS reported, count(*) FILTER (WHERE status IN ('RESOLVED', 'CLOSED'))::int AS resolved FROM need
        WHERE alliance_id = $1 AND reported_at >= '2020-01-01T00:00:00+08:00' AND reported_at < '2021-01-01T00:00:00+08:00' GROUP BY grid_id`,
      [MAIN],
    );
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(d.needsByGrid.find((g: any) => g.grid.id === row.id), row.id).toMatchObject({ reported: row.reported, resolved: row.resolved });
  });

  it('averages satisfaction per month of the follow-up, every month listed, null (not 0) for a month without one', async () => {
    const d = await pictures('viewer', { from: '2020-01-01', to: '2020-12-31' });
    expect(d.satisfactionByMonth.map((m: any) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`));
    const rows = await s.sql(
      `SELECT to_char(followed_up_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS n, round(avg(satisfaction), 2)::float8 AS a FROM need
        WHERE alliance_id = $1 AND satisfaction IS NOT NULL AND followed_up_at >= '2020-01-01T00:00:00+08:00' AND followed_up_at < '2021-01-01T00:00:00+08:00'
        GROUP BY 1`,
      [MAIN],
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const m of d.satisfactionByMonth) {
      const row = rows.find((r) => r.month === m.month);
      expect(m, m.month).toEqual(row ? { month: m.month, followUps: row.n, average: row.a } : { month: m.month, followUps: 0, average: null });
    }
    // A range that ends before any follow-up: every month listed, no score.
    const empty = await pictures('viewer', { from: '2010-01-01', to: '2010-03-15' });
    expect(empty.satisfactionByMonth).toEqual(['2010-01', '2010-02', '2010-03'].map((month) => ({ month, followUps: 0, average: null })));
  });

  it('counts the needs overdue now per delivering unit, the most first, ties by name', async () => {
    const d = await pictures('unit1', { first: 50 });
    const rows = await s.sql(
      `SELECT d.unit_id::text AS id, count(*)::int AS n FROM need n JOIN need_delivery d ON d.need_id = n.id
        WHERE n.alliance_id = $1 AND n.due_at < now() AND n.status NOT IN ('RESOLVED', 'CLOSED', 'REJECTED') GROUP BY d.unit_id`,
      [MAIN],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(d.overdueNeedsByUnit.length).toBe(rows.length);
    for (const row of rows) expect(d.overdueNeedsByUnit.find((u: any) => u.unit.id === row.id)?.count, row.id).toBe(row.n);
    const list = d.overdueNeedsByUnit as { unit: { name: string }; count: number }[];
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1]!, list[i]!];
      expect(a.count > b.count || (a.count === b.count && a.unit.name < b.unit.name), `${a.unit.name} before ${b.unit.name}`).toBe(true);
    }
    expect(list.reduce((n, u) => n + u.count, 0)).toBeGreaterThanOrEqual(Math.min(1, d.needsOverdue));
    const one = await pictures('unit1', { first: 1 });
    expect(one.overdueNeedsByUnit).toEqual(list.slice(0, 1));
  });

  it("gives the neighbouring alliance its own grids and units, and refuses a bad size", async () => {
    const n = await pictures('n-committee', { first: 50 });
    const [own] = await s.sql(
      `SELECT (SELECT array_agg(id::text) FROM grid WHERE alliance_id = $1) AS grids, (SELECT array_agg(id::text) FROM member_unit WHERE alliance_id = $1) AS units`,
      [NEIGHBOUR],
    );
    expect(n.needsByGrid.map((g: any) => g.grid.id).sort()).toEqual([...own.grids].sort());
    for (const u of n.overdueNeedsByUnit) expect(own.units).toContain(u.unit.id);
    const bad = await (await s.as('committee'))(`{ dashboard { overdueNeedsByUnit(first: 0) { count } } }`);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.field).toBe('first');
  });
});
