import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, finish, login, PHONE, startHarness, type Harness } from './support.js';

/*
 * The admin's lists as community workers expect them (issue 16, point 3): a search
 * form whose filters live in the URL (a reload shows the same), 重置, numbered pages
 * with a total, 批量审核, and cards instead of a table on a phone.
 */
let h: Harness;
const MARK = `批量列表${Date.now() % 100000}`;
let ids: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  // Twelve projects waiting for review, named so that a keyword finds exactly them.
  const unit1 = await h.server.as('unit1');
  for (let i = 1; i <= 12; i++) {
    const r = await unit1(`mutation($input: ShelfProjectInput!) { createShelfProject(input: $input) { id } }`, {
      input: { title: `${MARK} 项目${String(i).padStart(2, '0')}`, description: '列表测试', categoryCode: 'LIVELIHOOD_SECURITY' },
    });
    ids.push(r.data.createShelfProject.id);
  }
  await h.server.sql(`UPDATE shelf_project SET status = 'PENDING_REVIEW' WHERE id = ANY($1)`, [ids]);
});
afterAll(async () => {
  await h?.close();
});

describe('lists in the browser', { timeout: 180_000 }, () => {
  it('the review queue: filters in the URL survive a reload, pages show other rows with the total, 重置 clears, 批量审核 approves two', async () => {
    const p = await h.page();
    const { page } = p;
    await login(p, 'committee');
    await page.locator('[data-test="nav-reviewQueue"]').click();
    const rows = page.locator('[data-test="review-queue-table"] .el-table__body .el-table__row');
    const titles = () => rows.locator('[data-test="project-title-link"]').allTextContents();

    await page.locator('input[data-test="search-keyword"]').fill(MARK);
    await page.locator('[data-test="search-submit"]').click();
    await expect.poll(() => page.locator('[data-test="review-queue-total"]').textContent()).toBe('共 12 条');
    expect(new URL(page.url()).searchParams.get('keyword')).toBe(MARK);

    // Ten a page: page 2 holds the other two, newest first, and the same total.
    await page.locator('[data-test="review-queue-pager"] .el-pagination__sizes .el-select').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '10' }).first().click();
    await expect.poll(() => rows.count()).toBe(10);
    const first = await titles();
    await page.locator('[data-test="review-queue-pager"] .el-pager li', { hasText: /^2$/ }).click();
    await expect.poll(() => titles()).toEqual([`${MARK} 项目02`, `${MARK} 项目01`]);
    expect(first).toEqual(Array.from({ length: 10 }, (_, i) => `${MARK} 项目${String(12 - i).padStart(2, '0')}`));
    expect(await page.locator('[data-test="review-queue-total"]').textContent()).toBe('共 12 条');
    const url = new URL(page.url());
    expect([url.searchParams.get('page'), url.searchParams.get('size')]).toEqual(['2', '10']);

    // A reload (or the link sent to a colleague): the same form, page and rows.
    await page.reload();
    await expect.poll(() => titles()).toEqual([`${MARK} 项目02`, `${MARK} 项目01`]);
    expect(await page.locator('input[data-test="search-keyword"]').inputValue()).toBe(MARK);
    expect(await page.locator('[data-test="review-queue-pager"] .el-pager li.is-active').textContent()).toBe('2');

    // The back button returns to page 1.
    await page.goBack();
    await expect.poll(() => rows.count()).toBe(10);

    // 批量审核: the two oldest, confirmed, summed up; they leave the queue and are on the shelf.
    await page.locator('input[data-test="search-keyword"]').fill(`${MARK} 项目0`);
    await page.locator('[data-test="search-submit"]').click();
    await expect.poll(() => page.locator('[data-test="review-queue-total"]').textContent()).toBe('共 9 条');
    for (const n of ['01', '02']) {
      await rows.filter({ hasText: `${MARK} 项目${n}` }).locator('.el-checkbox').click();
    }
    await expect.poll(() => page.locator('[data-test="batch-selected"]').textContent()).toBe('已选 2 项');
    await page.locator('[data-test="batch-approve"]').click();
    await page.locator('.el-message-box', { hasText: '通过选中的 2 个项目' }).locator('.el-button--primary').click();
    await expect.poll(() => page.locator('.batch-summary').textContent()).toContain('已通过 2 个');
    await page.locator('.batch-summary .el-button--primary').click();
    await expect.poll(() => page.locator('[data-test="review-queue-total"]').textContent()).toBe('共 7 条');
    const decided = await h.server.sql(`SELECT title, status FROM shelf_project WHERE id = ANY($1) AND status <> 'PENDING_REVIEW' ORDER BY title`, [ids]);
    expect(decided).toEqual([
      { title: `${MARK} 项目01`, status: 'ON_SHELF' },
      { title: `${MARK} 项目02`, status: 'ON_SHELF' },
    ]);

    // 重置: the form and the URL are cleared, the whole queue is back.
    await page.locator('[data-test="search-reset"]').click();
    await expect.poll(() => page.locator('input[data-test="search-keyword"]').inputValue()).toBe('');
    expect(new URL(page.url()).searchParams.get('keyword')).toBeNull();
    // The committee's own alliance (the seed has a neighbouring one).
    const [{ n }] = await h.server.sql(
      `SELECT count(*)::int AS n FROM shelf_project WHERE status = 'PENDING_REVIEW' AND alliance_id = (SELECT alliance_id FROM shelf_project WHERE id = $1)`,
      [ids[0]],
    );
    await expect.poll(() => page.locator('[data-test="review-queue-total"]').textContent()).toBe(`共 ${n} 条`);
    await finish('lists-review-queue', p);
  });

  it('账号管理: the committee filters by role (kept in the URL and across a reload), sees the total, goes to page 2, and 重置 clears', async () => {
    const COMMITTEE = `(SELECT alliance_id FROM app_user WHERE username = 'committee')`;
    const [{ liaisons, all }] = await h.server.sql(
      `SELECT count(*) FILTER (WHERE role = 'UNIT_ADMIN')::int AS liaisons, count(*)::int AS all FROM app_user WHERE alliance_id = ${COMMITTEE}`,
    );
    // More liaisons than one page of 10 holds, fewer than two pages.
    expect(liaisons).toBeGreaterThan(10);
    expect(liaisons).toBeLessThanOrEqual(20);
    const p = await h.page();
    const { page } = p;
    await login(p, 'committee');
    await page.locator('[data-test="nav-accounts"]').click();
    const total = page.locator('[data-test="accounts-total"]');
    await expect.poll(() => total.textContent()).toBe(`共 ${all} 条`);
    const rows = page.locator('[data-test="accounts-table"] .el-table__body .el-table__row');
    const usernames = () => rows.locator('[data-test="account-row-username"]').allTextContents();

    await choose(page, 'search-role', '成员单位联络员');
    await page.locator('[data-test="search-submit"]').click();
    await expect.poll(() => total.textContent()).toBe(`共 ${liaisons} 条`);
    expect(new URL(page.url()).searchParams.get('role')).toBe('UNIT_ADMIN');

    // Ten a page: page 2 holds the others, every one a liaison, none of page 1's.
    await page.locator('[data-test="accounts-pager"] .el-pagination__sizes .el-select').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '10' }).first().click();
    await expect.poll(() => rows.count()).toBe(10);
    const first = await usernames();
    await page.locator('[data-test="accounts-pager"] .el-pager li', { hasText: /^2$/ }).click();
    await expect.poll(() => rows.count()).toBe(liaisons - 10);
    const second = await usernames();
    expect(second.filter((u) => first.includes(u))).toEqual([]);
    const expected = await h.server.sql(`SELECT username FROM app_user WHERE alliance_id = ${COMMITTEE} AND role = 'UNIT_ADMIN' ORDER BY display_name, id`);
    expect([...first, ...second]).toEqual(expected.map((r: { username: string }) => r.username));
    expect(await total.textContent()).toBe(`共 ${liaisons} 条`);
    const url = new URL(page.url());
    expect([url.searchParams.get('role'), url.searchParams.get('page'), url.searchParams.get('size')]).toEqual(['UNIT_ADMIN', '2', '10']);

    // A reload: the same filter in the form, the same page and rows.
    await page.reload();
    await expect.poll(() => usernames()).toEqual(second);
    expect(await page.locator('[data-test="search-role"]').textContent()).toContain('成员单位联络员');
    expect(await page.locator('[data-test="accounts-pager"] .el-pager li.is-active').textContent()).toBe('2');
    expect(await total.textContent()).toBe(`共 ${liaisons} 条`);

    // 重置: every account again, from page 1, the role gone from the form and the URL.
    await page.locator('[data-test="search-reset"]').click();
    await expect.poll(() => total.textContent()).toBe(`共 ${all} 条`);
    expect(new URL(page.url()).searchParams.get('role')).toBeNull();
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    expect(await page.locator('[data-test="search-role"]').textContent()).not.toContain('成员单位联络员');
    await finish('lists-accounts', p);
  });

  it('at 390 px the lists are cards (title, status, fields, actions), not tables', async () => {
    const p = await h.page({ viewport: PHONE });
    const { page } = p;
    await login(p, 'committee');
    for (const [path, testId] of [
      ['/activities', 'activities'],
      ['/shelf/review', 'review-queue'],
      ['/units', 'units'],
      ['/accounts', 'accounts'],
      ['/community/buildings', 'buildings'],
    ] as const) {
      await page.goto(path);
      await page.locator(`[data-test="${testId}-cards"] [data-test="list-card"]`).first().waitFor();
      expect(await page.locator(`[data-test="${testId}-table"]`).count(), path).toBe(0);
      const card = page.locator(`[data-test="${testId}-cards"] [data-test="list-card"]`).first();
      expect((await card.locator('.card-fields dt').count()) > 0, path).toBe(true);
      // Nothing sideways: the card fits the screen.
      const box = (await card.boundingBox())!;
      expect(box.x + box.width, path).toBeLessThanOrEqual(PHONE.width);
    }
    await finish('lists-phone', p);
  });
});
