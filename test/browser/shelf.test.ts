import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, finish, login, startHarness, toast, type Harness } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the shelf in the browser', { timeout: 120_000 }, () => {
  it('a unit admin creates and submits a project, the committee approves it, and it is on the shelf', async () => {
    const title = `四点半课堂托管 ${Date.now() % 100000}`;
    const unit = await h.page();
    await login(unit, 'unit1');
    await unit.page.locator('[data-test="nav-myProjects"]').click();
    await unit.page.locator('[data-test="new-project"]').click();
    const form = unit.page.locator('[data-test="project-form"]');
    await form.locator('[data-test="project-title"]').fill(title);
    await choose(unit.page, 'project-category', '党群服务');
    await form.locator('[data-test="project-description"]').fill('放学后为双职工家庭的孩子提供作业辅导和看护，每周一至周五。');
    await form.locator('[data-test="project-save"]').click();
    await toast(unit.page, '已保存');

    const row = unit.page.locator('.el-table__row', { hasText: title });
    await expect.poll(() => row.locator('[data-status]').getAttribute('data-status')).toBe('DRAFT');
    await row.locator('[data-test="action-submit"]').click();
    await toast(unit.page, '已提交审核');
    await expect.poll(() => row.locator('[data-status]').getAttribute('data-status')).toBe('PENDING_REVIEW');
    // A unit admin never gets the committee's buttons.
    expect(await row.locator('[data-test="action-approve"]').count()).toBe(0);

    const committee = await h.page();
    await login(committee, 'committee');
    await committee.page.locator('[data-test="nav-reviewQueue"]').click();
    const card = committee.page.locator('[data-test="review-queue-table"] .el-table__row', { hasText: title });
    await card.locator('[data-test="action-approve"]').click();
    await toast(committee.page, '已审核通过');
    await expect.poll(() => card.count()).toBe(0);

    // On the shelf for everyone: the unit finds it by search.
    await unit.page.locator('[data-test="nav-shelf"]').click();
    await unit.page.locator('input[data-test="search-keyword"]').fill(title);
    await unit.page.locator('[data-test="search-submit"]').click();
    const onShelf = unit.page.locator('[data-test="project-card"]', { hasText: title });
    await onShelf.waitFor();
    await onShelf.locator('[data-test="project-title-link"]').click();
    await expect.poll(() => unit.page.locator('[data-test="project-status"]').getAttribute('data-status')).toBe('ON_SHELF');
    const rows = await h.server.sql(`SELECT status FROM shelf_project WHERE title = $1`, [title]);
    expect(rows).toEqual([{ status: 'ON_SHELF' }]);
    await finish('shelf-approved', unit, committee);
  });
});
