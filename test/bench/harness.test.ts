import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEED_LIFECYCLE, POINTS_RULES } from '@alliance/shared';
import { inject } from 'vitest';
import { startApp, type RunningApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/database/bootstrap.js';
import { generate, quietLogger, verifyInvariants, withDatabase, type GenerateResult } from './generate.js';
import { DOCS, SIGNED_UP, combineRounds, gql, rawQ1Variables, request, runInterleaved, runLoad, setupScenarios, startRawBaseline, type LoadResult, type Proc, type Setup } from './harness.js';
import { capturePlans } from './plans.js';
import { renderReport, roundRatios, targets, type RunInfo } from './report.js';
import { M1 } from './scenarios.js';

/*
 * CI's smoke test of the benchmark harness (not the load): a tiny data set
 * through the real COPY generator, our server on it, and one short autocannon
 * run of each scenario through the harness code, checking data and the
 * SQL-count header. `pnpm bench` does the measuring.
 */

const database = `bench_tiny_${randomBytes(4).toString('hex')}`;
let adminUrl: string;
let gen: GenerateResult;
let db: pg.Client;
let app: RunningApp;
let ds: Awaited<ReturnType<typeof openDatabase>>;
let ours: Proc;
let setup: Setup;

beforeAll(async () => {
  adminUrl = inject('pgAdminUrl');
  gen = await generate({ size: 'tiny', adminUrl, database, log: () => undefined });
  db = new pg.Client({ connectionString: gen.url });
  await db.connect();
  ds = await openDatabase(gen.url, quietLogger, 4);
  const config = {
    ...loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'bench-only-secret-0123456789abcdef-0123456789', EXPOSE_SQL_COUNT: 'true', PORT: '0', HOST: '127.0.0.1', DATA_DIR: '/tmp' }),
    webDist: null,
  };
  app = await startApp(config, ds, quietLogger);
  const url = `http://127.0.0.1:${app.port}/graphql`;
  ours = { name: 'ours', pid: process.pid, url, stop: async () => undefined, peakRssMb: () => null, output: () => '' };
  setup = await setupScenarios(db, url, { m1Pairs: 400 });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await ds?.destroy();
  await db?.end();
  const a = new pg.Client({ connectionString: adminUrl });
  await a.connect();
  await a.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await a.end();
});

describe('bench data generator', () => {
  it('loads every table by COPY and leaves the database rules intact', async () => {
    expect(gen.rows.member_unit).toBe(40);
    expect(gen.rows.shelf_project).toBe(200);
    expect(gen.rows.need).toBe(1000);
    expect(gen.rows.activity).toBe(400);
    expect(gen.rows.signup).toBeGreaterThan(3000);
    expect(gen.rows.need_event).toBeGreaterThan(gen.rows.need!);
    expect(gen.rows.points_entry).toBeGreaterThan(0);
    expect(gen.rows.need_delivery).toBeGreaterThan(0);
    expect(gen.invariants.pointsWithoutDelivery).toBe(0);
    // Only delivering units earn: some claimers of resolved needs did not deliver, and have nothing for them.
    const idle = await db.query(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM points_entry e WHERE e.source_id = c.need_id AND e.unit_id = c.unit_id))::int AS paid
         FROM need_claim c JOIN need n ON n.id = c.need_id
        WHERE n.status IN ('RESOLVED', 'CLOSED') AND NOT EXISTS (SELECT 1 FROM need_delivery d WHERE d.need_id = c.need_id AND d.unit_id = c.unit_id)`,
    );
    expect(idle.rows[0].n).toBeGreaterThan(0);
    expect(idle.rows[0].paid).toBe(0);
    expect(Object.values(gen.invariants).every((n) => n === 0)).toBe(true);
    // The trigger is back on: a new CONFIRMED sign-up moves confirmed_count.
    const { rows } = await db.query(
      `SELECT a.id, a.alliance_id, a.confirmed_count, u.id AS unit_id FROM activity a
         JOIN member_unit u ON u.alliance_id = a.alliance_id AND u.status = 'ACTIVE'
        WHERE a.max_units IS NULL AND a.status = 'OPEN'
          AND NOT EXISTS (SELECT 1 FROM signup s WHERE s.activity_id = a.id AND s.unit_id = u.id) LIMIT 1`,
    );
    const [x] = rows;
    await db.query('BEGIN');
    await db.query(`INSERT INTO signup (alliance_id, activity_id, unit_id, status, headcount) VALUES ($1, $2, $3, 'CONFIRMED', 1)`, [x.alliance_id, x.id, x.unit_id]);
    const after = await db.query(`SELECT confirmed_count FROM activity WHERE id = $1`, [x.id]);
    await db.query('ROLLBACK');
    expect(after.rows[0].confirmed_count).toBe(x.confirmed_count + 1);
  });
});

describe('bench histories, by the rules the demo seed uses (shared/)', () => {
  it("walks each need's lifecycle to its status and earns the points the rules give", async () => {
    const legal = Object.values(NEED_LIFECYCLE).flatMap((t) => (t.to ? t.from.map((f) => `${f}->${t.to}`) : []));
    const illegal = await db.query(
      `SELECT DISTINCT from_status, to_status FROM need_event WHERE from_status IS NOT NULL AND from_status || '->' || to_status <> ALL($1::text[])`,
      [legal],
    );
    expect(illegal.rows).toEqual([]);
    const ends = await db.query(`
      SELECT n.id FROM need n
       WHERE n.status IS DISTINCT FROM (SELECT e.to_status FROM need_event e WHERE e.need_id = n.id ORDER BY e.at DESC, e.id DESC LIMIT 1)
          OR (SELECT count(*) FROM need_event e WHERE e.need_id = n.id) <> n.version`);
    expect(ends.rows).toEqual([]);
    // The ledger is exactly what needPoints/activityPoints give (the demo seed's check).
    const differ = await db.query(`
      WITH rules AS (
        SELECT s.unit_id, ${POINTS_RULES.ACTIVITY_COMPLETED} AS points, 'ACTIVITY_COMPLETED' AS source, a.id AS source_id, a.ends_at AS at
          FROM activity a JOIN signup s ON s.activity_id = a.id AND s.status = 'CONFIRMED' WHERE a.status = 'COMPLETED'
        UNION ALL SELECT d.unit_id, ${POINTS_RULES.NEED_RESOLVED}, 'NEED_RESOLVED', n.id, n.resolved_at FROM need n JOIN need_delivery d ON d.need_id = n.id WHERE n.status IN ('RESOLVED','CLOSED')
        UNION ALL SELECT d.unit_id, ${POINTS_RULES.FOLLOW_UP_SATISFIED}, 'FOLLOW_UP_SATISFIED', n.id, n.followed_up_at FROM need n JOIN need_delivery d ON d.need_id = n.id WHERE n.status = 'CLOSED' AND n.satisfaction = 5)
      SELECT count(*)::int AS n FROM (
        (SELECT unit_id, points, source, source_id, at FROM rules EXCEPT ALL SELECT unit_id, points, source, source_id, earned_at FROM points_entry)
        UNION ALL
        (SELECT unit_id, points, source, source_id, earned_at FROM points_entry EXCEPT ALL SELECT unit_id, points, source, source_id, at FROM rules)) d`);
    expect(differ.rows[0].n).toBe(0);
  });
});

describe('bench harness (smoke)', () => {
  it('answers every read scenario with data and counts its SQL', async () => {
    for (const name of ['Q1', 'Q2', 'Q3', 'Q4'] as const) {
      const r = await gql(ours.url, DOCS[name], setup.vars[name], setup.token);
      expect(r.body.errors, name).toBeUndefined();
      expect(Object.values(r.body.data ?? {})[0], name).toBeTruthy();
      expect(r.sql, name).toBeGreaterThan(0);
    }
    expect(setup.q3Signups).toBeGreaterThan(0);
  });

  it('runs one short load of each scenario, and M1 keeps the invariants', async () => {
    for (const name of ['Q1', 'Q2', 'Q3', 'Q4'] as const) {
      const r = await runLoad({ target: ours, scenario: name, connections: 2, duration: 1, next: request(DOCS[name], setup.vars[name], setup.token) });
      expect(r.requests, name).toBeGreaterThan(0);
      expect(r.failures, name).toBe(0);
      // The dashboard is answered from the figures cache after its first request: no SQL at all.
      if (name === 'Q2') expect([r.sqlMin, r.sqlMax], name).toEqual([0, 0]);
      else expect(r.sqlMin, name).toBeGreaterThan(0);
      expect(r.p99, name).toBeGreaterThan(0);
    }
    let i = 0;
    const m1 = await runLoad({
      target: ours,
      scenario: 'M1',
      connections: 4,
      duration: 1,
      // Each pair once: the tiny data set has a few hundred.
      amount: setup.m1Pairs.length - 8,
      next: () => {
        const p = setup.m1Pairs[Math.min(i++, setup.m1Pairs.length - 1)]!;
        return request(M1, { activityId: p.activityId, unitId: p.unitId, headcount: 2 }, p.token);
      },
      okPattern: SIGNED_UP,
    });
    expect(i).toBeLessThanOrEqual(setup.m1Pairs.length);
    expect(m1.ok).toBeGreaterThan(0);
    expect(m1.failures).toBe(0);
    expect(m1.sqlMin).toBeGreaterThan(0);
    const inv = await verifyInvariants(db);
    expect(inv).toEqual({
      confirmedCountMismatch: 0,
      overbooked: 0,
      duplicateLiveSignups: 0,
      signupAcrossAlliances: 0,
      pointsWithoutDelivery: 0,
      triggerDisabled: 0,
      invalidIndexes: 0,
    });
  });

  it('the raw baseline answers Q1 with the same JSON as our server', async () => {
    const raw = await startRawBaseline(gen.url);
    try {
      const rawVars = rawQ1Variables(setup);
      const mine = await gql(ours.url, DOCS.Q1, setup.vars.Q1, setup.token);
      const theirs = await gql(raw.url, '', rawVars);
      expect(theirs.body.data).toEqual(mine.body.data);
      expect(theirs.sql).toBe(mine.sql);
      const r = await runLoad({ target: raw, scenario: 'Q1', connections: 2, duration: 1, next: request('', rawVars) });
      expect(r.requests).toBeGreaterThan(0);
      expect(r.failures).toBe(0);

      // The comparison as `pnpm bench` measures it: rounds alternating between the servers, the order reversed every other round.
      const [mineQ1, rawQ1] = await runInterleaved({
        scenario: 'Q1',
        targets: [
          { target: ours, next: request(DOCS.Q1, setup.vars.Q1, setup.token) },
          { target: raw, next: request('', rawVars) },
        ],
        connections: 2,
        rounds: 3,
        roundSeconds: 1,
        warmup: 1,
        db,
        pauseMs: 100,
      });
      for (const x of [mineQ1!, rawQ1!]) {
        expect(x.rounds, x.target).toHaveLength(3);
        expect(x.rounds!.reduce((a, r) => a + r.requests, 0), x.target).toBe(x.requests);
        expect(x.seconds, x.target).toBe(3);
        expect(x.rps, x.target).toBe(Math.round((x.requests / 3) * 10) / 10);
        expect(x.p99, x.target).toBe(Math.max(...x.rounds!.map((r) => r.p99)));
        expect(x.failures, x.target).toBe(0);
        expect(x.rounds!.every((r) => r.requests > 0), x.target).toBe(true);
      }
      expect([mineQ1!.target, rawQ1!.target]).toEqual(['ours', 'raw']);
      const leader = (i: number) => (mineQ1!.rounds![i]!.start < rawQ1!.rounds![i]!.start ? 'ours' : 'raw');
      expect([leader(0), leader(1), leader(2)]).toEqual(['ours', 'raw', 'ours']);
      // The raw baseline runs in a process of its own: its CPU and its PostgreSQL backends' are measured each round.
      expect(rawQ1!.rounds!.every((r) => r.cpu !== null && r.cpu > 0)).toBe(true);
    } finally {
      await raw.stop();
    }
  });

  it('captures EXPLAIN (ANALYZE, BUFFERS) of the real statements and renders the report', async () => {
    const plans = await capturePlans(gen.url, [{ scenario: 'Q1', query: DOCS.Q1, variables: setup.vars.Q1, token: setup.token }]);
    // As a loaded server answers it (the second request of the read): the caller's account from the account
    // registry's cache, the alliance's categories held by the instance, so the fast path's one statement,
    // without a sub-select of the categories (docs/architecture.md, "Fast path").
    expect(plans[0]!.statements.map((st) => st.sql.slice(0, 40))).toEqual([expect.stringMatching(/^WITH filtered/)]);
    expect(plans[0]!.statements[0]!.sql).not.toContain('"service_category"');
    expect(plans[0]!.main!.plan).toMatch(/Execution Time/);
    const md = renderReport(
      {
        date: 'today',
        command: 'vitest',
        machine: { cores: 2, cpu: 'x', ramGb: 1, node: process.version },
        postgres: 'PostgreSQL',
        connections: 2,
        duration: 1,
        warmup: 0,
        seconds: 1,
        otherLoad: 'none',
      },
      [
        {
          size: 'tiny',
          generated: gen,
          tableRows: gen.rows,
          setup: { ...setup, m1PairCount: setup.m1Pairs.length },
          runs: [],
          probes: [{ scenario: 'Q1', what: 'first: 5 vs first: 50', small: 5, large: 5 }],
          ourPeakRssMb: 100,
          postgraphilePeakRssMb: null,
          rawPeakRssMb: null,
          invariantsAfterM1: {},
          m1SignupsInDb: 0,
          plans,
          notes: [],
        },
      ],
    );
    expect(md).toContain('## Targets on tiny');
    expect(md).toContain('Execution Time');
    const t = targets({ probes: [{ scenario: 'Q1', what: '', small: 5, large: 6 }], runs: [], invariantsAfterM1: {}, ourPeakRssMb: 310, plans: [] } as any);
    expect(t.find((x) => x.target.startsWith('SQL'))!.met).toBe(false);
    expect(t.find((x) => x.target.includes('RSS'))!.met).toBe(false);
    // Issue 17's targets, from a run's numbers: CPU per request against PostGraphile's, Q4 and M1 against
    // the 2026-11-27 run through PostGraphile's Q1 of each run.
    const run = (target: string, scenario: string, rps: number, server: number, postgres: number, extra = {}) =>
      ({ target, scenario, connections: 32, rps, p99: 50, cpuMsPerRequest: { server, postgres, client: 0.1 }, seconds: 15, ...extra }) as any;
    const l = targets({
      size: 'L',
      probes: [],
      runs: [
        run('ours', 'Q1', 450, 1.5, 1.2),
        run('postgraphile', 'Q1', 580.6, 2.0, 1.0),
        run('raw', 'Q1', 600, 0.5, 1.2),
        run('ours', 'Q3', 1300, 0.8, 0.3),
        run('postgraphile', 'Q3', 1200, 0.7, 0.3),
        run('ours', 'Q4', 476.2, 3, 2),
        run('ours', 'M1', 700, 2, 1, { ok: 10_500 }),
      ],
      invariantsAfterM1: { overbooked: 0 },
      ourPeakRssMb: 290,
      plans: [],
    } as any);
    const met = (words: string) => l.find((x) => x.target.includes(words))!.met;
    expect(met("Q1 at least 1.0× PostGraphile's req/s")).toBe(false);
    expect(met("Q1 at most 1.0× PostGraphile's CPU")).toBe(true);
    expect(met("Q3 at least 1.0× PostGraphile's req/s")).toBe(true);
    expect(met("Q3 at most 1.0× PostGraphile's CPU")).toBe(false);
    expect(met('0.8× the raw baseline')).toBe(false);
    expect(met('Q4 at least 2×')).toBe(true);
    expect(met('M1 unchanged or better')).toBe(false);
    expect(met('RSS')).toBe(true);

    // With the build before issue 17 measured beside this one, Q4 and M1 are read against it, round by round too.
    const side = (scenario: string, rps: [number, number], extra: [object, object] = [{}, {}]) => {
      const rounds = (r: number) => [0, 1].map(() => ({ start: '', seconds: 3, requests: r * 3, rps: r, p50: 10, p99: 20, cpu: 1 }));
      return {
        scenario,
        then: { ...run('then', scenario, rps[0], 2, 1, extra[0]), seconds: 6, rounds: rounds(rps[0]) },
        now: { ...run('now', scenario, rps[1], 2, 1, extra[1]), seconds: 6, rounds: rounds(rps[1]) },
      };
    };
    const withThen = (q4: [number, number], m1: [number, number], thenInvariants = { overbooked: 0 }) =>
      targets({
        size: 'L',
        probes: [],
        runs: [run('ours', 'Q4', 476.2, 3, 2), run('ours', 'M1', 700, 2, 1, { ok: 10_500 })],
        invariantsAfterM1: { overbooked: 0 },
        ourPeakRssMb: 290,
        plans: [],
        thenAndNow: {
          commit: '68a6400',
          size: 'L',
          rounds: 2,
          roundSeconds: 3,
          connections: 32,
          scenarios: [
            side('Q4', q4),
            { ...side('M1', m1, [{ ok: m1[0] * 6 }, { ok: m1[1] * 6 }]), thenInvariants, nowInvariants: { overbooked: 0 } },
          ],
        },
      } as any);
    const metThen = (t: ReturnType<typeof targets>, words: string) => t.find((x) => x.target.includes(words))!;
    const good = withThen([100, 250], [500, 550]);
    expect(metThen(good, 'Q4 at least 2×').met).toBe(true);
    expect(metThen(good, 'Q4 at least 2×').measured).toContain('250.0 vs 100.0 req/s (**2.50×**; round by round 2.50–2.50×)');
    expect(metThen(good, 'M1 unchanged or better').met).toBe(true);
    expect(metThen(good, 'M1 unchanged or better').target).toContain('68a6400, side by side');
    const slow = withThen([100, 190], [500, 450]);
    expect(metThen(slow, 'Q4 at least 2×').met).toBe(false);
    expect(metThen(slow, 'M1 unchanged or better').met).toBe(false);
    expect(metThen(withThen([100, 250], [500, 550], { overbooked: 1 }), 'M1 unchanged or better').met).toBe(false);
  });

  it('sums the rounds of a comparison into one result, and the report shows the ratios round by round', () => {
    const round = (target: string, requests: number, p50: number, p99: number, server: number, postgres: number, extra = {}): LoadResult => ({
      target,
      scenario: 'Q1',
      connections: 32,
      seconds: 3,
      requests,
      rps: requests / 3,
      p50,
      p99,
      failures: 1,
      sqlMin: 1,
      sqlMax: 1,
      rssMaxMb: 100 + requests / 100,
      cpuMsPerRequest: { server: server / requests, postgres: postgres / requests, client: 0.1 },
      cpuMs: { server, postgres, client: requests / 10 },
      ...extra,
    });
    const at = (s: number) => `2026-12-02T04:00:0${s}.000Z`;
    const ours = combineRounds([
      { start: at(0), result: round('ours', 300, 10, 40, 600, 300) },
      { start: at(4), result: round('ours', 900, 4, 90, 900, 900) },
      { start: at(6), result: round('ours', 600, 6, 50, 600, 600) },
    ]);
    expect(ours.requests).toBe(1800);
    expect(ours.seconds).toBe(9);
    expect(ours.rps).toBe(200);
    expect(ours.p50).toBe(6);
    expect(ours.p99).toBe(90);
    expect(ours.failures).toBe(3);
    expect(ours.rssMaxMb).toBe(109);
    // Summed CPU over summed requests, not the mean of the rounds' per-request figures (server 2, 1, 1: 1.33).
    expect(ours.cpuMsPerRequest).toEqual({ server: 1.17, postgres: 1, client: 0.1 });
    expect(ours.rounds!.map((r) => [r.start, r.requests, r.rps, r.cpu])).toEqual([
      [at(0), 300, 100, 3],
      [at(4), 900, 300, 2],
      [at(6), 600, 200, 2],
    ]);
    const theirs = combineRounds([
      { start: at(1), result: round('postgraphile', 600, 5, 20, 600, 600) },
      { start: at(3), result: round('postgraphile', 600, 5, 20, 600, 600) },
      { start: at(7), result: round('postgraphile', 600, 5, 20, 600, 600) },
    ]);
    const report = { size: 'S', runs: [ours, theirs], probes: [], plans: [], notes: [], invariantsAfterM1: {}, setup: { q1Page: 1, q3Signups: 1, q4Open: 1, m1PairCount: 0, m1Activities: 0, m1Alliances: 0 }, tableRows: {}, generated: null } as any;
    expect(roundRatios(report)).toEqual([
      { what: 'Q1 req/s, ours / PostGraphile', rounds: 3, least: 0.5, median: 1, highest: 1.5 },
      { what: 'Q1 CPU per request (server + PostgreSQL), ours / PostGraphile', rounds: 3, least: 1, median: 1, highest: 1.5 },
    ]);
    const run: RunInfo = { date: 'today', command: 'vitest', machine: { cores: 2, cpu: 'x', ramGb: 1, node: process.version }, postgres: 'PostgreSQL', connections: 32, duration: 15, warmup: 3, seconds: 1, otherLoad: 'none' };
    const md = renderReport({ ...run, rounds: 3, roundSeconds: 3 }, [report]);
    expect(md).toContain('measured in 3 rounds of 3 s');
    expect(md).toContain('| ours (3 rounds) | 32 | 200.0 | 6 | 90 |');
    expect(md).toContain('| Q1 req/s, ours / PostGraphile | 3 | 0.50× | 1.00× | 1.50× |');
    // A run saved before the rounds (no rounds in its results or its RunInfo) still renders, without the per-round table.
    const old = renderReport(run, [{ ...report, runs: [ours, theirs].map(({ rounds, cpuMs, ...r }) => r) }]);
    expect(old).toContain('15 s per run after a 3 s warm-up run');
    expect(old).not.toContain('round by round');
  });
});
