import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '@alliance/shared';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { expectError, ok, world, type World } from '../../need/__tests__/need-helpers.js';

/*
 * Issue 10: pointsLedger(unitId, from, to, first, after), readable by every
 * role for any unit of its alliance; and one figure per period everywhere:
 * dashboard(from, to).topUnits = MemberUnit.points(from, to) = the ledger's
 * totalPoints and the sum of its rows.
 */

let s: TestServer;
let w: World;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
});
afterAll(() => s?.close());

const LEDGER = `query($unitId: ID!, $from: Date, $to: Date, $first: Int, $after: String) {
  pointsLedger(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {
    totalCount totalPoints pageInfo { endCursor hasNextPage }
    nodes { id points source earnedAt note unit { id } activity { id status } need { id status requesterPhone } } } }`;
const POINTS = `query($id: ID!, $from: Date, $to: Date) { memberUnit(id: $id) { id points(from: $from, to: $to) } }`;
const ALL_TIME = `query($id: ID!) { memberUnit(id: $id) { points } }`;
const TOP = `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { from to topUnits(first: 5) { unit { id name } points } } }`;

/** Every row of a unit's ledger in a period, walking the pages. */
async function walk(c: Client, unitId: string, from: string | null, to: string | null, first = 7) {
  const rows: any[] = [];
  let after: string | null = null;
  let first_: any = null;
  for (let page = 0; page < 200; page++) {
    const r: any = ok(await c(LEDGER, { unitId, from, to, first, after })).pointsLedger;
    first_ ??= r;
    rows.push(...r.nodes);
    expect(r.nodes.length).toBeLessThanOrEqual(first);
    if (!r.pageInfo.hasNextPage) break;
    after = r.pageInfo.endCursor;
  }
  return { rows, totalCount: first_.totalCount as number, totalPoints: first_.totalPoints as number };
}

/** The unit with the most ledger rows in the main alliance. */
async function busiestUnit(): Promise<string> {
  const [{ unit_id }] = await s.sql(
    `SELECT e.unit_id FROM points_entry e JOIN member_unit u ON u.id = e.unit_id JOIN app_user a ON a.alliance_id = u.alliance_id AND a.username = 'committee'
      GROUP BY e.unit_id ORDER BY count(*) DESC, e.unit_id LIMIT 1`,
  );
  return unit_id;
}

describe('pointsLedger', () => {
  it('lists a unit’s rows newest first, each once across pages, with the total count and points', async () => {
    const unitId = await busiestUnit();
    const expected = await s.sql(
      `SELECT id::text, points, source, source_id, earned_at FROM points_entry WHERE unit_id = $1 ORDER BY earned_at DESC, id DESC`,
      [unitId],
    );
    expect(expected.length).toBeGreaterThan(20);
    const { rows, totalCount, totalPoints } = await walk(w.committee, unitId, null, null);
    expect(rows.map((r) => r.id)).toEqual(expected.map((e) => e.id));
    expect(rows.map((r) => [r.points, r.source, Date.parse(r.earnedAt)])).toEqual(expected.map((e) => [e.points, e.source, e.earned_at.getTime()]));
    expect(totalCount).toBe(expected.length);
    expect(totalPoints).toBe(expected.reduce((a, e) => a + e.points, 0));
    expect(rows.every((r) => r.unit.id === unitId)).toBe(true);
  });

  it('links each row to its source: the activity, or the need (phone masked as need(id) masks it)', async () => {
    const unitId = await busiestUnit();
    const { rows } = await walk(w.viewer, unitId, null, null, 100);
    const sources = new Map((await s.sql(`SELECT id::text, source_id FROM points_entry WHERE unit_id = $1`, [unitId])).map((e) => [e.id, e.source_id]));
    const kinds = new Set(rows.map((r) => r.source));
    expect(kinds).toEqual(new Set(['ACTIVITY_COMPLETED', 'NEED_RESOLVED', 'FOLLOW_UP_SATISFIED']));
    for (const r of rows) {
      if (r.source === 'ACTIVITY_COMPLETED') {
        expect(r.need).toBeNull();
        expect(r.activity).toEqual({ id: sources.get(r.id), status: 'COMPLETED' });
      } else {
        expect(r.activity).toBeNull();
        expect(r.need.id).toBe(sources.get(r.id));
        expect(['RESOLVED', 'CLOSED', 'IN_PROGRESS']).toContain(r.need.status);
        expect(r.need.requesterPhone).toMatch(/\*/); // a viewer sees phones masked
      }
    }
    // The committee sees the same need with its phone in clear.
    const needRow = rows.find((r) => r.need)!;
    const committee = (await walk(w.committee, unitId, null, null, 100)).rows.find((r) => r.id === needRow.id)!;
    expect(committee.need.requesterPhone).not.toMatch(/\*/);
    // A page of 100 rows resolves its links in a bounded number of statements (loaders, not one per row).
    const r = await w.viewer(LEDGER, { unitId, first: 100 });
    expect(r.sql).toBeLessThanOrEqual(10);
  });

  it('counts days in the alliance time zone: 23:59 local on 31 March and 00:00 local on 1 April fall on their own days', async () => {
    const unitId = w.unitId.unit2;
    const [{ n }] = await s.sql(`SELECT count(*)::int AS n FROM points_entry WHERE unit_id = $1 AND earned_at < '2016-01-01'`, [unitId]);
    expect(n).toBe(0);
    const [a, b] = await s.sql(`SELECT id FROM need WHERE alliance_id = (SELECT alliance_id FROM member_unit WHERE id = $1) ORDER BY id LIMIT 2`, [unitId]);
    await s.sql(
      `INSERT INTO points_entry (alliance_id, unit_id, points, source, source_id, earned_at)
       SELECT alliance_id, id, 5, 'NEED_RESOLVED', $2::uuid, '2015-03-31T15:59:59.999Z'::timestamptz FROM member_unit WHERE id = $1
       UNION ALL
       SELECT alliance_id, id, 2, 'FOLLOW_UP_SATISFIED', $3::uuid, '2015-03-31T16:00:00.000Z'::timestamptz FROM member_unit WHERE id = $1`,
      [unitId, a.id, b.id],
    );
    const day = async (from: string | null, to: string | null) => {
      const l = ok(await w.unit1(LEDGER, { unitId, from, to })).pointsLedger;
      const p = ok(await w.unit1(POINTS, { id: unitId, from, to })).memberUnit.points;
      expect(p).toBe(l.totalPoints);
      return [l.nodes.map((x: any) => x.points), l.totalPoints];
    };
    expect(await day('2015-03-31', '2015-03-31')).toEqual([[5], 5]);
    expect(await day('2015-04-01', '2015-04-01')).toEqual([[2], 2]);
    expect(await day('2015-03-01', '2015-04-30')).toEqual([[2, 5], 7]);
    expect(await day(null, '2015-12-31')).toEqual([[2, 5], 7]);
    expect(await day('2015-04-01', '2015-12-31')).toEqual([[2], 2]);
    expect(await day('2015-04-02', '2015-12-31')).toEqual([[], 0]);
    // An open end runs to now: from 1 April 2015 is all the unit's points but the 31 March row.
    const all = ok(await w.unit1(ALL_TIME, { id: unitId })).memberUnit.points;
    expect(ok(await w.unit1(POINTS, { id: unitId, from: '2015-04-01' })).memberUnit.points).toBe(all - 5);
    expect(ok(await w.unit1(LEDGER, { unitId, from: '2015-04-01' })).pointsLedger.totalPoints).toBe(all - 5);
  });

  it('is read by every role for any unit of its alliance, and by no one outside it', async () => {
    const unitId = await busiestUnit();
    const seen = [];
    for (const c of [w.committee, w.unit1, w.unit2, w.grid1, w.viewer]) {
      const l = ok(await c(LEDGER, { unitId, first: 3 })).pointsLedger;
      seen.push([l.totalCount, l.totalPoints, l.nodes.map((n: any) => n.id)]);
    }
    expect(new Set(seen.map((x) => JSON.stringify(x))).size).toBe(1);
    expect((seen[0]![2] as string[]).length).toBe(3);
    // The neighbour's committee and unit admin: as if the unit did not exist.
    for (const c of [w.nCommittee, w.nUnit1]) expectError(await c(LEDGER, { unitId }), 'BAD_USER_INPUT', 'unitId');
    expect(codeOf(await s.gql(LEDGER, { unitId }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a malformed unit id, a period that ends before it starts, a bad cursor and a bad page size', async () => {
    const unitId = await busiestUnit();
    expectError(await w.viewer(LEDGER, { unitId: 'x' }), 'BAD_USER_INPUT', 'unitId');
    expectError(await w.viewer(LEDGER, { unitId, from: '2026-05-02', to: '2026-05-01' }), 'BAD_USER_INPUT', 'to');
    expectError(await w.viewer(POINTS, { id: unitId, from: '2026-05-02', to: '2026-05-01' }), 'BAD_USER_INPUT', 'to');
    expectError(await w.viewer(LEDGER, { unitId, after: 'not-a-cursor!' }), 'BAD_USER_INPUT', 'after');
    expectError(await w.viewer(LEDGER, { unitId, first: 0 }), 'BAD_USER_INPUT', 'first');
    expectError(await w.viewer(LEDGER, { unitId, first: 101 }), 'BAD_USER_INPUT', 'first');
  });
});

describe('one figure per period', () => {
  /** Local date `days` days before today. */
  const daysAgo = (days: number) => localDate(new Date(Date.now() - days * 86_400_000));

  it('dashboard topUnits = memberUnit.points(from, to) = pointsLedger(unitId, from, to) totals and row sums, for several ranges', async () => {
    // The local day on which the most units earned something: a one-day period with a ranking.
    const [{ busy }] = await s.sql(
      `SELECT to_char(e.earned_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS busy FROM points_entry e
        JOIN app_user a ON a.alliance_id = e.alliance_id AND a.username = 'committee'
       GROUP BY 1 ORDER BY count(DISTINCT e.unit_id) DESC, 1 DESC LIMIT 1`,
    );
    const ranges: [string | null, string | null][] = [
      [null, null], // the dashboard's default: the last 12 months
      ['2020-01-01', '2020-12-31'],
      [daysAgo(90), daysAgo(0)],
      [daysAgo(400), daysAgo(200)],
      [busy, busy],
    ];
    let compared = 0;
    for (const [from, to] of ranges) {
      const d = ok(await w.viewer(TOP, { from, to })).dashboard;
      expect(d.topUnits.length, `${from}..${to}`).toBeGreaterThan(0);
      for (const t of d.topUnits.slice(0, 3)) {
        const points = ok(await w.grid1(POINTS, { id: t.unit.id, from: d.from, to: d.to })).memberUnit.points;
        const ledger = await walk(w.unit1, t.unit.id, d.from, d.to, 25);
        const sum = ledger.rows.reduce((a, r) => a + r.points, 0);
        expect({ range: `${d.from}..${d.to}`, unit: t.unit.name, points, totalPoints: ledger.totalPoints, sum }).toEqual({
          range: `${d.from}..${d.to}`,
          unit: t.unit.name,
          points: t.points,
          totalPoints: t.points,
          sum: t.points,
        });
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it('all time (累计): memberUnit.points without a period is the whole ledger', async () => {
    const unitId = await busiestUnit();
    const all = ok(await w.viewer(ALL_TIME, { id: unitId })).memberUnit.points;
    const [{ sum }] = await s.sql(`SELECT sum(points)::int AS sum FROM points_entry WHERE unit_id = $1`, [unitId]);
    expect(all).toBe(sum);
    expect(ok(await w.viewer(LEDGER, { unitId })).pointsLedger.totalPoints).toBe(sum);
    // Asked together in one request, the all-time and the period figures do not mix.
    const both = ok(
      await w.viewer(`query($id: ID!) { memberUnit(id: $id) { all: points year: points(from: "2020-01-01", to: "2020-12-31") } }`, { id: unitId }),
    ).memberUnit;
    const [{ year }] = await s.sql(
      `SELECT coalesce(sum(points), 0)::int AS year FROM points_entry WHERE unit_id = $1
          AND earned_at >= '2020-01-01T00:00:00+08' AND earned_at < '2021-01-01T00:00:00+08'`,
      [unitId],
    );
    expect(both).toEqual({ all: sum, year });
  });
});
