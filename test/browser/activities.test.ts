import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finish, login, startHarness, toast, type Harness } from './support.js';

let h: Harness;
let activityId: string;
let unit1Id: string;
let unit2Id: string;

beforeAll(async () => {
  h = await startHarness();
  // An open activity with one place, taken by unit2 (through the API).
  const committee = await h.server.as('committee');
  const starts = new Date(Date.now() + 7 * 86400_000);
  const created = await committee(
    `mutation($input: ActivityInput!) { createActivity(input: $input) { id } }`,
    {
      input: {
        title: '楼道清洁志愿服务日',
        description: '各单位党员志愿者清理楼道杂物。',
        kind: 'CIVILIZED_CITY',
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 3 * 3600_000).toISOString(),
        location: '松山社区5号楼',
        maxUnits: 1,
      },
    },
  );
  activityId = created.data.createActivity.id;
  await committee(`mutation($id: ID!) { publishActivity(id: $id) { id } }`, { id: activityId });
  const unit2 = await h.server.as('unit2');
  const signed = await unit2(`mutation($id: ID!) { signUpForActivity(activityId: $id, headcount: 6) { status unit { id } } }`, { id: activityId });
  expect(signed.data.signUpForActivity.status).toBe('CONFIRMED');
  unit2Id = signed.data.signUpForActivity.unit.id;
  const me = await (await h.server.as('unit1'))(`{ me { unit { id } } }`);
  unit1Id = me.data.me.unit.id;
});
afterAll(async () => {
  await h?.close();
});

describe('activity sign-up in the browser', { timeout: 120_000 }, () => {
  it('a unit signing up for a full activity is waitlisted, and promoted when the confirmed unit withdraws', async () => {
    const unit1 = await h.page();
    await login(unit1, 'unit1');
    await unit1.page.goto(`/activities/${activityId}`);
    await unit1.page.locator('[data-test="capacity-bar"]', { hasText: '1 / 1' }).waitFor();
    // Only its own sign-up can be withdrawn: unit2's row has no button for unit1.
    expect(await unit1.page.locator(`[data-test="withdraw-${unit2Id}"]`).count()).toBe(0);
    // A unit admin sees no lifecycle buttons of the committee.
    for (const a of ['publish', 'start', 'complete', 'cancel']) expect(await unit1.page.locator(`[data-test="activity-${a}"]`).count()).toBe(0);

    await unit1.page.locator('[data-test="activity-signup"]').click();
    const dialog = unit1.page.locator('[data-test="signup-dialog"]');
    await dialog.locator('.el-alert', { hasText: '名额已满' }).waitFor();
    await dialog.locator('[data-test="signup-note"]').fill('可派出6名党员志愿者');
    await dialog.locator('[data-test="signup-confirm"]').click();
    await toast(unit1.page, '已进入候补');
    await expect.poll(() => unit1.page.locator(`[data-test="signup-status-${unit1Id}"]`).getAttribute('data-status')).toBe('WAITLISTED');
    // Signed up once: the button is gone.
    expect(await unit1.page.locator('[data-test="activity-signup"]').count()).toBe(0);

    const unit2 = await h.page();
    await login(unit2, 'unit2');
    await unit2.page.goto(`/activities/${activityId}`);
    await unit2.page.locator(`[data-test="withdraw-${unit2Id}"]`).click();
    await toast(unit2.page, '已退出报名');
    await expect.poll(() => unit2.page.locator(`[data-test="signup-status-${unit2Id}"]`).getAttribute('data-status')).toBe('WITHDRAWN');
    await expect.poll(() => unit2.page.locator(`[data-test="signup-status-${unit1Id}"]`).getAttribute('data-status')).toBe('CONFIRMED');

    await unit1.page.reload();
    await expect.poll(() => unit1.page.locator(`[data-test="signup-status-${unit1Id}"]`).getAttribute('data-status')).toBe('CONFIRMED');
    await unit1.page.locator('[data-test="capacity-bar"]', { hasText: '1 / 1' }).waitFor();
    const rows = await h.server.sql(`SELECT unit_id, status FROM signup WHERE activity_id = $1 ORDER BY created_at`, [activityId]);
    expect(rows).toEqual([
      { unit_id: unit2Id, status: 'WITHDRAWN' },
      { unit_id: unit1Id, status: 'CONFIRMED' },
    ]);
    await finish('activity-waitlist-promoted', unit1, unit2);
  });
});
