import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, finish, login, PHONE, startHarness, type Harness, type TestPage } from './support.js';

/*
 * The admin's lists as community workers expect them (issue 16, point 3): a search
 * form whose filters live in the URL (a reload shows the same), 重置, numbered pages
 * with a total, 批量审核, and cards instead of a table on a phone.
 */
let h: Harness;
const MARK = `批量列表${Date.now() % 100000}`;
let ids: string[] = [];
let grids: { id: string; name: string }[] = [];

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

  // Needs: three reported (待筛选) and three accepted without a category (待开单, and claimable by unit1), the third of each in another grid.
  const committee = await h.server.as('committee');
  grids = (await committee(`{ alliance { grids { id name } } }`)).data.alliance.grids;
  for (const [kind, accept] of [['待筛', false], ['认领', true]] as const) {
    for (let i = 1; i <= 3; i++) {
      const r = await committee(`mutation($input: ReportNeedInput!) { reportNeed(input: $input) { id } }`, {
        input: { title: `${MARK} ${kind}${i}`, description: '列表测试', gridId: grids[i === 3 ? 1 : 0]!.id, location: '1号楼', requesterName: '王大爷', requesterPhone: '13847001234' },
      });
      if (accept) await committee(`mutation($id: ID!) { screenNeed(id: $id, accept: true) { id } }`, { id: r.data.reportNeed.id });
    }
  }
});

const param = (p: TestPage, key: string) => new URL(p.page.url()).searchParams.get(key);
/** How many of the committee's alliance's needs match (the seed has a neighbouring alliance too). */
const needCount = async (where: string) =>
  (await h.server.sql(`SELECT count(*)::int AS n FROM need WHERE alliance_id = (SELECT alliance_id FROM app_user WHERE username = 'committee') AND ${where}`))[0].n as number;
afterAll(async () => {
  await h?.close();
});

describe('lists in the browser', { timeout: 180_000 }, () => {
  it('the review queue: filters in the URL survive a reload, pages show other rows with the total, 重置 clears, 批量审核 approves two', async () => {
    const p = await h.page();
    const { page } = p;
    await login(p, 'committee');
    await page.locator('[data-test="nav-reviewQueue"]').click();
    // The committee lands on 党委工作台, whose search form has a keyword field too: type into the review queue's.
    await page.waitForURL(/\/shelf\/review$/);
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

  it('认领大厅 (unit1): a search kept in the URL and across a reload, 重置, the total; cards at 390 px', async () => {
    const p = await h.page();
    const { page } = p;
    await login(p, 'unit1');
    await page.goto('/needs/claimable');
    const total = () => page.locator('[data-test="claim-hall-total"]').textContent();
    const titles = () => page.locator('[data-test="claim-hall-table"] [data-test="claim-hall-title"]').allTextContents();

    await page.locator('input[data-test="search-keyword"]').fill(MARK);
    await page.locator('[data-test="search-submit"]').click();
    await expect.poll(total).toBe('共 3 条');
    expect(param(p, 'keyword')).toBe(MARK);
    // The grid narrows further; both are in the URL.
    await choose(page, 'search-grid', grids[1]!.name);
    await page.locator('[data-test="search-submit"]').click();
    await expect.poll(total).toBe('共 1 条');
    expect([param(p, 'keyword'), param(p, 'grid')]).toEqual([MARK, grids[1]!.id]);
    await expect.poll(titles).toEqual([`${MARK} 认领3`]);

    await page.reload();
    await expect.poll(titles).toEqual([`${MARK} 认领3`]);
    expect(await total()).toBe('共 1 条');
    expect(await page.locator('input[data-test="search-keyword"]').inputValue()).toBe(MARK);
    expect(await page.locator('[data-test="search-grid"]').textContent()).toContain(grids[1]!.name);
    // Each row can be claimed from the list.
    expect(await page.locator('[data-test="claim-hall-table"] [data-test="claim-button"]').count()).toBe(1);

    // 重置: the form and the URL cleared, every claimable need (as the server counts them for unit1).
    await page.locator('[data-test="search-reset"]').click();
    await expect.poll(() => page.locator('input[data-test="search-keyword"]').inputValue()).toBe('');
    expect([param(p, 'keyword'), param(p, 'grid')]).toEqual([null, null]);
    const unit1 = await h.server.as('unit1');
    const all = (await unit1(`{ needs(filter: { claimable: true }, first: 1) { totalCount } }`)).data.needs.totalCount as number;
    expect(all).toBeGreaterThanOrEqual(3);
    await expect.poll(total).toBe(`共 ${all} 条`);

    // A shared link on a phone: the same three, as cards with 认领 on each.
    const phone = await h.page({ viewport: PHONE });
    await login(phone, 'unit1');
    await phone.page.goto(`/needs/claimable?keyword=${encodeURIComponent(MARK)}`);
    const cards = phone.page.locator('[data-test="claim-hall-cards"] [data-test="list-card"]');
    await expect.poll(() => cards.count()).toBe(3);
    expect(await phone.page.locator('[data-test="claim-hall-table"]').count()).toBe(0);
    expect(await cards.locator('[data-test="claim-button"]').count()).toBe(3);
    expect(await phone.page.locator('[data-test="claim-hall-total"]').textContent()).toBe('共 3 条');
    const box = (await cards.first().boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await finish('lists-claim-hall', p, phone);
  });

  it('党委工作台 (committee): the queue and a search in the URL, kept across a reload and another tab, 重置 keeps the queue; cards at 390 px', async () => {
    const p = await h.page();
    const { page } = p;
    await login(p, 'committee');
    await page.waitForURL(/\/needs\/queues$/);
    const total = () => page.locator('[data-test="queue-total"]').textContent();
    const titles = () => page.locator('[data-test="queue-table"] [data-test="queue-title"]').allTextContents();

    await page.locator('input[data-test="search-keyword"]').fill(MARK);
    await page.locator('[data-test="search-submit"]').click();
    await expect.poll(total).toBe('共 3 条');
    await expect.poll(titles).toEqual([`${MARK} 待筛3`, `${MARK} 待筛2`, `${MARK} 待筛1`]);
    expect(param(p, 'keyword')).toBe(MARK);

    // Another queue: the search stays, the queue joins it in the URL.
    await page.locator('#tab-toOrder').click();
    await expect.poll(() => param(p, 'q')).toBe('toOrder');
    expect(param(p, 'keyword')).toBe(MARK);
    await expect.poll(titles).toEqual([`${MARK} 认领3`, `${MARK} 认领2`, `${MARK} 认领1`]);
    expect(await total()).toBe('共 3 条');

    await page.reload();
    await expect.poll(titles).toEqual([`${MARK} 认领3`, `${MARK} 认领2`, `${MARK} 认领1`]);
    expect(await page.locator('input[data-test="search-keyword"]').inputValue()).toBe(MARK);
    expect(await page.locator('[data-test="queues"] .el-tabs__item.is-active').getAttribute('id')).toBe('tab-toOrder');
    // The tab's count is the queue's, whatever the search.
    expect(await page.locator('[data-test="queue-count-toOrder"] sup').textContent()).toBe(String(await needCount(`status = 'ACCEPTED'`)));

    // 重置: the search is gone, the queue stays, its whole total shown.
    await page.locator('[data-test="search-reset"]').click();
    await expect.poll(() => page.locator('input[data-test="search-keyword"]').inputValue()).toBe('');
    expect([param(p, 'keyword'), param(p, 'q')]).toEqual([null, 'toOrder']);
    await expect.poll(total).toBe(`共 ${await needCount(`status = 'ACCEPTED'`)} 条`);

    const phone = await h.page({ viewport: PHONE });
    await login(phone, 'committee');
    await phone.page.goto(`/needs/queues?q=toScreen&keyword=${encodeURIComponent(MARK)}`);
    const cards = phone.page.locator('[data-test="queue-cards"] [data-test="list-card"]');
    await expect.poll(() => cards.count()).toBe(3);
    expect(await phone.page.locator('[data-test="queue-table"]').count()).toBe(0);
    expect(await cards.first().locator('[data-test="queue-title"]').textContent()).toBe(`${MARK} 待筛3`);
    expect(await phone.page.locator('[data-test="queue-total"]').textContent()).toBe('共 3 条');
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await finish('lists-queues', p, phone);
  });
});
