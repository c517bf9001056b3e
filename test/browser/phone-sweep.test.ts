import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, SMALL_PHONE, finish, login, revealNearScreenParts, startHarness, type Harness, type TestPage } from './support.js';

/*
 * No sideways scroll on a phone (issue 16): every demo role at 360×740 visits
 * every route of the admin's router it may open, with real demo ids for the
 * parameters, and the page may not be wider than the screen. The routes are
 * read from the running app's router, so a page added later is swept too.
 * Every offending route is reported at once, and no console error may appear.
 */

const ROLES = ['committee', 'unit1', 'grid1', 'viewer'] as const;
type Username = (typeof ROLES)[number];

let h: Harness;
/** Demo ids for the routes' parameters, chosen so the pages show a lot (buttons, tables, histories). */
let ids: Record<'need' | 'activity' | 'project' | 'unit', string>;

beforeAll(async () => {
  h = await startHarness();
  const [unit1] = await h.server.sql(`SELECT id, unit_id FROM app_user WHERE username = 'unit1'`);
  // A need at work for unit1's liaison (its page has the assignee's buttons), else the one with the longest history.
  const [need] = await h.server.sql(
    `SELECT n.id FROM need n LEFT JOIN need_event e ON e.need_id = n.id
      GROUP BY n.id ORDER BY bool_or(n.assignee_id = $1 AND n.status = 'IN_PROGRESS') DESC, count(e.id) DESC LIMIT 1`,
    [unit1.id],
  );
  // An open activity unit1 signed up for (its page has the withdraw button), else the one with the most sign-ups.
  const [activity] = await h.server.sql(
    `SELECT a.id FROM activity a JOIN signup s ON s.activity_id = a.id
      GROUP BY a.id ORDER BY bool_or(a.status = 'OPEN' AND s.unit_id = $1 AND s.status = 'CONFIRMED') DESC, count(*) DESC LIMIT 1`,
    [unit1.unit_id],
  );
  // unit1's project on the shelf with slots to book, else any of its projects on the shelf.
  const [project] = await h.server.sql(
    `SELECT p.id FROM shelf_project p LEFT JOIN service_slot s ON s.shelf_project_id = p.id
      WHERE p.unit_id = $1 AND p.status = 'ON_SHELF' GROUP BY p.id ORDER BY count(s.id) DESC LIMIT 1`,
    [unit1.unit_id],
  );
  ids = { need: need.id, activity: activity.id, project: project.id, unit: unit1.unit_id };
});
afterAll(async () => {
  await h?.close();
});

interface RouteInfo {
  name: string;
  path: string;
  roles: string[] | null;
  public: boolean;
  redirect: boolean;
}

/** The app's own router (Vue keeps the app on its container), its routes with their roles. */
async function routesOf(page: Page): Promise<RouteInfo[]> {
  return page.evaluate(() => {
    const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $router: any } } } }).__vue_app__;
    const router = app.config.globalProperties.$router;
    return router.getRoutes().map((r: any) => ({
      name: String(r.name ?? ''),
      path: r.path as string,
      roles: (r.meta?.roles as string[] | undefined) ?? null,
      public: !!r.meta?.public,
      redirect: !!r.redirect,
    }));
  });
}

/** A route's path with its parameters filled in from the demo data (the catch-all: a page that does not exist). */
function fill(path: string, name: string): string {
  if (path.includes('pathMatch')) return '/no-such-page';
  const kind: Record<string, keyof typeof ids> = { need: 'need', printNeed: 'need', activity: 'activity', printSignIn: 'activity', project: 'project', unit: 'unit' };
  return path.replace(/:id\b/, () => {
    const k = kind[name];
    if (!k) throw new Error(`no demo id for the route ${name} (${path}): add it to the sweep`);
    return ids[k];
  });
}

/** Waits for what the page asked for: no request in flight, no skeleton, no loading mask. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // The dashboard's lower panels are mounted once scrolled near: measured too.
  await revealNearScreenParts(page);
  await page
    .waitForFunction(() => !document.querySelector('.el-skeleton, .el-loading-mask:not([style*="display: none"])'), undefined, { timeout: 10_000 })
    .catch(() => undefined);
  // Charts and tables lay out in the next frames.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * How wide the page is: the document, the body and the layout's main area (an
 * el-main scrolls on its own, so the document alone would hide a wide page),
 * and the outermost elements poking out on the right that nothing clips (to say what to fix).
 */
async function widths(page: Page) {
  return page.evaluate((limit) => {
    const main = document.querySelector('.el-main');
    const pages = new Set<Element | null>([document.documentElement, document.body, main]);
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && !pages.has(a); a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= limit + 0.5) return true;
      }
      return false;
    };
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right <= limit + 0.5 || r.width === 0) continue;
      if (el.parentElement && !pages.has(el.parentElement) && el.parentElement.getBoundingClientRect().right > limit + 0.5) continue;
      if (clipped(el)) continue;
      const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 3).join('.') : '';
      const test = el.getAttribute('data-test');
      culprits.push(`${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}${test ? `[data-test=${test}]` : ''} right=${Math.round(r.right)}`);
    }
    return {
      html: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      // How far the main area scrolls sideways (0: it does not).
      main: main ? main.scrollWidth - main.clientWidth : 0,
      culprits: culprits.slice(0, 5),
    };
  }, SMALL_PHONE.width);
}

const tooWide = (w: Awaited<ReturnType<typeof widths>>) => w.html > SMALL_PHONE.width || w.body > SMALL_PHONE.width || w.main > 0;
const describeWidths = (w: Awaited<ReturnType<typeof widths>>) => `scrollWidth html=${w.html} body=${w.body}, main scrolls ${w.main} px (${w.culprits.join('; ')})`;

async function sweep(p: TestPage, username: Username): Promise<{ visited: string[]; offending: string[] }> {
  const { page } = p;
  const visited: string[] = [];
  const offending: string[] = [];
  const check = async (label: string) => {
    await settle(page);
    const w = await widths(page);
    visited.push(label);
    // Key–value labels keep their words: a Chinese label on one line.
    const broken = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.el-descriptions__label'))
        .filter((l) => l.offsetHeight > 0)
        .filter((l) => {
          const range = document.createRange();
          range.selectNodeContents(l);
          return range.getClientRects().length > 1 || range.getBoundingClientRect().height > parseFloat(getComputedStyle(l).lineHeight) * 1.5;
        })
        .map((l) => l.textContent!.trim()),
    );
    if (broken.length) offending.push(`${username} ${label}: labels broken over lines: ${broken.join(', ')}`);
    if (tooWide(w)) {
      offending.push(`${username} ${label}: ${describeWidths(w)}`);
      await page.screenshot({ path: `${ARTIFACTS}/phone-sweep-${username}-${label.replace(/[^\w]+/g, '_')}.png`, fullPage: true }).catch(() => undefined);
    }
  };

  const role = (await page.evaluate(() => JSON.parse(localStorage.getItem('alliance.session') ?? 'null')?.user?.role ?? null)) as string | null;
  expect(role, 'the signed-in role (the session in localStorage)').toBeTruthy();
  // Named routes (not the layout around them); the forced password change opens only with a temporary password (swept as grid-new).
  const routes = (await routesOf(page)).filter((r) => r.name && !r.public && !r.redirect && r.name !== 'passwordChange' && (!r.roles || r.roles.includes(role!)));
  for (const r of routes) {
    const target = fill(r.path, r.name);
    // Through the app's router, as its links go (a full load per route took minutes more).
    await page.evaluate((to) => {
      const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $router: { push(to: string): Promise<unknown> } } } } }).__vue_app__;
      return app.config.globalProperties.$router.push(to).then(() => undefined);
    }, target);
    // A route the role may open stays open (no redirect to the login or elsewhere).
    await expect.poll(() => new URL(page.url()).pathname, `${username} opens ${r.name}`).toBe(target);
    await check(`${r.name} ${target}`);
  }
  return { visited, offending };
}

describe('no sideways scroll on a phone (360×740)', { timeout: 900_000 }, () => {
  it('every route as every demo role fits the screen, with no console error', async () => {
    const offending: string[] = [];
    const pages: TestPage[] = [];
    const visitedBy: Record<string, number> = {};

    // The login page itself, before anyone signs in.
    const anon = await h.page({ viewport: SMALL_PHONE, timezoneId: 'Asia/Shanghai' });
    pages.push(anon);
    await anon.page.goto('/login');
    await settle(anon.page);
    const lw = await widths(anon.page);
    if (tooWide(lw)) offending.push(`anonymous /login: ${describeWidths(lw)}`);
    // The language switch beside the title: 中文 and English on one line.
    const switchTops = await anon.page.locator('[data-test="locale-switch"] label').evaluateAll((ls) => ls.map((l) => Math.round(l.getBoundingClientRect().top)));
    expect(switchTops).toHaveLength(2);
    if (switchTops[0] !== switchTops[1]) offending.push(`anonymous /login: the language switch wraps (tops ${switchTops.join(', ')})`);
    // The residents' page (its own entry, no sign-in), each of its tabs.
    const [alliance] = await h.server.sql(`SELECT code FROM alliance WHERE code IS NOT NULL ORDER BY code LIMIT 1`);
    await anon.page.goto(`/r/${alliance.code}`);
    for (const tab of ['shelf', 'venue', 'need', 'track']) {
      await anon.page.locator(`[data-test="tab-${tab}"]`).click();
      await settle(anon.page);
      const rw = await widths(anon.page);
      if (tooWide(rw)) offending.push(`anonymous /r/${alliance.code} ${tab}: ${describeWidths(rw)}`);
    }

    // A new account's forced password change.
    const fresh = await h.page({ viewport: SMALL_PHONE, timezoneId: 'Asia/Shanghai' });
    pages.push(fresh);
    await fresh.page.goto('/login');
    await fresh.page.locator('[data-test="login-username"]').fill('grid-new');
    await fresh.page.locator('[data-test="login-password"]').fill('demo-password');
    await fresh.page.locator('[data-test="login-submit"]').click();
    await fresh.page.waitForURL((u) => u.pathname === '/password');
    await settle(fresh.page);
    const fw = await widths(fresh.page);
    if (tooWide(fw)) offending.push(`grid-new /password: ${describeWidths(fw)}`);

    for (const username of ROLES) {
      const p = await h.page({ viewport: SMALL_PHONE, timezoneId: 'Asia/Shanghai' });
      pages.push(p);
      await login(p, username);
      const r = await sweep(p, username);
      visitedBy[username] = r.visited.length;
      offending.push(...r.offending);
    }

    // Every role saw its pages: the committee the most, the viewer at least the shared ones.
    expect(visitedBy.committee).toBeGreaterThan(25);
    for (const username of ROLES) expect(visitedBy[username], username).toBeGreaterThan(15);
    expect(offending, 'pages wider than a 360 px phone').toEqual([]);
    await finish('phone-sweep', ...pages);
  });
});
