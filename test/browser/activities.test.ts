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
    for (const a of ['edit', 'publish', 'start', 'complete', 'cancel']) expect(await unit1.page.locator(`[data-test="activity-${a}"]`).count()).toBe(0);

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
    // Asked first (issue 16): the place goes to the waiting list.
    await unit2.page.locator('.el-message-box', { hasText: '候补' }).getByRole('button', { name: '退出' }).click();
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

  it('the committee raises the places of a full open activity, and the waitlisted unit is confirmed', async () => {
    // Another open activity with one place: unit2 confirmed, unit1 waitlisted (through the API).
    const api = await h.server.as('committee');
    const starts = new Date(Date.now() + 10 * 86400_000);
    const created = await api(`mutation($input: ActivityInput!) { createActivity(input: $input) { id version } }`, {
      input: {
        title: '社区义诊进楼院',
        description: '医院党员医生为居民量血压、测血糖。',
        kind: 'SERVICE',
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 2 * 3600_000).toISOString(),
        location: '松山社区广场',
        maxUnits: 1,
      },
    });
    const id: string = created.data.createActivity.id;
    await api(`mutation($id: ID!) { publishActivity(id: $id) { id } }`, { id });
    const signUp = `mutation($id: ID!) { signUpForActivity(activityId: $id, headcount: 3) { status } }`;
    expect((await (await h.server.as('unit2'))(signUp, { id })).data.signUpForActivity.status).toBe('CONFIRMED');
    expect((await (await h.server.as('unit1'))(signUp, { id })).data.signUpForActivity.status).toBe('WAITLISTED');
    const [before] = await h.server.sql(`SELECT version FROM activity WHERE id = $1`, [id]);

    const committee = await h.page();
    await login(committee, 'committee');
    const { page } = committee;
    await page.goto(`/activities/${id}`);
    await page.locator('[data-test="capacity-bar"]', { hasText: '1 / 1' }).waitFor();
    expect(await page.locator(`[data-test="signup-status-${unit1Id}"]`).getAttribute('data-status')).toBe('WAITLISTED');

    await page.locator('[data-test="activity-edit"]').click();
    const form = page.locator('[data-test="activity-form"]');
    const field = (test: string) => form.locator(`[data-test="${test}"] input, input[data-test="${test}"], [data-test="${test}"] textarea, textarea[data-test="${test}"]`);
    // Prefilled from the activity, with a word on what raising the limit does.
    await expect.poll(() => field('activity-title').inputValue()).toBe('社区义诊进楼院');
    expect(await field('activity-location').inputValue()).toBe('松山社区广场');
    expect(await field('activity-max-units').inputValue()).toBe('1');
    await form.locator('.el-alert', { hasText: '有 1 个单位在候补' }).waitFor();
    await field('activity-max-units').fill('2');
    await field('activity-max-units').press('Tab');
    await form.locator('[data-test="activity-save"]').click();
    await toast(page, '已保存');

    await expect.poll(() => page.locator(`[data-test="signup-status-${unit1Id}"]`).getAttribute('data-status')).toBe('CONFIRMED');
    await page.locator('[data-test="capacity-bar"]', { hasText: '2 / 2' }).waitFor();
    // Only the places changed; the version moved on.
    const [after] = await h.server.sql(`SELECT title, location, max_units, confirmed_count, version FROM activity WHERE id = $1`, [id]);
    expect(after).toMatchObject({ title: '社区义诊进楼院', location: '松山社区广场', max_units: 2, confirmed_count: 2 });
    expect(after.version).toBeGreaterThan(before.version);
    const rows = await h.server.sql(`SELECT unit_id, status FROM signup WHERE activity_id = $1 ORDER BY created_at`, [id]);
    expect(rows).toEqual([
      { unit_id: unit2Id, status: 'CONFIRMED' },
      { unit_id: unit1Id, status: 'CONFIRMED' },
    ]);
    // Still on the page after a reload: the server holds it.
    await page.reload();
    await page.locator('[data-test="capacity-bar"]', { hasText: '2 / 2' }).waitFor();
    await finish('activity-edit-places-confirms-waitlist', committee);
  });
});
