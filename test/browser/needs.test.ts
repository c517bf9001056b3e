import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, PHONE, finish, login, startHarness, toast, type Harness, type TestPage } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const status = (p: TestPage) => p.page.locator('[data-test="need-status"]').getAttribute('data-status');

describe('the needs loop in the browser', { timeout: 120_000 }, () => {
  it('a grid worker reports on a phone; the committee screens, orders from a suggestion, plans and assigns; it is resolved and the follow-up closes it', async () => {
    // 提问题: a grid worker in a stairwell, on a 390x844 phone.
    const grid = await h.page({ viewport: PHONE });
    await login(grid, 'grid1');
    // The menu is folded away on a phone.
    expect(await grid.page.locator('.el-aside').count()).toBe(0);
    await grid.page.locator('[data-test="menu-toggle"]').click();
    await grid.page.locator('[data-test="nav-reportNeed"]').click();
    const title = `5号楼3单元楼道灯坏了 ${Date.now() % 100000}`;
    await grid.page.locator('[data-test="need-title"]').fill(title);
    await grid.page.locator('[data-test="need-description"]').fill('楼道灯坏了好几天，晚上上下楼很黑，老人摔过一次。');
    await grid.page.locator('[data-test="need-location"]').fill('5号楼3单元');
    await grid.page.locator('[data-test="need-requester"]').fill('王大爷');
    await grid.page.locator('[data-test="need-phone"]').fill('13847001234');
    // The form fits the phone: no sideways scrolling.
    expect(await grid.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await grid.page.screenshot({ path: `${ARTIFACTS}/needs-report-phone.png`, fullPage: true });
    await grid.page.locator('[data-test="need-submit"]').click();
    await grid.page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    const needUrl = new URL(grid.page.url()).pathname;
    await expect.poll(() => status(grid)).toBe('REPORTED');
    expect(await grid.page.locator('[data-test="need-actions"]').count()).toBe(0);

    // 初审 -> 开单子 -> 定方案 -> 派单: the committee at a desk.
    const committee = await h.page();
    await login(committee, 'committee');
    await committee.page.goto(needUrl);
    await committee.page.locator('[data-test="need-accept"]').click();
    await committee.page.locator('[data-test="prompt-dialog"]:visible [data-test="prompt-confirm"]').click();
    await expect.poll(() => status(committee)).toBe('ACCEPTED');

    // 开单子 + 定方案 + 派单: one form, the best suggestion already chosen.
    await committee.page.locator('[data-test="need-order"]').click();
    const order = committee.page.locator('[data-test="order-form"]');
    const first = order.locator('[data-test="suggestion"]').first();
    await first.waitFor();
    // The best suggestion for a broken stairwell light is a lighting project, with reasons a person reads.
    expect(await first.textContent()).toContain('照明');
    expect((await first.locator('[data-test="suggestion-reasons"] li').allTextContents()).length).toBeGreaterThan(0);
    await expect.poll(() => first.locator('.el-checkbox').getAttribute('class')).toContain('is-checked');
    const orderedUnit = (await first.locator('.muted').first().textContent())!.split(' · ')[0]!.trim();
    await order.locator('textarea[data-test="order-form-plan-text"]').fill('供电服务站党员电工三天内上门更换声控灯，并排查线路。');

    // 派单 offers the alliance's assignees, this need's people first: its grid's worker and
    // the liaison of the unit whose project is chosen; then everyone else by role, never a viewer.
    await order.locator('[data-test="order-form-assignee-select"]').click();
    const suggested = committee.page.locator('[data-test="order-form-assignee-group-suggested"]:visible');
    await suggested.waitFor();
    // The grid's workers (张建国, and the newly arrived 孙悦), then the ordered unit's liaison.
    expect(await suggested.locator('.el-select-dropdown__item').allTextContents()).toEqual([
      expect.stringContaining('孙悦'),
      expect.stringContaining('张建国'),
      expect.stringContaining(orderedUnit),
    ]);
    // A disabled account (unit-left, 何晓东) is never offered.
    expect(await committee.page.locator('.el-select-dropdown:visible').textContent()).not.toContain('何晓东');
    expect(await committee.page.locator('[data-test="order-form-assignee-group-UNIT_ADMIN"]:visible .el-select-dropdown__item').count()).toBeGreaterThan(0);
    expect(await committee.page.locator('.el-select-dropdown:visible').textContent()).not.toContain('王主任');
    // Typed, as a desk user would in a long list: filtered to one row, the list no longer scrolls to the default
    // (the unit's liaison) under the pointer, which under load once took the click meant for the row above it.
    await committee.page.keyboard.type('张建国');
    await expect.poll(() => suggested.locator('.el-select-dropdown__item:visible').allTextContents()).toEqual([expect.stringContaining('张建国')]);
    await suggested.locator('.el-select-dropdown__item', { hasText: '张建国' }).click();
    await expect.poll(async () => (await order.locator('[data-test="order-form-assignee-select"]').textContent())!.trim()).toContain('张建国');
    await order.locator('[data-test="order-form-submit"]').click();
    await expect.poll(() => status(committee)).toBe('IN_PROGRESS');
    // The committee is not the assignee: it cannot resolve.
    expect(await committee.page.locator('[data-test="need-resolve"]').count()).toBe(0);

    // 领任务: the assignee resolves, on the phone.
    await grid.page.reload();
    await grid.page.locator('[data-test="need-resolve"]').click();
    await grid.page.locator('[data-test="prompt-text"]').fill('已更换LED声控灯2盏，线路检查无隐患。');
    await grid.page.locator('[data-test="prompt-dialog"]:visible [data-test="prompt-confirm"]').click();
    await expect.poll(() => status(grid)).toBe('RESOLVED');

    // 跑回访: the follow-up visit, satisfaction 5, closes it.
    await grid.page.locator('[data-test="need-followUp"]').click();
    await grid.page.locator('[data-test="followup-rate"] .el-rate__item').nth(4).click();
    await grid.page.locator('[data-test="followup-comment"]').fill('居民很满意。');
    await grid.page.locator('[data-test="followup-confirm"]').click();
    await toast(grid.page, '需求已办结');
    await expect.poll(() => status(grid)).toBe('CLOSED');
    expect(await grid.page.locator('[data-test="need-actions"]').count()).toBe(0);
    // The history as a timeline, newest first: every step of the loop.
    const items = grid.page.locator('[data-test="timeline-item"]');
    expect(await items.count()).toBe(7);
    expect(await items.first().textContent()).toContain('跑回访');

    const [row] = await h.server.sql(`SELECT status, satisfaction FROM need WHERE title = $1`, [title]);
    expect(row).toEqual({ status: 'CLOSED', satisfaction: 5 });
    await finish('needs-loop-phone', grid, committee);
  });
});
