import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finish, login, startHarness, toast, type Harness, type TestPage } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The committee, through the API: a need reported, screened, ordered from unit1's project and planned, ready to assign. */
async function plannedNeedOfUnit1(title: string) {
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
    { input: { title, description: '2号楼单元门的闭门器坏了，门关不上。', gridId: alliance.grids[0]!.id, location: '2号楼', requesterName: '周大爷', requesterPhone: '13847009876' } },
  );
  const id = reportNeed.id;
  await ok(`mutation($id: ID!) { screenNeed(id: $id, accept: true) { id } }`, { id });
  await ok(`mutation($id: ID!, $p: [ID!]!) { orderNeed(id: $id, shelfProjectIds: $p) { id } }`, { id, p: [project.id] });
  const dueAt = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
  await ok(`mutation($id: ID!, $dueAt: DateTime!) { planNeed(id: $id, plan: "单位党员志愿者上门更换闭门器。", dueAt: $dueAt) { id } }`, { id, dueAt });
  return id;
}

/** A photo as small as a PNG gets (1×1): the server checks its bytes and makes the thumbnail all the same. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const count = async (p: TestPage) => {
  const badge = p.page.locator('[data-test="notification-count"] sup');
  return (await badge.isVisible()) ? Number(await badge.textContent()) : 0;
};

describe('the bell', { timeout: 120_000 }, () => {
  it('a liaison sees the count rise when the committee assigns them a need in another browser, and opens it from the bell, then resolves it with a photo', async () => {
    const title = `2号楼闭门器坏了 ${Date.now() % 100000}`;
    const id = await plannedNeedOfUnit1(title);

    const unit = await h.page();
    await login(unit, 'unit1');
    await unit.page.locator('[data-test="notification-bell"]').waitFor();
    // Settled: the live connection is up and the first count is in.
    await unit.page.waitForTimeout(1000);
    const before = await count(unit);

    const committee = await h.page();
    await login(committee, 'committee');
    await committee.page.goto(`/needs/${id}`);
    await committee.page.locator('[data-test="need-assign"]').click();
    await committee.page.locator('[data-test="assign-select"]').click();
    await committee.page.locator('.el-select-dropdown__item:visible', { hasText: '林晓燕' }).first().click();
    await committee.page.locator('[data-test="assign-confirm"]').click();

    // Live: no reload, well before the fallback poll would come.
    await expect.poll(() => count(unit), { timeout: 5000 }).toBe(before + 1);

    await unit.page.locator('[data-test="notification-bell"]').click();
    const item = unit.page.locator('[data-test="notification-NEED_ASSIGNED"]', { hasText: title });
    await item.waitFor();
    expect(await item.textContent()).toContain(`需求「${title}」已派给您`);
    await item.click();
    await unit.page.waitForURL(`**/needs/${id}`);
    await unit.page.getByText(title).first().waitFor();
    await expect.poll(() => count(unit)).toBe(before);

    // The liaison resolves it with an "after" photo, taken through the need page's upload control.
    const afterPhoto = unit.page.locator('[data-test="need-attachments-RESOLUTION"]');
    await afterPhoto.locator('[data-test="attachment-input"]').setInputFiles({ name: '闭门器已更换.png', mimeType: 'image/png', buffer: PNG });
    await toast(unit.page, '已上传');
    // The thumbnail is shown: fetched with the token, decoded by the browser.
    const thumb = afterPhoto.locator('.attachment-gallery__thumb img');
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:'))).toBe(true);
    const [stored] = await h.server.sql(`SELECT stage, media_type, thumbnail IS NOT NULL AS thumb FROM attachment WHERE owner_id = $1`, [id]);
    expect(stored).toEqual({ stage: 'RESOLUTION', media_type: 'image/png', thumb: true });

    await unit.page.locator('[data-test="need-resolve"]').click();
    await unit.page.locator('[data-test="prompt-text"]').fill('已更换闭门器，单元门可正常关闭。');
    await unit.page.locator('[data-test="prompt-dialog"]:visible [data-test="prompt-confirm"]').click();
    await toast(unit.page, '已提交办理结果');
    await expect.poll(() => unit.page.locator('[data-test="need-status"]').getAttribute('data-status')).toBe('RESOLVED');
    await afterPhoto.locator('.attachment-gallery__thumb img').waitFor();
    const [need] = await h.server.sql(`SELECT status FROM need WHERE id = $1`, [id]);
    expect(need).toEqual({ status: 'RESOLVED' });

    await finish('notifications-bell', unit, committee);
  });
});
