import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, finish, login, startHarness, type Harness } from './support.js';

/*
 * The shell around every page (issue 16): menu entries are real links (open in a new
 * tab works), none of them leads nowhere, breadcrumbs name the page, and a desk keeps
 * a tab per page opened (hidden on a phone).
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the shell', { timeout: 240_000 }, () => {
  it('the committee at a desk: every menu entry is an <a href> that opens its page; tabs and breadcrumbs follow', async () => {
    const p = await h.page({ viewport: DESKTOP });
    await login(p, 'committee');
    const { page } = p;
    const links = await page.locator('[data-test="menu"] [data-test^="nav-"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const entries = await page.locator('[data-test="menu"] [data-test^="nav-"]').count();
    expect(links).toHaveLength(entries);
    expect(links.every((href) => !!href && href.startsWith('/'))).toBe(true);

    // No broken link: each entry's address opens its own page (not 页面或记录不存在), as "open in new tab" would.
    for (const href of links) {
      await page.goto(href!);
      await page.locator('[data-test="breadcrumb-current"]').waitFor();
      expect(await page.locator('.el-result', { hasText: '页面或记录不存在' }).count(), href!).toBe(0);
      expect(new URL(page.url()).pathname).toBe(href);
    }

    // A middle-click opens the entry in a new browser tab and leaves this one where it is.
    const here = page.url();
    const [popup] = await Promise.all([p.context.waitForEvent('page'), page.locator('[data-test="nav-needs"] a').click({ button: 'middle' })]);
    await popup.waitForLoadState();
    expect(new URL(popup.url()).pathname).toBe('/needs');
    expect(page.url()).toBe(here);
    await popup.close();

    // A need under the board: 首页 / 民生微实事 / 需求详情, its menu entry lit, a tab of its own, current.
    await page.goto('/needs');
    await page.locator('[data-test="need-card"]').first().click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    expect(await page.locator('[data-test="breadcrumb"] .el-breadcrumb__inner').allTextContents()).toEqual(['首页', '民生微实事', '需求详情']);
    expect(await page.locator('[data-test="nav-needs"]').getAttribute('class')).toContain('is-active');
    const current = page.locator('[data-test="open-tab"].active');
    expect(await current.locator('a').textContent()).toBe('需求详情');
    const tabs = await page.locator('[data-test="open-tab"]').count();
    expect(tabs).toBeGreaterThan(5);

    // Kept across a reload; closing the current tab goes to its neighbour.
    await page.reload();
    await page.locator('[data-test="open-tab"]').first().waitFor();
    expect(await page.locator('[data-test="open-tab"]').count()).toBe(tabs);
    await current.locator('[data-test="open-tab-close"]').click();
    await page.waitForURL((u) => !/\/needs\/[0-9a-f-]{36}$/.test(u.pathname));
    expect(await page.locator('[data-test="open-tab"]').count()).toBe(tabs - 1);
    await page.locator('[data-test="open-tabs-menu-button"]').click();
    await page.locator('[data-test="open-tabs-close-others"]:visible').click();
    await expect.poll(() => page.locator('[data-test="open-tab"]').count()).toBe(1);

    // 个人中心 in the header: profile, change password, sign out.
    await page.locator('[data-test="current-user"]').click();
    await page.locator('[data-test="menu-password"]:visible').click();
    await page.waitForURL(/\/profile\?focus=password$/);
    await finish('shell-committee-desk', p);
  });

  it("times are the alliance's (Asia/Shanghai) in a browser set to New York (a need's report time)", async () => {
    // A need reported at 23:30 in New York, 12:30 the next day in Shanghai.
    const [need] = await h.server.sql<{ id: string }>(`SELECT id FROM need ORDER BY created_at LIMIT 1`);
    await h.server.sql(`UPDATE need SET reported_at = '2026-03-02T04:30:00Z' WHERE id = $1`, [need!.id]);
    const p = await h.page({ viewport: DESKTOP, timezoneId: 'America/New_York' });
    await login(p, 'committee');
    await p.page.goto(`/needs/${need!.id}`);
    // The browser's own clock says 2026-03-01 23:30; the page says Shanghai's.
    expect(await p.page.evaluate(() => new Date('2026-03-02T04:30:00Z').getDate())).toBe(1);
    expect(await p.page.locator('[data-test="need-reported-at"]').textContent()).toBe('2026-03-02 12:30');
    await finish('shell-new-york-times', p);
  });

  it('the server unreachable: the needs board says so with 重试 instead of empty columns, and 重试 brings the board', async () => {
    const p = await h.page({ viewport: DESKTOP });
    await login(p, 'committee');
    const { page } = p;
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.goto('/needs');
    const state = page.locator('[data-test="error-state"]');
    await state.waitFor();
    expect(await state.locator('[data-test="error-reason"]').textContent()).toBe('无法连接服务器，请检查网络后重试');
    expect(await page.locator('[data-test="needs-board"]').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('暂无数据');

    await page.unroute('**/graphql');
    await state.locator('[data-test="error-retry"]').click();
    await page.locator('[data-test="needs-board"]').waitFor();
    expect(await page.locator('[data-test="error-state"]').count()).toBe(0);
    expect(await page.locator('[data-test="need-card"]').count()).toBeGreaterThan(0);
    // The refused requests are the browser's own console errors; nothing else may be.
    p.errors.splice(0, p.errors.length, ...p.errors.filter((e) => !/ERR_CONNECTION_REFUSED/.test(e)));
    await finish('shell-server-unreachable', p);
  });

  it('on a phone: no tabs, breadcrumbs kept, the drawer menu entries are links that close the drawer', async () => {
    const p = await h.page({ viewport: PHONE });
    await login(p, 'grid1');
    const { page } = p;
    expect(await page.locator('[data-test="open-tabs"]').count()).toBe(0);
    await page.locator('[data-test="menu-toggle"]').click();
    await page.locator('[data-test="nav-activities"] a').click();
    await page.waitForURL(/\/activities$/);
    await page.locator('[data-test="menu-drawer"]').waitFor({ state: 'hidden' });
    expect(await page.locator('[data-test="breadcrumb-current"]').textContent()).toBe('联建活动');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await finish('shell-grid-phone', p);
  });
});
