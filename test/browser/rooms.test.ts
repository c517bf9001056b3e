import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate, zonedTime } from '@alliance/shared';
import { choose, finish, login, startHarness, toast, type Harness } from './support.js';

/*
 * The service centre's rooms in the browser (issue 12): the committee's week
 * calendar shows the demo's reservations, confirms a resident's request, and
 * a reservation over a confirmed one names the collision.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The Sunday ending the alliance's current week, as YYYY-MM-DD. */
function sundayOfThisWeek(): string {
  const today = new Date(`${localDate()}T00:00:00Z`);
  return new Date(today.getTime() + ((7 - today.getUTCDay()) % 7) * 86_400_000).toISOString().slice(0, 10);
}

describe('the rooms calendar in the browser', { timeout: 120_000 }, () => {
  it('shows a demo reservation, the committee confirms a pending request, and an overlapping reservation names the collision', async () => {
    // The demo's basketball hall tomorrow: a school's training 15–17 (confirmed), residents' match 19–21 (requested).
    const [training] = await h.server.sql(`SELECT id, starts_at FROM venue_reservation WHERE purpose = '松风小学课后篮球训练'`);
    const [request] = await h.server.sql(`SELECT id FROM venue_reservation WHERE purpose = '居民夜间篮球友谊赛'`);
    const day = localDate(training.starts_at);

    const p = await h.page({ timezoneId: 'Asia/Shanghai' });
    await login(p, 'committee');
    await p.page.locator('[data-test="nav-rooms"]').click();
    if (day > sundayOfThisWeek()) await p.page.locator('[data-test="week-next"]').click();
    const block = p.page.locator(`[data-test="reservation-${training.id}"]`);
    await block.waitFor();
    expect(await block.textContent()).toContain('15:00–17:00');
    expect(await block.getAttribute('data-status')).toBe('CONFIRMED');

    const pending = p.page.locator(`[data-test="reservation-${request.id}"]`);
    expect(await pending.getAttribute('data-status')).toBe('REQUESTED');
    expect(await pending.textContent()).toContain('待确认');
    await p.page.locator(`[data-test="reservation-confirm-${request.id}"]`).click();
    await p.page.locator('.el-message-box', { hasText: '居民夜间篮球友谊赛' }).getByRole('button', { name: '确认' }).click();
    await toast(p.page, '已确认申请');
    await expect.poll(() => pending.getAttribute('data-status')).toBe('CONFIRMED');
    expect((await h.server.sql(`SELECT status FROM venue_reservation WHERE id = $1`, [request.id]))[0].status).toBe('CONFIRMED');

    // 16:00–18:00 in the hall that day collides with the training.
    // A double click on the room's day opens the form with both chosen.
    const [hall] = await h.server.sql(`SELECT venue_id FROM venue_reservation WHERE id = $1`, [training.id]);
    await p.page.locator(`[data-test="cell-${hall.venue_id}-${day}"]`).dblclick({ position: { x: 5, y: 5 } });
    await choose(p.page, 'reserve-from', '16:00');
    // The first dropdown closes before the second opens (both list 18:00).
    await expect.poll(() => p.page.locator('.el-select-dropdown__item:visible').count()).toBe(0);
    await choose(p.page, 'reserve-to', '18:00');
    await p.page.locator('[data-test="reserve-dialog"] input[maxlength="100"]').fill('教师篮球赛');
    await p.page.locator('[data-test="reserve-submit"]').click();
    const conflict = p.page.locator('[data-test="reserve-conflict"]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('松风小学课后篮球训练');
    expect((await h.server.sql(`SELECT count(*)::int AS n FROM venue_reservation WHERE purpose = '教师篮球赛'`))[0].n).toBe(0);
    await finish('rooms-calendar', p);
  });

  it("the committee declines a resident's request passed on by a grid worker: DECLINED, and the room is free again on the calendar", async () => {
    // Tomorrow 10:00–11:00 in the reading room, a time the demo leaves free.
    const day = addDays(localDate(), 1);
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const [room] = await h.server.sql(`SELECT id FROM venue WHERE name = '图书室'`);
    const grid1 = await h.server.as('grid1');
    const asked = await grid1(
      `mutation($venueId: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {
        reserveVenue(venueId: $venueId, startsAt: $startsAt, endsAt: $endsAt, purpose: "居民读书会", residentName: "钱阿姨", residentPhone: "13704702468") { id status } }`,
      { venueId: room.id, startsAt: zonedTime(y, m, d, 10).toISOString(), endsAt: zonedTime(y, m, d, 11).toISOString() },
    );
    expect(asked.errors, JSON.stringify(asked.errors)).toBeUndefined();
    expect(asked.data.reserveVenue.status).toBe('REQUESTED');
    const id = asked.data.reserveVenue.id as string;

    const p = await h.page({ timezoneId: 'Asia/Shanghai' });
    await login(p, 'committee');
    await p.page.locator('[data-test="nav-rooms"]').click();
    if (day > sundayOfThisWeek()) await p.page.locator('[data-test="week-next"]').click();
    const pending = p.page.locator(`[data-test="reservation-${id}"]`);
    await pending.waitFor();
    expect(await pending.getAttribute('data-status')).toBe('REQUESTED');
    await p.page.locator(`[data-test="reservation-decline-${id}"]`).click();
    await p.page.locator('.el-message-box', { hasText: '居民读书会' }).getByRole('button', { name: '不同意' }).click();
    await toast(p.page, '已回复不同意');
    // Declined requests free the room: the block goes.
    await pending.waitFor({ state: 'detached' });
    expect((await h.server.sql(`SELECT status FROM venue_reservation WHERE id = $1`, [id]))[0].status).toBe('DECLINED');
    await finish('rooms-decline', p);
  });

  it('the committee adds a room: it is on the calendar at once, with its hours and capacity', async () => {
    const p = await h.page({ timezoneId: 'Asia/Shanghai' });
    await login(p, 'committee');
    await p.page.locator('[data-test="nav-rooms"]').click();
    await p.page.locator('[data-test="rooms-grid"]').waitFor();
    await p.page.locator('[data-test="venue-new"]').click();
    await p.page.locator('[data-test="venue-form"] [data-test="venue-name"]').fill('书画室');
    await p.page.locator('[data-test="venue-form"] [data-test="venue-capacity"] input').fill('25');
    await p.page.locator('[data-test="venue-form"] [data-test="venue-save"]').click();
    await toast(p.page, '场地已保存');
    const [room] = await h.server.sql(`SELECT id, capacity, to_char(opens_at, 'HH24:MI') AS opens, to_char(closes_at, 'HH24:MI') AS closes FROM venue WHERE name = '书画室'`);
    expect(room).toMatchObject({ capacity: 25, opens: '08:30', closes: '21:00' });
    await p.page.locator(`[data-test="venue-edit-${room.id}"]`).waitFor();
    expect(await p.page.locator('[data-test="rooms-grid"] .room', { hasText: '书画室' }).textContent()).toContain('08:30–21:00 · 25人');
    await finish('rooms-new-room', p);
  });
});
