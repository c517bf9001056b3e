import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, finish, login, startHarness, type Harness } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the admin in the browser', { timeout: 120_000 }, () => {
  it('the login page loads at most 200 KB of gzip’d JavaScript, only its own, and offers the demo logins of a demo server', async () => {
    const p = await h.page();
    // The login page's own scripts: those asked for before its idle prefetch of what follows the sign-in starts
    // (a prefetch is a request of a script file that is not a script: `<link rel="prefetch">`).
    let prefetching = false;
    const own = new Set<import('playwright-core').Request>();
    p.page.on('request', (req) => {
      if (req.resourceType() === 'script' && !prefetching) own.add(req);
      else if (req.resourceType() !== 'script' && /\/assets\/.*\.js$/.test(req.url())) prefetching = true;
    });
    const scripts: { url: string; gzip: number; text: string }[] = [];
    const later: string[] = [];
    const pending: Promise<void>[] = [];
    p.page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      if (!own.has(res.request())) return void later.push(res.url());
      pending.push(res.body().then((b) => void scripts.push({ url: res.url(), gzip: gzipSync(b).length, text: b.toString('utf8') })));
    });
    await p.page.goto('/');
    await expect.poll(() => new URL(p.page.url()).pathname).toBe('/login');
    await p.page.locator('[data-test="login-submit"]').waitFor();
    await p.page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const total = scripts.reduce((s, x) => s + x.gzip, 0);
    expect(scripts.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(200 * 1024);
    const loaded = (pattern: RegExp) => scripts.some((s) => pattern.test(s.text));
    // Nothing of the dashboard's charts is loaded before it is needed.
    expect(scripts.some((s) => /AppChart|echarts/i.test(s.url))).toBe(false);
    // One language (English comes when chosen), no Apollo (the login signs in with one fetch: its
    // client is apollo.ts's, with its fetch policies), and no operation of another page.
    expect(loaded(/Party-Building Alliance Supermarket/)).toBe(false);
    expect(loaded(/cache-and-network/)).toBe(false);
    expect(loaded(/value:\s*["'`]Dashboard["'`]/)).toBe(false);
    expect(loaded(/value:\s*["'`]Login["'`]/)).toBe(true);
    // Once loaded and idle, it fetches the dashboard with its charts into the cache, for after the sign-in.
    await expect
      .poll(() => p.page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map((l) => l.href).join(' ')))
      .toMatch(/DashboardView-.*AppChart-|AppChart-.*DashboardView-/);
    // Then, idle again, it runs the charts' code (ECharts), so that the dashboard after sign-in does not wait for it.
    await expect.poll(() => later.some((url) => /AppChart-/.test(url))).toBe(true);
    // The test server runs with the demo data, as `pnpm start` does: its login page offers the demo accounts.
    await p.page.locator('[data-test="demo-logins"]').getByText('grid1', { exact: true }).click();
    expect(await p.page.locator('[data-test="login-username"]').inputValue()).toBe('grid1');
    expect(await p.page.locator('[data-test="login-password"]').inputValue()).toBe('demo-password');
    expect(await p.page.title()).toContain('区域化党建联盟超市');
    await finish('login', p);
  });

  it('the dashboard draws its charts from the dashboard query', async () => {
    const p = await h.page();
    await login(p, 'committee');
    await p.page.locator('[data-test="nav-dashboard"]').click();
    for (const chart of ['chart-months', 'chart-categories', 'chart-funnel']) {
      // Charts are drawn once scrolled near (lib/chart-turns.ts).
      await p.page.locator(`[data-test="${chart}"]`).scrollIntoViewIfNeeded();
      const canvas = p.page.locator(`[data-test="${chart}"] canvas`).first();
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(200);
      // Something is drawn: the canvas is not one flat colour.
      await expect
        .poll(() =>
          canvas.evaluate((c: HTMLCanvasElement) => {
            const ctx = c.getContext('2d')!;
            const data = ctx.getImageData(0, 0, c.width, c.height).data;
            const colours = new Set<number>();
            for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
            return colours.size;
          }),
        )
        .toBeGreaterThan(5);
    }
    // The KPI cards show the demo data's figures.
    const completed = await p.page.locator('[data-test="kpi-activitiesCompleted"] .el-statistic__number').textContent();
    expect(Number(completed!.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await p.page.locator('[data-test="top-units"] .el-table__row').count()).toBeGreaterThan(0);
    await finish('dashboard', p);
  });

  it('switching to English changes the texts, Element Plus included, and it is remembered', async () => {
    const p = await h.page();
    await login(p, 'unit1');
    await p.page.locator('[data-test="nav-shelf"]').click();
    expect(await p.page.locator('[data-test="nav-shelf"]').textContent()).toContain('联盟超市');
    await p.page.locator('[data-test="locale-switch"]').getByText('English').click();
    await expect.poll(() => p.page.locator('[data-test="nav-shelf"]').textContent()).toContain('Alliance shelf');
    expect(await p.page.locator('[data-test="logout"]').textContent()).toContain('Sign out');
    expect(await p.page.locator('h1').textContent()).toContain('Alliance shelf');
    expect(await p.page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Element Plus' own texts follow (the empty-table text of a table).
    await p.page.locator('[data-test="nav-dashboard"]').click();
    await p.page.locator('.el-range-separator').first().waitFor();
    expect(await p.page.locator('.el-range-separator').first().textContent()).toBe('to');
    expect(await p.page.locator('.el-range-input').first().getAttribute('placeholder')).toBe('From');
    await p.page.reload();
    await expect.poll(() => p.page.locator('[data-test="nav-units"]').textContent()).toContain('Member units');
    expect(await p.page.locator('body').textContent()).not.toContain('成员单位联络员');
    await finish('english', p);
  });

  it('a viewer sees no edit or action button anywhere', async () => {
    const p = await h.page();
    await login(p, 'viewer');
    const mine = `(SELECT alliance_id FROM app_user WHERE username = 'viewer')`;
    // One with 错时约办 slots ahead (the page lists the coming weeks; the demo's history has past ones): the viewer sees them, and no 代约 or 发布时段.
    const [project] = await h.server.sql(
      `SELECT id FROM shelf_project p WHERE status = 'ON_SHELF' AND alliance_id = ${mine} AND EXISTS (SELECT 1 FROM service_slot s WHERE s.shelf_project_id = p.id AND s.starts_at > now()) LIMIT 1`,
    );
    const [unit] = await h.server.sql(`SELECT id FROM member_unit WHERE alliance_id = ${mine} LIMIT 1`);
    const [need] = await h.server.sql(`SELECT id FROM need WHERE status = 'REPORTED' AND alliance_id = ${mine} LIMIT 1`);
    const [activity] = await h.server.sql(`SELECT id FROM activity WHERE status = 'OPEN' AND alliance_id = ${mine} LIMIT 1`);
    const visits: [string, string][] = [
      ['/shelf', '[data-test="project-card"]'],
      [`/shelf/projects/${project.id}`, '[data-test="slots-table"] .el-table__row'],
      ['/units', '[data-test="unit-link"]'],
      [`/units/${unit.id}`, '[data-test="unit-points"]'],
      ['/needs', '[data-test="need-card"]'],
      [`/needs/${need.id}`, '[data-test="need-status"]'],
      ['/activities', '[data-test="activity-link"]'],
      [`/activities/${activity.id}`, '[data-test="activity-status"]'],
    ];
    const forbidden = [
      'new-project',
      'project-actions',
      'action-edit',
      'new-unit',
      'unit-edit',
      'unit-sign',
      'unit-history',
      'report-need',
      'need-actions',
      'new-activity',
      'activity-edit',
      'activity-publish',
      'activity-start',
      'activity-complete',
      'activity-cancel',
      'activity-signup',
      'nav-reportNeed',
      'nav-reviewQueue',
      'nav-myProjects',
      'nav-unitBookings',
      'slots-publish',
    ];
    for (const [path, ready] of visits) {
      await p.page.goto(path);
      await p.page.locator(ready).first().waitFor();
      for (const id of forbidden) expect(await p.page.locator(`[data-test="${id}"]`).count(), `${id} on ${path}`).toBe(0);
      expect(await p.page.locator('[data-test^="withdraw-"]').count(), `withdraw on ${path}`).toBe(0);
      expect(await p.page.locator('[data-test^="book-"]').count(), `代约 on ${path}`).toBe(0);
    }
    // A route the viewer may not use sends it home.
    await p.page.goto('/needs/report');
    await expect.poll(() => new URL(p.page.url()).pathname).toBe('/dashboard');
    await p.page.locator('[data-test="kpis"]').waitFor();
    await finish('viewer', p);
  });

  it('an expired session goes back to the login page with a message, and signing in returns to the page', async () => {
    const p = await h.page({ viewport: PHONE });
    await login(p, 'grid2');
    await p.page.evaluate(() => {
      const saved = JSON.parse(localStorage.getItem('alliance.session')!);
      localStorage.setItem('alliance.session', JSON.stringify({ ...saved, token: 'expired.token.value' }));
    });
    await p.page.goto('/activities');
    await expect.poll(() => new URL(p.page.url()).pathname + new URL(p.page.url()).search).toMatch(/^\/login\?redirect=(%2F|\/)activities$/);
    await p.page.locator('[data-test="session-expired"]', { hasText: '登录已过期' }).waitFor();
    await p.page.locator('[data-test="login-username"]').fill('grid2');
    await p.page.locator('[data-test="login-password"]').fill('demo-password');
    await p.page.locator('[data-test="login-submit"]').click();
    await expect.poll(() => new URL(p.page.url()).pathname).toBe('/activities');
    // A phone: the activities are cards.
    await p.page.locator('[data-test="activities-cards"] [data-test="activity-link"]').first().waitFor();
    await finish('session-expired', p);
  });

  it('every screen of the committee renders, with its dialogs, without a console error', async () => {
    const p = await h.page();
    await login(p, 'committee');
    const [unit] = await h.server.sql(`SELECT u.id FROM member_unit u JOIN app_user a ON a.alliance_id = u.alliance_id WHERE a.username = 'committee' LIMIT 1`);
    const screens: [string, string][] = [
      ['/needs', '[data-test="need-card"]'],
      ['/units', '[data-test="unit-link"]'],
      [`/units/${unit.id}`, '[data-test="unit-points"]'],
      ['/shelf/review', 'h1'],
      ['/activities', '[data-test="activity-link"]'],
    ];
    for (const [path, ready] of screens) {
      await p.page.goto(path);
      await p.page.locator(ready).first().waitFor();
    }
    // The calendar of the month, and the dialogs that create things.
    await p.page.locator('[data-test="activities-calendar-tab"]').click();
    await p.page.locator('[data-test="activities-calendar"] .el-calendar-table').waitFor();
    await p.page.locator('[data-test="new-activity"]').click();
    await p.page.locator('[data-test="activity-form"] [data-test="activity-title"]').waitFor();
    await p.page.keyboard.press('Escape');
    await p.page.goto(`/units/${unit.id}`);
    await p.page.locator('[data-test="unit-edit"]').click();
    await p.page.locator('[data-test="unit-form"] [data-test="unit-name"]').waitFor();
    expect(await p.page.locator('[data-test="unit-form"] [data-test="unit-name"]').isDisabled()).toBe(false);
    // An edit saved shows at once in the unit's history (变更记录), as the change it was.
    const contact = p.page.locator('[data-test="unit-form"] [data-test="unit-contact-name"]');
    const was = await contact.inputValue();
    await contact.fill('周晓燕');
    await p.page.locator('[data-test="unit-save"]').click();
    const newest = p.page.locator('[data-test="unit-history-entry"]').first();
    await newest.locator('[data-test="unit-history-action"]', { hasText: '修改成员单位' }).waitFor();
    expect((await newest.locator('[data-test="unit-history-line"]').allTextContents()).map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([`联系人：${was} → 周晓燕`]);
    await p.page.locator('[data-test="unit-sign"]').click();
    await p.page.locator('[data-test="agreement-form"] [data-test="agreement-text"]').waitFor();
    await p.page.keyboard.press('Escape');
    await p.page.goto('/units');
    await p.page.locator('[data-test="new-unit"]').click();
    await p.page.locator('[data-test="unit-form"] [data-test="unit-credit-code"]').fill('123');
    await p.page.locator('[data-test="unit-save"]').click();
    await p.page.locator('[data-test="unit-form"] .el-form-item__error', { hasText: '统一社会信用代码无效' }).waitFor();
    await finish('committee-screens', p);
  });
});
