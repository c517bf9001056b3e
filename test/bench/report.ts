import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UNCACHED, median, productionNodeFlags, type LoadResult, type SizeReport } from './harness.js';
import { perRound as thenNowRounds, perSecond, thenAndNowTable } from './then-and-now.js';

/*
 * docs/benchmarks.md from one run: every number below comes from the
 * SizeReports of that run. The hand-written analysis (test/bench/analysis.md)
 * is appended as it is.
 */

export interface RunInfo {
  date: string;
  command: string;
  machine: { cores: number; cpu: string; ramGb: number; node: string };
  postgres: string;
  connections: number;
  duration: number;
  warmup: number;
  /** The comparison's interleaved rounds and their length; absent in runs saved before them (one run per target). */
  rounds?: number;
  roundSeconds?: number;
  seconds: number;
  otherLoad: string;
}

const f = (n: number | null | undefined, d = 0) => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d }));
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
const sqlOf = (r: LoadResult) => (r.sqlMin === null ? '–' : r.sqlMin === r.sqlMax ? String(r.sqlMin) : `${r.sqlMin}–${r.sqlMax}`);

/** The run of 2026-11-27 21:40 UTC (docs/benchmarks.md of commit 29990c7), before issue 17: req/s at 32 connections. */
const BEFORE_ISSUE_17: Record<string, { q4: number; m1: number; pglQ1: number }> = {
  S: { q4: 213.3, m1: 669.9, pglQ1: 647.7 },
  M: { q4: 233.6, m1: 808.0, pglQ1: 660.9 },
  L: { q4: 238.1, m1: 759.9, pglQ1: 580.6 },
};

function find(s: SizeReport, target: string, scenario: string, connections?: number) {
  return s.runs.find((r) => r.target === target && r.scenario === scenario && (connections === undefined || r.connections === connections));
}

/**
 * The comparison round by round: round i of ours against round i of the other server, measured within
 * seconds of each other, so a reader sees how far the ratio of the summed rounds moves with the host.
 */
export function roundRatios(s: SizeReport): { what: string; rounds: number; least: number; median: number; highest: number }[] {
  const out: { what: string; rounds: number; least: number; median: number; highest: number }[] = [];
  const pairs: [string, string, string][] = [
    ['Q1', 'postgraphile', 'PostGraphile'],
    ['Q3', 'postgraphile', 'PostGraphile'],
    ['Q1', 'raw', 'raw'],
  ];
  for (const [scenario, other, label] of pairs) {
    const o = find(s, 'ours', scenario, 32)?.rounds;
    const t = find(s, other, scenario, 32)?.rounds;
    if (!o || !t || o.length !== t.length) continue;
    const rows: [string, (number | null)[]][] = [
      [`${scenario} req/s, ours / ${label}`, o.map((r, i) => (t[i]!.rps ? r.rps / t[i]!.rps : null))],
      [`${scenario} CPU per request (server + PostgreSQL), ours / ${label}`, o.map((r, i) => (r.cpu && t[i]!.cpu ? r.cpu / t[i]!.cpu! : null))],
    ];
    for (const [what, xs] of rows) {
      const v = xs.filter((x): x is number => x !== null);
      if (v.length) out.push({ what, rounds: v.length, least: Math.min(...v), median: median(v), highest: Math.max(...v) });
    }
  }
  return out;
}

export function targets(s: SizeReport): { target: string; measured: string; met: boolean | null }[] {
  const q = (t: string, sc: string) => find(s, t, sc, 32);
  const out: { target: string; measured: string; met: boolean | null }[] = [];
  const flat = s.probes.every((p) => p.small !== null && p.small === p.large);
  out.push({
    target: 'SQL statements per request independent of page size (Q1–Q4)',
    measured: s.probes.map((p) => `${p.scenario} ${p.small}/${p.large}`).join(', '),
    met: flat,
  });
  const cpu = (r: LoadResult | undefined) => (r?.cpuMsPerRequest?.server != null && r.cpuMsPerRequest.postgres != null ? r.cpuMsPerRequest.server + r.cpuMsPerRequest.postgres : undefined);
  for (const sc of ['Q1', 'Q3']) {
    const o = q('ours', sc);
    const p = q('postgraphile', sc);
    out.push({
      target: `${sc} at least 1.0× PostGraphile's req/s`,
      measured: o && p ? `${f(o.rps)} vs ${f(p.rps)} (${ratio(o.rps, p.rps)})` : 'not measured',
      met: o && p ? o.rps >= p.rps : null,
    });
    const co = cpu(o);
    const cp = cpu(p);
    out.push({
      target: `${sc} at most 1.0× PostGraphile's CPU per request (server + PostgreSQL)`,
      measured: co && cp ? `${f(co, 2)} vs ${f(cp, 2)} ms (${ratio(co, cp)})` : 'not measured',
      met: co && cp ? co <= cp : null,
    });
  }
  const o1 = q('ours', 'Q1');
  const r1 = q('raw', 'Q1');
  out.push({
    target: 'Q1 at least 0.8× the raw baseline (req/s)',
    measured: o1 && r1 ? `${f(o1.rps)} vs ${f(r1.rps)} (${ratio(o1.rps, r1.rps)})` : 'not measured',
    met: o1 && r1 ? o1.rps >= r1.rps * 0.8 : null,
  });
  // "Today's" Q4 and M1: the build of 2026-11-27 before issue 17, measured beside this one in the same run
  // (then-and-now.ts). Runs without it (saved before it, or a clone without that commit) read them as earlier
  // runs did: each run's figure as a multiple of PostGraphile's Q1 in its run, against the 2026-11-27 run's.
  const before = BEFORE_ISSUE_17[s.size];
  const pq1 = q('postgraphile', 'Q1');
  const side = (sc: string) => s.thenAndNow?.scenarios.find((x) => x.scenario === sc);
  const sideBySide = (sc: string, unit: string) => {
    const x = side(sc)!;
    const pr = thenNowRounds(x);
    return `${f(perSecond(x.now), 1)} vs ${f(perSecond(x.then), 1)} ${unit} (**${(perSecond(x.now) / perSecond(x.then)).toFixed(2)}×**; round by round ${pr.least.toFixed(2)}–${pr.highest.toFixed(2)}×)`;
  };
  const q4 = q('ours', 'Q4');
  const speedup = q4 && pq1 && before ? q4.rps / pq1.rps / (before.q4 / before.pglQ1) : null;
  const throughPgl = q4 && pq1 && before ? `${f(q4.rps)} req/s = ${(q4.rps / pq1.rps).toFixed(2)}× PostGraphile's Q1; then ${before.q4} = ${(before.q4 / before.pglQ1).toFixed(2)}×: **${speedup!.toFixed(2)}×**` : null;
  const q4Side = side('Q4');
  out.push(
    q4Side
      ? {
          target: `Q4 at least 2× today's req/s (the 2026-11-27 build, ${s.thenAndNow!.commit}, side by side in this run)`,
          measured: `${sideBySide('Q4', 'req/s')}${throughPgl ? `; as earlier runs read it (through PostGraphile's Q1): ${speedup!.toFixed(2)}×` : ''}`,
          met: perSecond(q4Side.now) >= 2 * perSecond(q4Side.then),
        }
      : {
          target: "Q4 at least 2× today's req/s (the 2026-11-27 run, each as a multiple of PostGraphile's Q1 in its run)",
          measured: throughPgl ?? 'not measured',
          met: speedup !== null ? speedup >= 2 : null,
        },
  );
  const q2 = find(s, 'ours', 'Q2', 32);
  const fresh = find(s, UNCACHED, 'Q2', 32);
  const freshOne = find(s, UNCACHED, 'Q2', 1);
  out.push({
    target: 'Q2 computed afresh (no figures cache): p99 under 100 ms at 32 connections',
    measured: fresh
      ? `${fresh.p99} ms at 32 connections${freshOne ? `, ${freshOne.p99} ms at 1` : ''}${q2 ? `; from the figures cache (kept 30 s): ${q2.p99} ms` : ''}`
      : 'not measured',
    met: fresh ? fresh.p99 < 100 : null,
  });
  const m1 = q('ours', 'M1');
  const perSec = m1?.ok !== undefined ? m1.ok / m1.seconds : null;
  const isIntact = (x: Record<string, number> | undefined) => !!x && Object.keys(x).length > 0 && Object.values(x).every((n) => n === 0);
  const intact = isIntact(s.invariantsAfterM1);
  const m1Then = before ? before.m1 / before.pglQ1 : null;
  const m1Now = perSec !== null && pq1 ? perSec / pq1.rps : null;
  const m1Side = side('M1');
  if (m1Side) {
    const sideIntact = isIntact(m1Side.nowInvariants) && isIntact(m1Side.thenInvariants);
    out.push({
      target: `M1 unchanged or better (sign-ups/s against the 2026-11-27 build, ${s.thenAndNow!.commit}, side by side in this run), invariants intact`,
      measured: `${sideBySide('M1', 'sign-ups/s')}; invariants ${intact && sideIntact ? 'intact' : JSON.stringify({ run: s.invariantsAfterM1, now: m1Side.nowInvariants, then: m1Side.thenInvariants })}${m1Now !== null && m1Then !== null ? `; as earlier runs read it: ${m1Now.toFixed(2)}× PostGraphile's Q1 against ${m1Then.toFixed(2)}× then` : ''}`,
      met: perSecond(m1Side.now) >= perSecond(m1Side.then) && intact && sideIntact,
    });
  } else {
    out.push({
      target: "M1 unchanged or better (sign-ups/s as a multiple of PostGraphile's Q1, against 2026-11-27), invariants intact",
      measured: m1
        ? `${f(perSec, 1)} sign-ups/s${m1Now !== null && m1Then !== null ? ` = ${m1Now.toFixed(2)}× PostGraphile's Q1; then ${before!.m1} = ${m1Then.toFixed(2)}×` : ''}; invariants ${intact ? 'intact' : JSON.stringify(s.invariantsAfterM1)}`
        : 'not measured',
      met: m1 && m1Now !== null && m1Then !== null ? m1Now >= m1Then && intact : null,
    });
  }
  out.push({
    target: 'server peak RSS under 300 MB',
    measured: s.ourPeakRssMb !== null ? `${s.ourPeakRssMb} MB (VmHWM)` : 'not measured',
    met: s.ourPeakRssMb !== null ? s.ourPeakRssMb < 300 : null,
  });
  if (s.plans.length) {
    const seq = s.plans.flatMap((p) => p.statements.flatMap((st) => st.largeSeqScans.map((t) => `${p.scenario}: ${t}`)));
    out.push({
      target: 'no sequential scan over a large table (any statement of any scenario)',
      measured: seq.length ? seq.join(', ') : 'none',
      met: seq.length === 0,
    });
  }
  return out;
}

export function renderReport(run: RunInfo, sizes: SizeReport[], analysisFile?: string): string {
  const L: string[] = [];
  const largest = sizes[sizes.length - 1]!;
  L.push('# Benchmarks: performance at city scale');
  L.push('');
  L.push(`Measured on ${run.date} with \`${run.command}\` (${Math.round(run.seconds)} s in all). Every number above the analysis comes from that run; the harness writes this file (test/bench/report.ts) and appends the hand-written analysis (test/bench/analysis.md), whose extra numbers come from the variant runs it names.`);
  L.push('');
  L.push('## Machine and method');
  L.push('');
  L.push(`- Machine: ${run.machine.cores} cores (${run.machine.cpu}), ${run.machine.ramGb} GiB RAM, ${run.postgres} (default configuration: shared_buffers 128 MB), Node ${run.machine.node} for our server and the raw baseline; PostGraphile runs on Node 22 (npm package \`node@22.23.3\`).`);
  L.push(`- Other load on the machine at the start: ${run.otherLoad}; during each run, the table's last two columns give the most processes of other people's test runs (vitest, Chromium) seen at once and the 1-minute load average at its end (our own server, PostgreSQL and load generator add about 2). Client (autocannon 8.0.0) and servers share the same ${run.machine.cores} cores, as they would on a small VM.`);
  if (run.rounds) {
    L.push(`- Load: autocannon, ${run.connections} connections. First the comparison, interleaved: Q1 on ours, PostGraphile and the raw baseline, then Q3 on ours and PostGraphile, the three servers running throughout. Each server is warmed up once per scenario (${run.warmup} s), then measured in ${run.rounds} rounds of ${run.roundSeconds} s that alternate between the servers, the order reversed every other round (ours, PostGraphile, raw; raw, PostGraphile, ours; ...), with a 1 s pause after each load for the requests still in flight: the host's speed drifts (by up to 1.6× within half an hour, analysis below), and so the drift falls on every server alike. Each (server, scenario) is one row of the tables: req/s = its requests over all rounds / the seconds measured, CPU per request = the CPU of all rounds / their requests, failures summed, RSS max the highest, load average the highest at a round's end, p50 the median of the rounds' p50, and **p99 the highest round's p99**; the per-round ratios under each table show the spread. Then ours alone: Q2, Q4, Q2 uncached (32 connections and 1) and M1, ${run.duration} s per run after a ${run.warmup} s warm-up run (M1: no warm-up).`);
  } else {
    L.push(`- Load: autocannon, ${run.connections} connections, ${run.duration} s per run after a ${run.warmup} s warm-up run (M1: no warm-up), one server after the other.`);
  }
  L.push(`- Our server: \`${['node', ...productionNodeFlags(), 'server/dist/main.js'].join(' ')}\`, as production runs it (server/package.json's start script, NODE_ENV=production, a JWT_SECRET, pool of 10 connections, dashboard figures kept 30 s, no SQL counting). SQL statements per request are counted by a twin of it started with EXPOSE_SQL_COUNT=true, from the \`x-sql-statements\` header of the same request sent to it twice (min–max: Q2 is computed the first time and comes from the figures cache the second), and of one sign-up for M1. Counting is left out of the loaded server because its AsyncLocalStorage costs 5–7 % of the server's CPU per request on Node 20 (analysis below). \`${UNCACHED}\`: the server with DASHBOARD_CACHE_SECONDS=0, counting its own statements.`);
  L.push('- PostGraphile 5.1.5 (`postgraphile/presets/amber` + postgraphile-plugin-connection-filter 4.0.1, pool of 10) on the same database, with its own equivalent queries (test/bench/scenarios.ts). It checks no token and scopes nothing: the alliance is a condition in the query, so it does less work per request than ours.');
  L.push('- Raw baseline: a bare `node:http` handler sending with `pg` (pool of 10) the one SQL statement the fast path of our server sends for Q1 (docs/architecture.md, "Fast path"; categories held in memory, as ours holds them), and writing the same JSON (test/bench/raw-baseline.mjs).');
  L.push('- CPU per request: the CPU time (utime + stime, /proc/<pid>/stat) the server process, the PostgreSQL backends serving this database, and the load generator used during the run, divided by the requests answered. Unlike req/s it does not depend on what else the shared machine is doing.');
  L.push('- Peak RSS: VmHWM of the process from /proc/<pid>/status when it stops; "RSS max" per run is the highest VmRSS sampled every 200 ms during that run.');
  L.push('');
  L.push('- Reproduce: `pnpm bench` (S, M and L, writes this file), `pnpm bench:quick` (S only, 5 s runs, the comparison in 3 rounds, writes .tmp/benchmarks-quick.md), `pnpm bench L --reuse` (keep an existing bench_l), `--rounds=N` (rounds of the comparison, of duration / N s each; default 5), `--no-then` (leave out the build of 2026-11-27 measured beside this one on L; it needs that commit in the history of the clone, the first run installs and builds it under .tmp/, and both data sets of L are generated afresh, about 4 minutes in all), `pnpm bench --render=.tmp/bench-SML.json` (rewrite this file from a saved run after editing test/bench/analysis.md). PostGraphile and its Node 22 are installed on first use with `npm ci` in test/bench/postgraphile. CI runs only test/bench/harness.test.ts (a tiny data set, one short load of each scenario and a short interleaved comparison of ours with the raw baseline).');
  L.push('');
  L.push('## Data sets');
  L.push('');
  L.push('Generated by test/bench/generate.ts (COPY through pg-copy-streams 7.0.0; secondary indexes rebuilt after the load, the signup trigger disabled during COPY with confirmed_count computed by the generator, constraints and foreign keys checked row by row; invariants verified by SQL afterwards).');
  L.push('');
  L.push('| size | alliances | units | shelf projects | needs | need events | activities | sign-ups | points rows | COPY s | indexes s | VACUUM ANALYZE s | load total s |');
  L.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const s of sizes) {
    const g = s.generated;
    const t = s.tableRows;
    L.push(
      `| ${s.size} | ${g?.spec.alliances ?? '–'} | ${f(t.member_unit)} | ${f(t.shelf_project)} | ${f(t.need)} | ${f(t.need_event)} | ${f(t.activity)} | ${f(t.signup)} | ${f(t.points_entry)} | ${g ? g.seconds.copy : 'reused'} | ${g ? g.seconds.indexes : '–'} | ${g ? g.seconds.analyze : '–'} | ${g ? `**${g.seconds.total}**` : '–'} |`,
    );
  }
  L.push('');
  L.push('## Scenarios');
  L.push('');
  L.push('Fixed GraphQL documents in test/bench/scenarios.ts, signed in as the committee admin of one alliance:');
  L.push('');
  L.push(`- **Q1** the shelf: \`shelfProjects(filter: {status: ON_SHELF, categoryCode, search: "志愿"}, first: 20, after: <cursor of page 2>)\`, with unit name, agreement and category.`);
  L.push(`- **Q2** \`dashboard(from, to)\` over the last 12 months, every field, \`topUnits(first: 10)\`. Ours answers it from its figures cache after the warm-up's first request; \`${UNCACHED}\` computes every one afresh.`);
  L.push('- **Q3** `activity(id)` with its sign-ups and their units, and its shelf projects (the activity of the alliance with the most sign-ups).');
  L.push('- **Q4** `needs(filter: {gridId, status: [open statuses]}, first: 20)` with ordered projects and their units, assignee and history with actors.');
  L.push('- **M1** `signUpForActivity(activityId, unitId, headcount)` by the committees of up to 10 alliances, each request a different (OPEN activity, unit) pair drawn at random, 32 at a time.');
  L.push('');
  for (const s of sizes) {
    L.push(`### ${s.size}`);
    L.push('');
    L.push(`Q1 asks for page ${s.setup.q1Page}; Q3's activity has ${s.setup.q3Signups} sign-ups; Q4's grid has ${s.setup.q4Open} open needs; M1 had ${f(s.setup.m1PairCount)} pairs over ${f(s.setup.m1Activities)} OPEN activities of ${s.setup.m1Alliances} alliances.`);
    L.push('');
    L.push('| scenario | server | connections | req/s | p50 ms | p99 ms | SQL / request | failures | RSS max MB | CPU ms / request: server | PostgreSQL | load generator | other test processes | load avg |');
    L.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of s.runs) {
      const rps = r.scenario === 'M1' ? `${f(r.rps, 1)} (${f((r.ok ?? 0) / r.seconds, 1)} sign-ups/s)` : f(r.rps, 1);
      const c = r.cpuMsPerRequest;
      L.push(`| ${r.scenario} | ${r.target}${r.rounds ? ` (${r.rounds.length} rounds)` : ''} | ${r.connections} | ${rps} | ${r.p50} | ${r.p99} | ${sqlOf(r)} | ${f(r.failures)} | ${f(r.rssMaxMb)} | ${f(c?.server, 2)} | ${f(c?.postgres, 2)} | ${f(c?.client, 2)} | ${r.foreignProcesses ?? '–'} | ${r.loadAverage ?? '–'} |`);
    }
    L.push('');
    const o1 = find(s, 'ours', 'Q1', 32);
    const o3 = find(s, 'ours', 'Q3', 32);
    const cost = (r: LoadResult | undefined) => (r?.cpuMsPerRequest?.server ?? 0) + (r?.cpuMsPerRequest?.postgres ?? 0) || undefined;
    L.push(`CPU per request (server + PostgreSQL), ours / other (lower is cheaper): Q1 vs PostGraphile **${ratio(cost(o1), cost(find(s, 'postgraphile', 'Q1', 32)))}**, Q3 vs PostGraphile **${ratio(cost(o3), cost(find(s, 'postgraphile', 'Q3', 32)))}**, Q1 vs raw **${ratio(cost(o1), cost(find(s, 'raw', 'Q1', 32)))}**.`);
    L.push('');
    L.push(`Ratios (req/s): Q1 ours / PostGraphile **${ratio(o1?.rps, find(s, 'postgraphile', 'Q1')?.rps)}**, Q3 ours / PostGraphile **${ratio(o3?.rps, find(s, 'postgraphile', 'Q3')?.rps)}**, Q1 ours / raw **${ratio(o1?.rps, find(s, 'raw', 'Q1')?.rps)}**.`);
    L.push('');
    const perRound = roundRatios(s);
    if (perRound.length) {
      L.push('The same ratios round by round (round i of ours against round i of the other server, seconds apart):');
      L.push('');
      L.push('| ours / other, per round | rounds | least | median | highest |');
      L.push('|---|---|---|---|---|');
      for (const r of perRound) L.push(`| ${r.what} | ${r.rounds} | ${r.least.toFixed(2)}× | ${r.median.toFixed(2)}× | ${r.highest.toFixed(2)}× |`);
      L.push('');
    }
    const m1 = find(s, 'ours', 'M1');
    if (m1) {
      L.push(`M1: ${f(m1.ok)} sign-ups answered in ${m1.seconds} s (${Object.entries(m1.statuses ?? {}).map(([k, v]) => `${k} ${f(v)}`).join(', ')}); ${f(s.m1SignupsInDb)} rows added${s.m1SignupsInDb - (m1.ok ?? 0) > 0 && s.m1SignupsInDb - (m1.ok ?? 0) <= m1.connections ? ' (the difference: requests still in flight when the run stopped, committed but not counted)' : ''}. Invariants checked by SQL after the run (and after the EXPLAIN capture's one extra sign-up): ${Object.entries(s.invariantsAfterM1).map(([k, v]) => `${k} = ${v}`).join(', ')}.`);
      L.push('');
    }
    L.push(`Peak RSS (VmHWM): ours ${f(s.ourPeakRssMb)} MB, PostGraphile ${f(s.postgraphilePeakRssMb)} MB, raw ${f(s.rawPeakRssMb)} MB.`);
    L.push('');
    const notes = s.notes.filter((n) => !/^M1: \d+ sign-ups answered, \d+ rows added\.$/.test(n));
    if (notes.length) {
      for (const n of notes) L.push(`- Note: ${n}`);
      L.push('');
    }
  }
  L.push('## SQL statements per request against page size');
  L.push('');
  L.push(`Counted from the \`x-sql-statements\` header, on ${largest.size}:`);
  L.push('');
  L.push('| scenario | compared | small | large |');
  L.push('|---|---|---|---|');
  for (const p of largest.probes) L.push(`| ${p.scenario} | ${p.what} | ${p.small} | ${p.large} |`);
  L.push('');
  L.push(`## Targets on ${largest.size}`);
  L.push('');
  L.push('| target | measured | met |');
  L.push('|---|---|---|');
  for (const t of targets(largest)) L.push(`| ${t.target} | ${t.measured} | ${t.met === null ? 'not measured' : t.met ? 'yes' : '**no**'} |`);
  L.push('');
  const tn = largest.thenAndNow;
  if (tn) {
    L.push(`## The build before issue 17 beside this one (${tn.size})`);
    L.push('');
    L.push(
      `"Today's" in issue 17 is the build of 2026-11-27: its commit ${tn.commit}, checked out, installed and built under .tmp/, on a data set of the same size made by its own generator (bench_${tn.size.toLowerCase()}_then), ran beside this build on bench_${tn.size.toLowerCase()} (both generated afresh), on the same PostgreSQL, in ${tn.rounds} alternating rounds of ${tn.roundSeconds} s each (after a 3 s warm-up each) at ${tn.connections} connections (test/bench/then-and-now.ts). M1 counts sign-ups per second; the reads, answers per second.`,
    );
    L.push('');
    L.push(...thenAndNowTable(tn));
    L.push('');
  } else if (largest.thenAndNowError) {
    L.push(`The build before issue 17 was not measured beside this one (${largest.thenAndNowError}); Q4 and M1 are read through PostGraphile's Q1 instead.`);
    L.push('');
  }
  if (largest.plans.length) {
    L.push(`## EXPLAIN (ANALYZE, BUFFERS) on ${largest.size}`);
    L.push('');
    L.push('Our server ran in the harness process on the same database; every statement it sent for one request of each scenario (of a read, its second request, as a loaded server answers it: the alliance\'s categories and grids held, the plan kept) was captured with its parameters and run again under `EXPLAIN (ANALYZE, BUFFERS)` (in a transaction rolled back). Shown: the main query (the slowest statement); the list gives every statement\'s time and any sequential scan over a table of more than 10,000 rows.');
    L.push('');
    for (const p of largest.plans) {
      L.push(`### ${p.scenario}`);
      L.push('');
      for (const st of p.statements) {
        const head = st.sql.replace(/\s+/g, ' ').slice(0, 110);
        L.push(`- ${st.ms.toFixed(3)} ms (planning ${st.planMs.toFixed(3)} ms)${st.largeSeqScans.length ? ` — **Seq Scan on ${st.largeSeqScans.join(', ')}**` : ''}: \`${head}${st.sql.length > 110 ? ' …' : ''}\``);
      }
      L.push('');
      if (p.main) {
        L.push('Main query:');
        L.push('');
        L.push('```sql');
        L.push(p.main.sql);
        L.push('```');
        L.push('');
        L.push('```');
        L.push(p.main.plan);
        L.push('```');
        L.push('');
      }
    }
  }
  if (analysisFile && existsSync(analysisFile)) {
    L.push(readFileSync(analysisFile, 'utf8').trim());
    L.push('');
  }
  return L.join('\n');
}

export const ANALYSIS_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), 'analysis.md');
