import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { openDatabase } from '../../server/src/database/bootstrap.js';
import { hashPassword } from '../../server/src/modules/auth/passwords.js';
import { seedDemoData } from '../../server/src/modules/seed/seed.js';
import { BENCH_PASSWORD } from './data.js';
import { CHROMIUM, PHONE, WEB_DIST } from '../browser/support.js';
import { ROOT, ensurePostgres, installCleanupHandlers, machine, startOurServer } from './harness.js';
import { quietLogger, withDatabase } from './generate.js';

/*
 * `pnpm bench:web`: how soon the admin is usable on a phone over a slow
 * mobile network. Not a test (nothing is asserted): it prints, per run and as
 * medians, the times docs/web.md reports against the targets of issue 16
 * (login page < 2 s, dashboard < 3 s).
 *
 * The built server (server/dist, production mode) serves the built admin
 * (web/dist) on a database of its own holding the demo data. Chromium is
 * throttled through the DevTools protocol like Lighthouse's "slow 4G" mobile
 * profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, the CPU 4×
 * slower. Every run starts with an empty cache (a new browser context).
 *
 * "Interactive", measured in the page (performance.now(), so from the
 * navigation's start or from the click):
 *  - login page: the sign-in button is rendered and enabled (the app has
 *    mounted: the page is a single-page app, there is no server-rendered
 *    button to click before), and then the main thread is quiet: the moment
 *    from which no long task (≥ 50 ms, PerformanceObserver 'longtask') runs
 *    for 1 s.
 *  - dashboard after sign-in: from the click on 登录 until the first chart
 *    (每月完成的联建活动) has drawn its canvas, then the same quiet second.
 *  - dashboard opened afresh: a signed-in user opens /dashboard with an empty
 *    cache (the session in localStorage): from navigation start, as above.
 *
 * Options: --runs=N (default 5), --out=FILE (also writes the table there),
 * --no-throttle (the same on an unthrottled browser, for comparison),
 * --typing=person (types the username and password a key at a time, as a
 * person on a phone does, PERSON_KEY_MS apart, instead of filling both fields
 * at once the moment the login page is interactive; the login page's idle work
 * then has the seconds a real sign-in gives it),
 * --dist=DIR (serve another build of the admin than web/dist, e.g. a copy of
 * the one before a change, to alternate the two; nothing is built then:
 * run test/bench/web-phone.ts with tsx instead of `pnpm bench:web`).
 */

const args = process.argv.slice(2);
const value = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const RUNS = Number(value('runs') ?? 5);
const THROTTLE = !args.includes('--no-throttle');
const OUT = value('out');
const TYPING = value('typing') === 'person' ? 'person' : 'fill';
/** A key every 250 ms: a brisk thumb (4 characters a second); "committee" and the benchmarks' 25-character password take 8.5 s. */
const PERSON_KEY_MS = 250;
const DIST = value('dist') ? path.resolve(value('dist')!) : WEB_DIST;

/** Lighthouse's mobile "slow 4G" (its throttling.mobileSlow4G): rtt 150 ms, 1.6 Mbit/s down, 750 kbit/s up, CPU ×4. */
const SLOW_4G = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const QUIET_MS = 1000;
const TARGETS = { login: 2000, dashboard: 3000 };

/** Collects long tasks from the very start of every document (buffered), for the quiet-window rule. */
const LONG_TASKS = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (THROTTLE) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  return cdp;
}

/** Bytes over the wire (compressed, headers included) while `fn` runs. */
async function transferred<T>(cdp: CDPSession, fn: () => Promise<T>): Promise<{ result: T; bytes: number; requests: number }> {
  let bytes = 0;
  let requests = 0;
  const onDone = (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
  };
  cdp.on('Network.loadingFinished', onDone);
  try {
    return { result: await fn(), bytes, requests };
  } finally {
    cdp.off('Network.loadingFinished', onDone);
  }
}

/**
 * Waits for `ready` (a function source evaluated in the page) to hold, then
 * for the main thread to be quiet for QUIET_MS; returns the interactive time
 * in ms after `since` (a performance.now() in the page: 0 = navigation start).
 */
async function interactiveAfter(page: Page, ready: Ready, since = 0): Promise<{ ready: number; interactive: number }> {
  // A function, not a string: the admin's Content-Security-Policy forbids eval.
  const handle = await page.waitForFunction(
    ([selector, kind]) => {
      const el = document.querySelector(selector);
      const ok =
        kind === 'canvas' ? !!el && (el as HTMLCanvasElement).width > 0 : !!el && el.getBoundingClientRect().width > 0 && !(kind === 'button' && (el as HTMLButtonElement).disabled);
      return ok ? performance.now() : false;
    },
    ready,
    { polling: 'raf', timeout: 60_000 },
  );
  const readyAt = (await handle.jsonValue()) as number;
  // Quiet: a window of QUIET_MS with no long task, starting at or after readyAt.
  for (;;) {
    await page.waitForTimeout(QUIET_MS);
    const r = (await page.evaluate(
      ([readyAt, quiet]) => {
        const tasks = ((window as unknown as { __longTasks: [number, number][] }).__longTasks ?? []).slice().sort((a, b) => a[0] - b[0]);
        let t = readyAt;
        for (const [start, end] of tasks) {
          if (end <= t) continue;
          if (start - t >= quiet) break;
          t = Math.max(t, end);
        }
        return { t, now: performance.now() };
      },
      [readyAt, QUIET_MS] as const,
    )) as { t: number; now: number };
    if (r.now - r.t >= QUIET_MS) return { ready: readyAt - since, interactive: r.t - since };
  }
}

/** What must be on the page: an enabled, laid-out button, or a canvas with pixels. */
type Ready = readonly [selector: string, kind: 'button' | 'canvas' | 'element'];
const LOGIN_READY: Ready = ['[data-test="login-submit"]', 'button'];
const CHART_READY: Ready = ['[data-test="chart-months"] canvas', 'canvas'];
/** The dashboard's figures (the KPI cards) on screen: before the charts, which come with ECharts. */
const FIGURES_READY: Ready = ['[data-test="kpi-unitCount"]', 'element'];

/** When `ready` first holds, in ms after `since` (performance.now() in the page). */
async function shownAt(page: Page, ready: Ready, since = 0): Promise<number> {
  const handle = await page.waitForFunction(
    ([selector]) => {
      const el = document.querySelector(selector);
      return !!el && el.getBoundingClientRect().width > 0 ? performance.now() : false;
    },
    ready,
    { polling: 'raf', timeout: 60_000 },
  );
  return ((await handle.jsonValue()) as number) - since;
}

interface Run {
  login: number;
  loginReady: number;
  loginBytes: number;
  loginRequests: number;
  signIn: number;
  signInReady: number;
  signInFigures: number;
  signInBytes: number;
  cold: number;
  coldReady: number;
  coldFigures: number;
  coldBytes: number;
  coldRequests: number;
}

async function newPhone(browser: import('playwright-core').Browser, origin: string, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) {
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: origin,
    storageState,
  });
  await context.addInitScript(LONG_TASKS);
  const page = await context.newPage();
  if (process.env.BENCH_VERBOSE) {
    page.on('response', (r) => console.error(`    ${r.status()} ${r.request().method()} ${r.url().replace(origin, '')}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`    console: ${m.text()}`));
    page.on('requestfailed', (r) => console.error(`    failed ${r.url().replace(origin, '')}: ${r.failure()?.errorText}`));
    page.on('requestfinished', (r) => r.url().includes('graphql') && void r.response().then((res) => res?.text()).then((t) => console.error(`    body ${t?.slice(0, 300)}`)));
  }
  page.setDefaultTimeout(120_000);
  return { context, page };
}

async function oneRun(browser: import('playwright-core').Browser, origin: string): Promise<Run> {
  // 1. The login page, empty cache.
  const a = await newPhone(browser, origin);
  const cdpA = await throttle(a.page);
  const step = (m: string) => process.env.BENCH_VERBOSE && console.error(`  ${m}`);
  step('login page');
  const login = await transferred(cdpA, async () => {
    // As from a bookmark of the dashboard: the login page leads there.
    await a.page.goto('/login?redirect=/dashboard', { waitUntil: 'commit' });
    return interactiveAfter(a.page, LOGIN_READY);
  });
  // 2. Sign in: from the click to the dashboard's first chart (the login page's files already cached).
  for (const [field, text] of [['login-username', 'committee'], ['login-password', BENCH_PASSWORD]] as const) {
    const input = a.page.locator(`[data-test="${field}"]`);
    if (TYPING === 'person') await input.pressSequentially(text, { delay: PERSON_KEY_MS });
    else await input.fill(text);
  }
  step('sign in');
  const clickAt = (await a.page.evaluate(() => performance.now())) as number;
  const signIn = await transferred(cdpA, async () => {
    await a.page.locator('[data-test="login-submit"]').click();
    const [figures, chart] = await Promise.all([shownAt(a.page, FIGURES_READY, clickAt), interactiveAfter(a.page, CHART_READY, clickAt)]);
    return { ...chart, figures };
  }).catch(async (e) => {
    await a.page.screenshot({ path: path.join(ROOT, 'test/artifacts/bench-web-failed.png') }).catch(() => undefined);
    throw new Error(`no chart after signing in (test/artifacts/bench-web-failed.png; at ${a.page.url()})`, { cause: e });
  });
  const state = await a.context.storageState();
  await a.context.close();
  // 3. The dashboard opened afresh by a signed-in user, empty cache.
  step('dashboard afresh');
  const b = await newPhone(browser, origin, state);
  const cdpB = await throttle(b.page);
  const cold = await transferred(cdpB, async () => {
    await b.page.goto('/dashboard', { waitUntil: 'commit' });
    const [figures, chart] = await Promise.all([shownAt(b.page, FIGURES_READY), interactiveAfter(b.page, CHART_READY)]);
    return { ...chart, figures };
  });
  await b.context.close();
  return {
    login: login.result.interactive,
    loginReady: login.result.ready,
    loginBytes: login.bytes,
    loginRequests: login.requests,
    signIn: signIn.result.interactive,
    signInReady: signIn.result.ready,
    signInFigures: signIn.result.figures,
    signInBytes: signIn.bytes,
    cold: cold.result.interactive,
    coldReady: cold.result.ready,
    coldFigures: cold.result.figures,
    coldBytes: cold.bytes,
    coldRequests: cold.requests,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const secs = (ms: number) => (ms / 1000).toFixed(2);
const kb = (b: number) => (b / 1024).toFixed(0);

async function main() {
  installCleanupHandlers();
  const pgServer = await ensurePostgres((m) => console.error(m));
  const database = `bench_web_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgServer.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = withDatabase(pgServer.adminUrl, database);
  let server: Awaited<ReturnType<typeof startOurServer>> | null = null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run'] });
  try {
    const ds = await openDatabase(url, quietLogger, 2);
    await seedDemoData(ds);
    // A production server refuses the demo password: the committee signs in with the benchmarks' one.
    await ds.query(`UPDATE app_user SET password_hash = $1 WHERE username = 'committee'`, [await hashPassword(BENCH_PASSWORD)]);
    await ds.destroy();
    server = await startOurServer(url, undefined, [], { WEB_DIST: DIST });
    const origin = server.url.replace(/\/graphql$/, '');
    console.error(`server ${origin} serving ${DIST}, ${RUNS} runs, ${THROTTLE ? `slow 4G + CPU ×${CPU_SLOWDOWN}` : 'no throttling'}`);
    // One unmeasured pass: the server's first answers (its caches, PostgreSQL's) are not the phone's business.
    await oneRun(browser, origin);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await oneRun(browser, origin);
      runs.push(r);
      console.error(`run ${i + 1}: login ${secs(r.login)} s, sign-in → dashboard ${secs(r.signIn)} s, dashboard afresh ${secs(r.cold)} s`);
    }
    const m = (k: keyof Run) => median(runs.map((r) => r[k]));
    const range = (k: keyof Run) => `${secs(Math.min(...runs.map((r) => r[k])))}–${secs(Math.max(...runs.map((r) => r[k])))}`;
    const hw = machine();
    // The machine is shared: its load says how far the numbers are its own.
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const lines = [
      `Machine: ${hw.cpu}, ${hw.cores} cores, ${hw.ramGb} GB; Node ${hw.node}; Chromium (${browser.version()}); ${pgServer.version}; load average ${load} at the end; ${new Date().toISOString().slice(0, 16)}Z; admin ${path.relative(ROOT, DIST) || DIST}.`,
      `Profile: ${THROTTLE ? `slow 4G (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up) + CPU ×${CPU_SLOWDOWN}` : 'no throttling'}; phone ${PHONE.width}×${PHONE.height} @3x; ${RUNS} runs, median (min–max); credentials ${TYPING === 'person' ? `typed a key every ${PERSON_KEY_MS} ms` : 'filled at once'}.`,
      '',
      '| what | figures shown (median) | ready (median) | interactive (median) | interactive (min–max) | transferred | target |',
      '|---|---|---|---|---|---|---|',
      `| login page, empty cache | – | ${secs(m('loginReady'))} s | **${secs(m('login'))} s** | ${range('login')} s | ${kb(m('loginBytes'))} KB in ${m('loginRequests')} requests | < ${secs(TARGETS.login)} s |`,
      `| sign-in → dashboard (first chart drawn) | ${secs(m('signInFigures'))} s | ${secs(m('signInReady'))} s | **${secs(m('signIn'))} s** | ${range('signIn')} s | ${kb(m('signInBytes'))} KB | < ${secs(TARGETS.dashboard)} s |`,
      `| dashboard opened afresh, empty cache | ${secs(m('coldFigures'))} s | ${secs(m('coldReady'))} s | **${secs(m('cold'))} s** | ${range('cold')} s | ${kb(m('coldBytes'))} KB in ${m('coldRequests')} requests | < ${secs(TARGETS.dashboard)} s |`,
    ];
    const table = lines.join('\n');
    console.log(table);
    if (OUT) {
      const file = path.resolve(ROOT, OUT);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${table}\n`);
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await pgServer.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
