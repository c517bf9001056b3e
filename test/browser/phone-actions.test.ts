import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE, finish, login, startHarness, toast, type Harness } from './support.js';

/*
 * The work on a phone (issue 16): a page's buttons sit in a bar fixed at the
 * bottom of the screen (the withdraw button once sat at x=563 on a 390 px
 * screen), nothing of the page ends hidden behind the bar, and withdrawing a
 * sign-up is asked first: dismissed, nothing changes.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Where an element is, and whether it lies wholly on the screen. */
async function onScreen(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  if (!box) return { box, inside: false };
  return { box, inside: box.x >= 0 && box.y >= 0 && box.x + box.width <= PHONE.width && box.y + box.height <= PHONE.height };
}

/** Scrolled to the end, the page's last part ends above the bar. */
async function lastPartAboveBar(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  return page.evaluate(() => {
    const bar = document.querySelector('[data-test="action-bar"]')!.getBoundingClientRect();
    const parts = document.querySelectorAll('.el-main .page > *');
    const last = Array.from(parts).filter((e) => e.getBoundingClientRect().height > 0).at(-1)!.getBoundingClientRect();
    return { lastBottom: Math.round(last.bottom), barTop: Math.round(bar.top) };
  });
}

describe('a phone: the bottom action bar and confirmations', { timeout: 180_000 }, () => {
  it("a liaison withdraws its unit's sign-up from the bar at the bottom of the screen, after confirming", async () => {
    const [liaison] = await h.server.sql(`SELECT unit_id FROM app_user WHERE username = 'unit1'`);
    const [signup] = await h.server.sql(
      `SELECT s.id, a.id AS activity_id, a.title FROM signup s JOIN activity a ON a.id = s.activity_id
        WHERE s.unit_id = $1 AND s.status = 'CONFIRMED' AND a.status = 'OPEN' ORDER BY a.starts_at LIMIT 1`,
      [liaison.unit_id],
    );
    expect(signup, 'a demo activity open for sign-ups that unit1 signed up for').toBeTruthy();
    const statusOf = async () => (await h.server.sql(`SELECT status FROM signup WHERE id = $1`, [signup.id]))[0].status;

    const p = await h.page({ viewport: PHONE, timezoneId: 'Asia/Shanghai' });
    await login(p, 'unit1');
    await p.page.goto(`/activities/${signup.activity_id}`);
    const withdraw = '[data-test="action-bar"] [data-test="withdraw-own"]';
    await p.page.locator(withdraw).waitFor();
    // On the screen at once, and still there once the page is scrolled to its end.
    expect((await onScreen(p.page, withdraw)).inside).toBe(true);
    const end = await lastPartAboveBar(p.page);
    expect(end.lastBottom).toBeLessThanOrEqual(end.barTop);
    expect((await onScreen(p.page, withdraw)).inside).toBe(true);

    // Asked first, naming the unit and the activity; dismissed, nothing changes.
    await p.page.locator(withdraw).click();
    const box = p.page.locator('.el-message-box', { hasText: signup.title });
    await box.waitFor();
    expect(await box.textContent()).toContain('松风小学');
    await box.getByRole('button', { name: '取消' }).click();
    await box.waitFor({ state: 'hidden' });
    expect(await statusOf()).toBe('CONFIRMED');

    await p.page.locator(withdraw).click();
    await box.waitFor();
    await box.getByRole('button', { name: '退出' }).click();
    await toast(p.page, '已退出报名');
    await expect.poll(statusOf).toBe('WITHDRAWN');
    // Withdrawn, the unit may sign up again: that button takes the place of withdrawing, on the screen.
    await expect.poll(() => p.page.locator(withdraw).count()).toBe(0);
    expect((await onScreen(p.page, '[data-test="action-bar"] [data-test="activity-signup"]')).inside).toBe(true);
    await finish('phone-withdraw-signup', p);
  });

  it("a need's steps sit in the bar for the committee; the viewer, who may do nothing, has no bar", async () => {
    const [need] = await h.server.sql(`SELECT id FROM need WHERE status = 'REPORTED' ORDER BY reported_at DESC LIMIT 1`);
    const committee = await h.page({ viewport: PHONE, timezoneId: 'Asia/Shanghai' });
    await login(committee, 'committee');
    await committee.page.goto(`/needs/${need.id}`);
    const accept = '[data-test="action-bar"] [data-test="need-accept"]';
    await committee.page.locator(accept).waitFor();
    expect((await onScreen(committee.page, accept)).inside).toBe(true);
    expect((await onScreen(committee.page, '[data-test="action-bar"] [data-test="need-reject"]')).inside).toBe(true);
    const end = await lastPartAboveBar(committee.page);
    expect(end.lastBottom).toBeLessThanOrEqual(end.barTop);

    const viewer = await h.page({ viewport: PHONE, timezoneId: 'Asia/Shanghai' });
    await login(viewer, 'viewer');
    await viewer.page.goto(`/needs/${need.id}`);
    await viewer.page.locator('[data-test="need-status"]').waitFor();
    expect(await viewer.page.locator('[data-test="action-bar"]').isVisible()).toBe(false);
    // Nor any space kept for one under the page.
    expect(await viewer.page.evaluate(() => document.documentElement.style.getPropertyValue('--action-bar-height'))).toBe('');
    await finish('phone-need-bar', committee, viewer);
  });
});
