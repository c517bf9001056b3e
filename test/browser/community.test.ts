import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finish, login, startHarness, toast, type Harness } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const COMMITTEE = `(SELECT alliance_id FROM app_user WHERE username = 'committee')`;

describe('the community in the browser', { timeout: 180_000 }, () => {
  it('the committee assigns two red grid workers to an uncovered building and sees the coverage change on the grid picture', async () => {
    // The demo's building of 第五网格 that no red grid worker looks after, and two of that grid's workers.
    const [building] = await h.server.sql(
      `SELECT b.id, b.name, g.id AS grid_id FROM building b JOIN grid g ON g.id = b.grid_id
        WHERE b.alliance_id = ${COMMITTEE} AND g.name = '第五网格' AND NOT EXISTS (SELECT 1 FROM building_worker w WHERE w.building_id = b.id)
        ORDER BY b.sort_order LIMIT 1`,
    );
    const workers = await h.server.sql(
      `SELECT m.name FROM party_member m WHERE m.grid_id = $1 AND m.status = 'ACTIVE' AND m.grid_duty IN ('FULL_TIME','PART_TIME') ORDER BY m.name LIMIT 2`,
      [building.grid_id],
    );
    expect(workers).toHaveLength(2);

    const p = await h.page();
    const { page } = p;
    await login(p, 'committee');
    await page.goto('/dashboard');
    // The panel is mounted once scrolled near (NearScreen), as a user reaches it.
    await page.locator('[data-test="overdue-needs"]').scrollIntoViewIfNeeded();
    const coverage = page.locator('[data-test="grid-coverage-第五网格"]');
    await coverage.waitFor();
    expect((await coverage.textContent())!.trim()).toBe('楼栋覆盖 11/13');
    // Hovering a grid tells its coverage.
    await page.locator('[data-test="grid-shape-第五网格"] polygon').hover();
    expect(await page.locator('[data-test="grid-tip"]').textContent()).toContain('楼栋 13 个，已覆盖 11 个，未覆盖 2 个');

    // Clicking the grid opens its needs and buildings; from there, its buildings.
    await page.locator('[data-test="grid-shape-第五网格"] polygon').click();
    const drawer = page.locator('[data-test="grid-drawer"]');
    await drawer.locator('[data-test="grid-drawer-buildings"]').waitFor();
    expect(await drawer.locator('[data-test="grid-drawer-buildings"]').textContent()).toContain(building.name);
    await drawer.getByText('管理本网格楼栋').click();
    await page.locator(`[data-test="covered-${building.name}"]`).waitFor();
    expect((await page.locator(`[data-test="covered-${building.name}"]`).textContent())!.trim()).toBe('未覆盖');
    expect(await page.locator('[data-test="uncovered-buildings"]').textContent()).toContain(building.name);

    await page.locator(`[data-test="assign-${building.name}"]`).click();
    const dialog = page.locator('[data-test="assign-dialog"]');
    await dialog.locator('[data-test="assign-workers"]').click();
    for (const w of workers) await page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^\\s*${w.name}（`) }).first().click();
    await dialog.locator('.el-dialog__title').click();
    await dialog.locator('[data-test="assign-save"]').click();
    await toast(page, '已安排');
    await expect.poll(async () => (await page.locator(`[data-test="covered-${building.name}"]`).textContent())!.trim()).toBe('已覆盖');
    // The uncovered list is its own query, refetched after the save: it may follow the label a moment later.
    await expect.poll(async () => await page.locator('[data-test="uncovered-buildings"]').textContent()).not.toContain(building.name);
    expect((await h.server.sql(`SELECT count(*)::int AS n FROM building_worker WHERE building_id = $1`, [building.id]))[0].n).toBe(2);

    // Back on the dashboard the grid picture says so.
    await page.locator('[data-test="nav-dashboard"]').click();
    await page.locator('[data-test="overdue-needs"]').scrollIntoViewIfNeeded();
    await expect.poll(async () => (await page.locator('[data-test="grid-coverage-第五网格"]').textContent())!.trim()).toBe('楼栋覆盖 12/13');
    await finish('community-coverage', p);
  });
});
