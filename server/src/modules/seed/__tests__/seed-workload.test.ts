import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEED_LIFECYCLE } from '@alliance/shared';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { seedDemoData } from '../seed.js';
import { demoId } from '../ids.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const MAIN = demoId('songshan');
const NEIGHBOUR = demoId('songlin');
const one = async <T = any>(text: string, params: unknown[] = []) => (await s.sql<T>(text, params))[0]!;

describe('demo needs', () => {
  it('has 107 needs reported in 2020 (local time), 96 of them resolved or closed', async () => {
    const r = await one(
      `SELECT count(*)::int AS reported, count(*) FILTER (WHERE status IN ('RESOLVED','CLOSED'))::int AS resolved
         FROM need WHERE alliance_id = $1 AND (reported_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN '2020-01-01' AND '2020-12-31'`,
      [MAIN],
    );
    expect(r).toEqual({ reported: 107, resolved: 96 });
  });

  it('has a current workload of the last 12 months in every status, some overdue, in grid1 and grid2', async () => {
    const rows = await s.sql(
      `SELECT status, count(*)::int AS n FROM need WHERE alliance_id = $1 AND reported_at > now() - interval '12 months' GROUP BY status`,
      [MAIN],
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    for (const st of ['REPORTED', 'ACCEPTED', 'REJECTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']) expect(by[st], st).toBeGreaterThan(0);
    const overdue = await one(
      `SELECT count(*)::int AS n FROM need WHERE alliance_id = $1 AND status NOT IN ('RESOLVED','CLOSED','REJECTED') AND due_at < now()`,
      [MAIN],
    );
    expect(overdue.n).toBeGreaterThan(3);
    const grids = await s.sql(
      `SELECT u.username, count(n.id)::int AS n FROM app_user u JOIN need n ON n.grid_id = u.grid_id WHERE u.username IN ('grid1','grid2') GROUP BY u.username ORDER BY 1`,
    );
    expect(grids.map((g) => g.username)).toEqual(['grid1', 'grid2']);
    for (const g of grids) expect(g.n).toBeGreaterThan(20);
  });

  it('keeps a consistent history for every need: REPORTED first, each from = the previous to, in time order, ending at the status', async () => {
    const bad = await s.sql(`
      WITH e AS (
        SELECT e.*, lag(to_status) OVER w AS prev_to, lag(at) OVER w AS prev_at,
               row_number() OVER w AS k, count(*) OVER (PARTITION BY need_id) AS total
          FROM need_event e WINDOW w AS (PARTITION BY need_id ORDER BY at, id))
      SELECT n.id, n.status FROM need n
       WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.need_id = n.id AND e.k = 1 AND e.from_status IS NULL AND e.to_status = 'REPORTED' AND e.at = n.reported_at)
          OR NOT EXISTS (SELECT 1 FROM e WHERE e.need_id = n.id AND e.k = e.total AND e.to_status = n.status)
          OR EXISTS (SELECT 1 FROM e WHERE e.need_id = n.id AND e.k > 1 AND (e.from_status IS DISTINCT FROM e.prev_to OR e.at < e.prev_at))
          OR EXISTS (SELECT 1 FROM e WHERE e.need_id = n.id AND e.at > now())`);
    expect(bad).toEqual([]);
    // Only the lifecycle table's transitions (the shared one the server enforces).
    const legal = Object.values(NEED_LIFECYCLE).flatMap((t) => (t.to ? t.from.map((f) => `${f}->${t.to}`) : []));
    const illegal = await s.sql(
      `SELECT DISTINCT from_status, to_status FROM need_event WHERE from_status IS NOT NULL AND from_status || '->' || to_status <> ALL($1::text[])`,
      [legal],
    );
    expect(illegal).toEqual([]);
  });

  it('serves every ordered need by ON_SHELF projects (on the shelf by then) or claims of unit admins', async () => {
    const unserved = await s.sql(`
      SELECT n.id FROM need n WHERE n.status IN ('ORDERED','PLANNED','IN_PROGRESS','RESOLVED','CLOSED')
         AND NOT EXISTS (SELECT 1 FROM need_project np WHERE np.need_id = n.id)
         AND NOT EXISTS (SELECT 1 FROM need_claim c WHERE c.need_id = n.id)`);
    expect(unserved).toEqual([]);
    const badOrders = await s.sql(`
      SELECT np.need_id FROM need_project np JOIN shelf_project p ON p.id = np.shelf_project_id JOIN need n ON n.id = np.need_id
       WHERE p.status <> 'ON_SHELF' OR p.alliance_id <> n.alliance_id OR np.created_at < p.updated_at OR np.created_at > now()`);
    expect(badOrders).toEqual([]);
    const badClaims = await s.sql(`
      SELECT c.need_id FROM need_claim c JOIN app_user u ON u.id = c.claimed_by
       WHERE u.role <> 'UNIT_ADMIN' OR u.unit_id <> c.unit_id OR c.created_at > now()`);
    expect(badClaims).toEqual([]);
    const counts = await one(`SELECT (SELECT count(*)::int FROM need_project WHERE alliance_id = $1) AS orders, (SELECT count(*)::int FROM need_claim WHERE alliance_id = $1) AS claims`, [MAIN]);
    expect(counts.orders).toBeGreaterThan(50);
    expect(counts.claims).toBeGreaterThan(50);
  });

  it('sets plan, due date, assignee, resolution and satisfaction as far as each need got', async () => {
    const bad = await s.sql(`
      SELECT id, status FROM need WHERE
        (status IN ('PLANNED','IN_PROGRESS','RESOLVED','CLOSED')) <> (plan IS NOT NULL AND due_at IS NOT NULL)
        OR (status IN ('IN_PROGRESS','RESOLVED','CLOSED')) <> (assignee_id IS NOT NULL)
        OR (status IN ('RESOLVED','CLOSED')) <> (resolved_at IS NOT NULL)
        OR (status = 'CLOSED') <> (satisfaction BETWEEN 3 AND 5 AND followed_up_at IS NOT NULL)`);
    expect(bad).toEqual([]);
    // The assignee resolved it.
    const resolver = await s.sql(`
      SELECT n.id FROM need n JOIN need_event e ON e.need_id = n.id AND e.to_status = 'RESOLVED' WHERE e.actor_id <> n.assignee_id`);
    expect(resolver).toEqual([]);
  });
});

describe('demo activities', () => {
  it('has >= 240 completed over the past two years, every status and kind', async () => {
    const rows = await s.sql(`SELECT status, count(*)::int AS n FROM activity WHERE alliance_id = $1 GROUP BY status`, [MAIN]);
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(by.COMPLETED).toBeGreaterThanOrEqual(240);
    for (const st of ['DRAFT', 'OPEN', 'ONGOING', 'CANCELLED']) expect(by[st], st).toBeGreaterThan(0);
    const recent = await one(`SELECT count(*)::int AS n FROM activity WHERE alliance_id = $1 AND status = 'COMPLETED' AND ends_at >= now() - interval '2 years' AND ends_at < now()`, [MAIN]);
    expect(recent.n).toBeGreaterThanOrEqual(240);
    const kinds = await s.sql(`SELECT DISTINCT kind FROM activity WHERE alliance_id = $1 ORDER BY kind`, [MAIN]);
    expect(kinds.map((k) => k.kind)).toEqual(['ASSISTANCE', 'CIVILIZED_CITY', 'EPIDEMIC_PREVENTION', 'OTHER', 'PARTY_HISTORY', 'RED_EDUCATION', 'SERVICE']);
    const bad = await s.sql(`
      SELECT id FROM activity WHERE
        (status = 'COMPLETED') <> (outcome_participants IS NOT NULL AND outcome_volunteer_hours IS NOT NULL AND outcome_beneficiaries IS NOT NULL AND outcome_summary IS NOT NULL)
        OR (status = 'CANCELLED') <> (cancel_reason IS NOT NULL)
        OR (status = 'COMPLETED' AND ends_at > now()) OR (status = 'ONGOING' AND NOT (starts_at < now() AND ends_at > now()))
        OR (status IN ('OPEN','DRAFT') AND starts_at < now()) OR created_at > now()`);
    expect(bad).toEqual([]);
  });

  it('keeps the sign-up rules: confirmed_count by the trigger, never over maxUnits, waitlist only when full', async () => {
    const counts = await s.sql(`
      SELECT a.id FROM activity a
       WHERE a.confirmed_count <> (SELECT count(*) FROM signup s WHERE s.activity_id = a.id AND s.status = 'CONFIRMED')
          OR (a.max_units IS NOT NULL AND a.confirmed_count > a.max_units)
          OR (EXISTS (SELECT 1 FROM signup s WHERE s.activity_id = a.id AND s.status = 'WAITLISTED') AND (a.max_units IS NULL OR a.confirmed_count < a.max_units))`);
    expect(counts).toEqual([]);
    const waitlisted = await one(`SELECT count(*)::int AS n FROM signup WHERE alliance_id = $1 AND status = 'WAITLISTED'`, [MAIN]);
    expect(waitlisted.n).toBeGreaterThan(0);
    const several = await one(
      `SELECT count(*)::int AS n FROM activity a WHERE a.alliance_id = $1 AND a.status = 'COMPLETED' AND a.confirmed_count >= 2`,
      [MAIN],
    );
    expect(several.n).toBeGreaterThan(200);
    const early = await s.sql(`SELECT s.id FROM signup s JOIN member_unit u ON u.id = s.unit_id JOIN activity a ON a.id = s.activity_id
      WHERE (s.created_at AT TIME ZONE 'Asia/Shanghai')::date < u.joined_at OR s.created_at > a.starts_at OR s.created_at > now()`);
    expect(early).toEqual([]);
    const links = await one(`SELECT (SELECT count(*)::int FROM activity_project WHERE alliance_id = $1) AS projects, (SELECT count(*)::int FROM activity_need WHERE alliance_id = $1) AS needs`, [MAIN]);
    expect(links.projects).toBeGreaterThan(50);
    expect(links.needs).toBeGreaterThan(5);
    const offShelf = await s.sql(`SELECT ap.activity_id FROM activity_project ap JOIN shelf_project p ON p.id = ap.shelf_project_id WHERE p.status <> 'ON_SHELF'`);
    expect(offShelf).toEqual([]);
  });
});

describe('demo points ledger', () => {
  // Issue 10: only the delivering units a need's plan names (need_delivery) earn its +5 / +2; a claim alone earns nothing.
  it('is exactly what the rules give: +10 per confirmed unit of completed activities, +5 / +2 per delivering unit of resolved needs', async () => {
    const expected = await s.sql(`
      WITH served AS (SELECT need_id, unit_id FROM need_delivery),
      rules AS (
        SELECT s.unit_id, 10 AS points, 'ACTIVITY_COMPLETED' AS source, a.id AS source_id, a.ends_at AS at FROM activity a JOIN signup s ON s.activity_id = a.id AND s.status = 'CONFIRMED' WHERE a.status = 'COMPLETED'
        UNION ALL SELECT sv.unit_id, 5, 'NEED_RESOLVED', n.id, n.resolved_at FROM need n JOIN served sv ON sv.need_id = n.id WHERE n.status IN ('RESOLVED','CLOSED')
        UNION ALL SELECT sv.unit_id, 2, 'FOLLOW_UP_SATISFIED', n.id, n.followed_up_at FROM need n JOIN served sv ON sv.need_id = n.id WHERE n.status = 'CLOSED' AND n.satisfaction = 5)
      (SELECT unit_id, points, source, source_id, at FROM rules EXCEPT SELECT unit_id, points, source, source_id, earned_at FROM points_entry)
      UNION ALL
      (SELECT unit_id, points, source, source_id, earned_at FROM points_entry EXCEPT SELECT unit_id, points, source, source_id, at FROM rules)`);
    expect(expected).toEqual([]);
    const perUnit = await s.sql(`SELECT unit_id, sum(points)::int AS p FROM points_entry WHERE alliance_id = $1 AND unit_id = ANY($2) GROUP BY unit_id`, [
      MAIN,
      Array.from({ length: 12 }, (_, i) => demoId(`songshan:unit:${i}`)),
    ]);
    // Every one of the 12 units has earned some (the newest joined in 2021), and they differ (the incubator's newcomers aside).
    expect(perUnit.length).toBe(12);
    expect(new Set(perUnit.map((u) => u.p)).size).toBeGreaterThan(8);
  });

  it('names delivering units for every planned need, among its project units and claimers; some claimers earned nothing', async () => {
    const planned = await one(`
      SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM need_delivery d WHERE d.need_id = n.id))::int AS without,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM need_delivery d WHERE d.need_id = n.id))::int AS with
        FROM need n WHERE n.status IN ('PLANNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')`);
    expect(planned.without).toBe(0);
    expect(planned.with).toBeGreaterThan(100);
    const [{ early }] = await s.sql(`SELECT count(*)::int AS early FROM need_delivery d JOIN need n ON n.id = d.need_id WHERE n.status IN ('REPORTED', 'ACCEPTED', 'ORDERED', 'REJECTED')`);
    expect(early).toBe(0);
    const [{ stray }] = await s.sql(`
      SELECT count(*)::int AS stray FROM need_delivery d
       WHERE NOT EXISTS (SELECT 1 FROM need_project np JOIN shelf_project p ON p.id = np.shelf_project_id WHERE np.need_id = d.need_id AND p.unit_id = d.unit_id)
         AND NOT EXISTS (SELECT 1 FROM need_claim c WHERE c.need_id = d.need_id AND c.unit_id = d.unit_id)`);
    expect(stray).toBe(0);
    // Resolved needs whose claimer did not deliver: that claimer has no points for them.
    const idle = await s.sql(`
      SELECT c.need_id, c.unit_id, (SELECT count(*)::int FROM points_entry pe WHERE pe.source_id = c.need_id AND pe.unit_id = c.unit_id) AS rows
        FROM need_claim c JOIN need n ON n.id = c.need_id
       WHERE n.status IN ('RESOLVED', 'CLOSED') AND NOT EXISTS (SELECT 1 FROM need_delivery d WHERE d.need_id = c.need_id AND d.unit_id = c.unit_id)`);
    expect(idle.length).toBeGreaterThan(0);
    expect(idle.every((r) => r.rows === 0)).toBe(true);
  });
});

describe('the neighbouring alliance and the seed itself', () => {
  it('gives the neighbour a little of everything', async () => {
    const r = await one(
      `SELECT (SELECT count(*)::int FROM need WHERE alliance_id = $1) AS needs, (SELECT count(*)::int FROM activity WHERE alliance_id = $1 AND status = 'COMPLETED') AS completed,
              (SELECT count(*)::int FROM points_entry WHERE alliance_id = $1) AS points`,
      [NEIGHBOUR],
    );
    expect(r.needs).toBeGreaterThanOrEqual(10);
    expect(r.completed).toBeGreaterThanOrEqual(5);
    expect(r.points).toBeGreaterThan(5);
    // Nothing crosses the tenant line.
    const crossed = await s.sql(`
      SELECT 'event' FROM need_event e JOIN need n ON n.id = e.need_id WHERE e.alliance_id <> n.alliance_id
      UNION ALL SELECT 'actor' FROM need_event e JOIN app_user u ON u.id = e.actor_id WHERE e.alliance_id <> u.alliance_id
      UNION ALL SELECT 'signup' FROM signup s JOIN member_unit u ON u.id = s.unit_id WHERE s.alliance_id <> u.alliance_id
      UNION ALL SELECT 'order' FROM need_project np JOIN shelf_project p ON p.id = np.shelf_project_id WHERE np.alliance_id <> p.alliance_id
      UNION ALL SELECT 'assignee' FROM need n JOIN app_user u ON u.id = n.assignee_id WHERE n.alliance_id <> u.alliance_id
      UNION ALL SELECT 'points' FROM points_entry pe JOIN member_unit u ON u.id = pe.unit_id WHERE pe.alliance_id <> u.alliance_id`);
    expect(crossed).toEqual([]);
  });

  it('uses deterministic ids (demoId) for what it generates', async () => {
    const [{ n }] = await s.sql(`SELECT count(*)::int AS n FROM need WHERE alliance_id = $1`, [MAIN]);
    const ids = Array.from({ length: n }, (_, i) => demoId(`songshan:need:${i}`));
    const [{ found }] = await s.sql(`SELECT count(*)::int AS found FROM need WHERE id = ANY($1::uuid[])`, [ids]);
    expect(found).toBe(n);
    const [{ activities }] = await s.sql(`SELECT count(*)::int AS activities FROM activity WHERE id = $1`, [demoId('songshan:activity:0')]);
    expect(activities).toBe(1);
  });

  it('is a no-op once an alliance exists', async () => {
    const before = await one(`SELECT (SELECT count(*)::int FROM need) AS needs, (SELECT count(*)::int FROM activity) AS activities`);
    expect(await seedDemoData(s.db)).toBe(false);
    expect(await one(`SELECT (SELECT count(*)::int FROM need) AS needs, (SELECT count(*)::int FROM activity) AS activities`)).toEqual(before);
  });
});
