import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, finish, login, startHarness, toast, type Harness, type TestPage } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const status = (p: TestPage) => p.page.locator('[data-test="need-status"]').getAttribute('data-status');

/** The committee, through the API: a need reported, screened, ordered from unit1's project, planned (due tomorrow) and given to unit1's liaison. */
async function needAssignedToUnit1(title: string) {
  const token = await h.server.login('committee');
  const ok = async <T>(query: string, variables: Record<string, unknown>) => {
    const r = await h.server.gql<T>(query, variables, token);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const [liaison] = await h.server.sql(`SELECT id, unit_id FROM app_user WHERE username = 'unit1'`);
  const [project] = await h.server.sql(`SELECT id FROM shelf_project WHERE unit_id = $1 AND status = 'ON_SHELF' LIMIT 1`, [liaison.unit_id]);
  const { alliance } = await ok<{ alliance: { grids: { id: string }[] } }>(`{ alliance { grids { id } } }`, {});
  const { reportNeed } = await ok<{ reportNeed: { id: string } }>(
    `mutation($input: ReportNeedInput!) { reportNeed(input: $input) { id } }`,
    { input: { title, description: '3号楼门口的井盖松动，踩上去会响。', gridId: alliance.grids[0]!.id, location: '3号楼', requesterName: '李阿姨', requesterPhone: '13847005678' } },
  );
  const id = reportNeed.id;
  await ok(`mutation($id: ID!) { screenNeed(id: $id, accept: true) { id } }`, { id });
  await ok(`mutation($id: ID!, $p: [ID!]!) { orderNeed(id: $id, shelfProjectIds: $p) { id } }`, { id, p: [project.id] });
  const dueAt = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
  await ok(`mutation($id: ID!, $dueAt: DateTime!) { planNeed(id: $id, plan: "单位党员志愿者上门加固井盖。", dueAt: $dueAt) { id } }`, { id, dueAt });
  await ok(`mutation($id: ID!, $a: ID!) { assignNeed(id: $id, assigneeId: $a) { id } }`, { id, a: liaison.id });
  return id;
}

describe('我的待办 in the browser', { timeout: 120_000 }, () => {
  it('a unit liaison on a phone finds the need assigned to it, due tomorrow, and resolves it', async () => {
    const title = `3号楼井盖松动 ${Date.now() % 100000}`;
    const id = await needAssignedToUnit1(title);

    const unit = await h.page({ viewport: PHONE });
    await login(unit, 'unit1');
    // A liaison lands on 我的待办; it is in the phone's menu too (choosing it again closes the menu).
    await unit.page.waitForURL(/\/needs\/mine$/);
    await unit.page.locator('[data-test="menu-toggle"]').click();
    await unit.page.locator('[data-test="nav-myTasks"]').click();
    await unit.page.locator('[data-test="menu-drawer"]').waitFor({ state: 'hidden' });
    // On a phone: cards, not a table; the need due within 2 days is marked.
    const card = unit.page.locator('[data-test="tasks-assigned"] [data-test="tasks-cards"] [data-test="list-card"]', { hasText: title });
    await card.waitFor();
    expect(await unit.page.locator('[data-test="tasks-table"]').count()).toBe(0);
    expect(await card.locator('[data-test="due-soon"]').textContent()).toContain('即将到期');
    expect(await card.getAttribute('class')).toContain('due-soon');
    expect(await unit.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await card.locator('[data-test="tasks-title"]').click();
    await unit.page.waitForURL(new RegExp(`/needs/${id}$`));
    await expect.poll(() => status(unit)).toBe('IN_PROGRESS');
    await unit.page.locator('[data-test="need-resolve"]').click();
    await unit.page.locator('[data-test="prompt-text"]').fill('已加固井盖并做好警示标识。');
    await unit.page.locator('[data-test="prompt-dialog"]:visible [data-test="prompt-confirm"]').click();
    await toast(unit.page, '已提交办理结果');
    await expect.poll(() => status(unit)).toBe('RESOLVED');

    // Done: no longer among my tasks.
    await unit.page.goto('/needs/mine');
    const [{ n }] = await h.server.sql(`SELECT count(*)::int AS n FROM need WHERE status = 'IN_PROGRESS' AND assignee_id = (SELECT id FROM app_user WHERE username = 'unit1')`);
    await expect.poll(() => unit.page.locator('[data-test="tasks-total"]').textContent()).toBe(`共 ${n} 条`);
    expect(await unit.page.locator('[data-test="list-card"]', { hasText: title }).count()).toBe(0);
    const [row] = await h.server.sql(`SELECT status FROM need WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'RESOLVED' });
    await finish('my-tasks-phone', unit);
  });
});
