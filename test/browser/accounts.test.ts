import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, choose, finish, login, startHarness, toast, type Harness } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const path = (page: Page) => new URL(page.url()).pathname;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string) => new RegExp(`^\\s*${escaped(text)}\\s*$`);
const startingWith = (text: string) => new RegExp(`^\\s*${escaped(text)}`);
const COMMITTEE = `(SELECT alliance_id FROM app_user WHERE username = 'committee')`;

describe('accounts in the browser', { timeout: 180_000 }, () => {
  it('the committee creates a unit liaison, who must change the temporary password at the first sign-in and then works; the log shows it', async () => {
    // The unit with the most projects, so that its new liaison has something to see.
    const [unit] = await h.server.sql(
      `SELECT u.id, u.name, count(p.id)::int AS projects FROM member_unit u JOIN shelf_project p ON p.unit_id = u.id
        WHERE u.alliance_id = ${COMMITTEE} AND u.status = 'ACTIVE' GROUP BY u.id ORDER BY count(p.id) DESC, u.name LIMIT 1`,
    );
    expect(unit.projects).toBeGreaterThan(0);
    const n = Date.now() % 100000;
    const username = `liaison-${n}`;
    const displayName = `王新（联络员${n}）`;

    const p = await h.page();
    const { page } = p;
    await login(p, 'committee');
    await page.locator('[data-test="nav-accounts"]').click();
    await page.locator('[data-test="accounts-table"] .el-table__row').first().waitFor();
    await page.locator('[data-test="new-account"]').click();
    const form = page.locator('[data-test="account-form"]');
    await form.locator('[data-test="account-username"]').fill(username);
    await form.locator('[data-test="account-display-name"]').fill(displayName);
    await choose(page, 'account-role', '成员单位联络员');
    await choose(page, 'account-unit', exactly(unit.name));
    await form.locator('[data-test="account-phone"]').fill('13847005678');
    await form.locator('[data-test="account-save"]').click();

    // The temporary password, once, with what to do with it.
    const dialog = page.locator('[data-test="temp-password-dialog"]');
    await dialog.locator('[data-test="temp-password"]').waitFor();
    const temporary = (await dialog.locator('[data-test="temp-password"]').textContent())!.trim();
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    expect(await dialog.locator('[data-test="temp-username"]').textContent()).toBe(username);
    expect(await dialog.locator('[data-test="temp-password-note"]').textContent()).toContain('首次登录时必须修改');
    expect(await h.server.sql(`SELECT role, unit_id, status, must_change_password FROM app_user WHERE username = $1`, [username])).toEqual([
      { role: 'UNIT_ADMIN', unit_id: unit.id, status: 'ACTIVE', must_change_password: true },
    ]);
    await dialog.locator('[data-test="temp-password-done"]').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByText(temporary).count()).toBe(0);
    // The list is paged (by role, then name): the new account is found by its username.
    await page.locator('input[data-test="search-keyword"]').fill(username);
    await page.locator('[data-test="search-submit"]').click();
    await expect.poll(() => page.locator('[data-test="accounts-total"]').textContent()).toBe('共 1 条');
    const row = page.locator('[data-test="accounts-table"] .el-table__row', { hasText: username });
    expect(await row.locator('[data-test="must-change"]').textContent()).toContain('待修改临时密码');
    expect(await row.locator('[data-test="account-row-last-sign-in"]').textContent()).toBe('从未登录');
    expect(await row.textContent()).toContain(unit.name);

    // The liaison signs in with the temporary password and is kept on the change-password screen.
    await page.locator('[data-test="logout"]').click();
    await expect.poll(() => path(page)).toBe('/login');
    await login(p, username, temporary);
    await expect.poll(() => path(page)).toBe('/password');
    await page.locator('[data-test="forced-password"]').waitFor();
    expect(await page.locator('[data-test="current-user"]').textContent()).toContain(displayName);
    for (const elsewhere of ['/shelf/mine', '/shelf', `/units/${unit.id}`, '/accounts', '/']) {
      await page.goto(elsewhere);
      await page.locator('[data-test="forced-password"]').waitFor();
      expect(path(page), elsewhere).toBe('/password');
      expect(await page.locator('[data-test="menu"]').count()).toBe(0);
    }
    // The server refuses everything else as well, whatever the page does.
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('alliance.session')!).token as string);
    const refused = await h.server.gql('{ shelfProjects(first: 1) { totalCount } }', {}, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');

    await page.screenshot({ path: `${ARTIFACTS}/accounts-forced-password.png`, fullPage: true });
    // A wrong temporary password is said under its field; the rules are checked before sending.
    const newPassword = `银杏树下的联络员-${n}`;
    await page.locator('input[data-test="password-current"]').fill('not-the-temporary-one');
    await page.locator('input[data-test="password-new"]').fill('short');
    await page.locator('input[data-test="password-confirm"]').fill('short');
    await page.locator('[data-test="password-submit"]').click();
    await page.locator('.el-form-item__error', { hasText: '密码太短' }).waitFor();
    await page.locator('input[data-test="password-new"]').fill(newPassword);
    await page.locator('input[data-test="password-confirm"]').fill(newPassword);
    await page.locator('[data-test="password-submit"]').click();
    await page.locator('.el-form-item__error', { hasText: '当前密码不正确' }).waitFor();
    expect(path(page)).toBe('/password');

    await page.locator('input[data-test="password-current"]').fill(temporary);
    await page.locator('[data-test="password-submit"]').click();
    await toast(page, '已使用新密码自动重新登录');
    // On to the liaison's home (我的待办), signed in again with a new token (the old one ended with the change).
    await expect.poll(() => path(page)).toBe('/needs/mine');
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('alliance.session')!) as { token: string; user: { mustChangePassword: boolean } });
    expect(after.token).not.toBe(token);
    expect(after.user.mustChangePassword).toBe(false);
    expect((await h.server.gql('{ me { id } }', {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await h.server.sql(`SELECT must_change_password FROM app_user WHERE username = $1`, [username])).toEqual([{ must_change_password: false }]);

    // And it works: its unit's projects.
    await page.locator('[data-test="nav-myProjects"]').click();
    await page.locator('[data-test="my-projects-table"] .el-table__row').first().waitFor();
    expect(await page.locator('h1').textContent()).toContain(unit.name);
    // A page of 20 (the lists' default size), and the total beside the pager.
    expect(await page.locator('[data-test="my-projects-table"] .el-table__row').count()).toBe(Math.min(unit.projects, 20));
    expect(await page.locator('[data-test="my-projects-total"]').textContent()).toBe(`共 ${unit.projects} 条`);
    // 个人中心 shows the account.
    await page.locator('[data-test="current-user"]').click();
    await page.locator('[data-test="menu-profile"]').click();
    await expect.poll(() => path(page)).toBe('/profile');
    expect(await page.locator('[data-test="profile-name"]').textContent()).toBe(displayName);
    expect(await page.locator('[data-test="profile-role"]').textContent()).toBe('成员单位联络员');
    expect(await page.locator('[data-test="profile-unit"]').textContent()).toBe(unit.name);
    expect(await page.locator('[data-test="profile-last-sign-in"]').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.screenshot({ path: `${ARTIFACTS}/accounts-profile.png`, fullPage: true });

    // The committee sees it all in 操作日志.
    await page.locator('[data-test="logout"]').click();
    await login(p, 'committee');
    await page.locator('[data-test="nav-auditLog"]').click();
    const created = page.locator('[data-test="audit-table"] .el-table__row', { has: page.locator('[data-action="USER_CREATE"]') }).filter({ hasText: username });
    await created.waitFor();
    expect(await created.locator('[data-test="audit-actor-name"]').textContent()).toBe('刘红梅（社区党委）');
    const summary = (await created.locator('[data-test="audit-summary"]').textContent())!;
    for (const line of [`用户名：${username}`, `姓名：${displayName}`, '角色：成员单位联络员', `所属单位：${unit.name}`, '联系电话：138****5678']) expect(summary).toContain(line);
    expect(summary).not.toMatch(/[{}"]/);
    // The time is the alliance's (Asia/Shanghai).
    const [createdAt] = await h.server.sql(
      `SELECT to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS at FROM audit_entry WHERE action = 'USER_CREATE' AND summary->'after'->>'username' = $1`,
      [username],
    );
    expect(await created.locator('[data-test="audit-at"]').textContent()).toBe(createdAt.at);

    // Filtered to the liaison: its sign-ins and its password change, newest first.
    await choose(page, 'search-actor', startingWith(displayName));
    await page.locator('[data-test="search-submit"]').click();
    await expect.poll(() => page.locator('[data-test="audit-count"]').textContent()).toBe('共 3 条记录');
    const actions = await page.locator('[data-test="audit-table"] [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_IN']);
    expect(await page.locator('[data-test="audit-table"] .el-table__row').first().locator('[data-test="audit-actor-name"]').textContent()).toBe(displayName);
    // Filtered by action: 登录成功 only.
    await choose(page, 'search-action', '登录成功');
    await page.keyboard.press('Escape');
    await page.locator('[data-test="search-submit"]').click();
    await expect.poll(() => page.locator('[data-test="audit-count"]').textContent()).toBe('共 2 条记录');
    expect(await page.locator('[data-test="audit-table"] [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['SIGN_IN', 'SIGN_IN']);
    await finish('accounts-liaison', p);
  });

  it('a disabled account is signed out at its next request with why, cannot sign in, and signs in again once enabled', async () => {
    const worker = await h.page();
    await login(worker, 'grid2');
    await worker.page.locator('[data-test="nav-needs"]').click();
    await worker.page.locator('[data-test="need-card"]').first().waitFor();

    const committee = await h.page();
    await login(committee, 'committee');
    await committee.page.locator('[data-test="nav-accounts"]').click();
    // The page signed in on has a search box of the same name: type only once the accounts' page is there.
    await committee.page.locator('[data-test="accounts-table"]').waitFor();
    await committee.page.locator('input[data-test="search-keyword"]').fill('grid2');
    await committee.page.locator('[data-test="search-submit"]').click();
    const row = committee.page.locator('[data-test="accounts-table"] .el-table__row', { hasText: 'grid2' });
    await expect.poll(() => committee.page.locator('[data-test="accounts-table"] .el-table__row').count()).toBe(1);
    await row.locator('[data-test="account-disable"]').click();
    const prompt = committee.page.locator('[data-test="prompt-dialog"]');
    expect(await prompt.locator('[data-test="prompt-message"]').textContent()).toContain('立即退出登录');
    await prompt.locator('[data-test="prompt-confirm"]').click();
    await prompt.locator('.el-form-item__error', { hasText: '必填' }).waitFor();
    await prompt.locator('[data-test="prompt-text"] textarea, textarea[data-test="prompt-text"]').fill('调往街道工作');
    await prompt.locator('[data-test="prompt-confirm"]').click();
    await toast(committee.page, '账号已停用');
    await expect.poll(() => row.locator('[data-status]').getAttribute('data-status')).toBe('DISABLED');

    // Back to the login page, told why, in our words and the server's: at once when the bell's socket is
    // closed for the account's change (notifications), else at the worker's next request.
    const nav = worker.page.locator('[data-test="nav-activities"]');
    if (await nav.isVisible()) await nav.click({ timeout: 2_000 }).catch(() => undefined);
    await expect.poll(() => path(worker.page)).toBe('/login');
    const ended = worker.page.locator('[data-test="session-expired"]');
    await ended.waitFor();
    expect(await ended.textContent()).toContain('账号已被修改或停用，本次登录已结束');
    expect(await ended.textContent()).toContain('服务器说明：Your session has ended');
    await worker.page.locator('[data-test="login-username"]').fill('grid2');
    await worker.page.locator('[data-test="login-password"]').fill('demo-password');
    await worker.page.locator('[data-test="login-submit"]').click();
    await toast(worker.page, '用户名或密码错误');
    expect(path(worker.page)).toBe('/login');

    await row.locator('[data-test="account-enable"]').click();
    await committee.page.locator('.el-message-box').getByRole('button', { name: '启用' }).click();
    await toast(committee.page, '账号已启用');
    await expect.poll(() => row.locator('[data-status]').getAttribute('data-status')).toBe('ACTIVE');
    await login(worker, 'grid2');
    await expect.poll(() => path(worker.page)).toBe('/needs/mine');
    await finish('accounts-disabled', worker, committee);
  });
});
