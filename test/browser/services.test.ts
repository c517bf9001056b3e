import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, finish, login, startHarness, toast, type Harness } from './support.js';

/*
 * 错时约办 in the browser (issue 12): the unit publishes slots of its project,
 * a grid worker books one for a resident, and the unit records in its week's
 * bookings how a booking went.
 */

let h: Harness;
let unit1Id: string;
let projectId: string;
beforeAll(async () => {
  h = await startHarness();
  [{ unit_id: unit1Id }] = await h.server.sql(`SELECT unit_id FROM app_user WHERE username = 'unit1'`);
  const [p] = await h.server.sql(`SELECT id FROM shelf_project WHERE unit_id = $1 AND status = 'ON_SHELF' ORDER BY id LIMIT 1`, [unit1Id]);
  projectId = p.id;
});
afterAll(async () => {
  await h?.close();
});

/** A Saturday about two weeks ahead, as `YYYY-MM-DD` (the alliance's calendar day: the slot picker takes Shanghai's wall clock). */
function saturdayAhead(): string {
  const d = new Date(Date.now() + 14 * 86_400_000);
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7));
  return d.toISOString().slice(0, 10);
}

describe('错时约办 in the browser', { timeout: 120_000 }, () => {
  it('the unit publishes an evening slot of its project, marked off-hours; a grid worker books it for a resident with the building', async () => {
    const day = saturdayAhead();
    const unit = await h.page();
    await login(unit, 'unit1');
    await unit.page.goto(`/shelf/projects/${projectId}`);
    await unit.page.locator('[data-test="slots-publish"]').click();
    const dialog = unit.page.locator('[data-test="slot-dialog"]');
    const starts = dialog.locator('[data-test="slot-starts"] input');
    // 20:15: no demo slot starts then (they start on the hour), so the project's (project, start) is free.
    await starts.fill(`${day} 20:15`);
    await starts.press('Enter');
    const ends = dialog.locator('[data-test="slot-ends"] input');
    await ends.fill(`${day} 22:15`);
    await ends.press('Enter');
    await dialog.locator('[data-test="slot-off-hours"]').waitFor();
    await dialog.locator('[data-test="slot-confirm"]').click();
    await toast(unit.page, '已发布 1 个时段');
    const [slot] = await h.server.sql(
      `SELECT id, capacity, off_hours, booked FROM service_slot
        WHERE shelf_project_id = $1 AND ends_at - starts_at = interval '2 hours'
          AND to_char(starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') = $2`,
      [projectId, `${day} 20:15`],
    );
    expect(slot).toMatchObject({ capacity: 5, off_hours: true, booked: 0 });
    await unit.page.locator(`[data-test="slot-${slot.id}"]`).waitFor();
    // Units do not book for residents.
    expect(await unit.page.locator(`[data-test="book-${slot.id}"]`).count()).toBe(0);

    const grid = await h.page();
    await login(grid, 'grid1');
    await grid.page.goto(`/shelf/projects/${projectId}`);
    expect(await grid.page.locator('[data-test="slots-publish"]').count()).toBe(0);
    await grid.page.locator(`[data-test="book-${slot.id}"]`).click();
    const form = grid.page.locator('[data-test="booking-dialog"]');
    await form.locator('[data-test="booking-name"]').fill('赵阿姨');
    await form.locator('[data-test="booking-phone"]').fill('13904705678');
    await form.locator('[data-test="booking-location"]').fill('松山小区3号楼2单元501');
    await form.locator('[data-test="booking-confirm"]').click();
    await toast(grid.page, '已为 赵阿姨 预约');
    const bookings = await h.server.sql(`SELECT resident_name, resident_phone, location, status FROM booking WHERE slot_id = $1`, [slot.id]);
    expect(bookings).toEqual([{ resident_name: '赵阿姨', resident_phone: '13904705678', location: '松山小区3号楼2单元501', status: 'BOOKED' }]);
    await expect.poll(() => grid.page.locator('[data-test="slots-table"]').innerText()).toContain('已约 1/5');
    await finish('services-slot-booked', unit, grid);
  });

  it('a unit liaison opens its week\'s bookings and marks one done, after confirming; the committee\'s dashboard counts it', async () => {
    // A slot that began a minute ago (the UI books only future ones), with a resident booked.
    const [slot] = await h.server.sql(
      `INSERT INTO service_slot (alliance_id, shelf_project_id, unit_id, starts_at, ends_at, capacity, off_hours)
       SELECT alliance_id, id, unit_id, now() - interval '1 minute', now() + interval '1 hour', 3, true FROM shelf_project WHERE id = $1 RETURNING id`,
      [projectId],
    );
    const [b] = await h.server.sql(
      `INSERT INTO booking (alliance_id, slot_id, resident_name, resident_phone, location, status)
       SELECT alliance_id, id, '钱大爷', '13904709876', '松山小区7号楼', 'BOOKED' FROM service_slot WHERE id = $1 RETURNING id`,
      [slot.id],
    );
    // The committee's dashboard (its default range ends today; in the alliance's zone, as the slot is dated).
    const committee = await h.page({ timezoneId: 'Asia/Shanghai' });
    await login(committee, 'committee');
    await committee.page.locator('[data-test="nav-dashboard"]').click();
    const figure = committee.page.locator('[data-test="kpi-bookingsDone"] .el-statistic__number');
    const bookingsDone = async () => Number(((await figure.textContent()) ?? '').replace(/\D/g, ''));
    await expect.poll(() => figure.count()).toBe(1);
    const before = await bookingsDone();

    const unit = await h.page();
    await login(unit, 'unit1');
    await unit.page.locator('[data-test="nav-unitBookings"]').click();
    const status = unit.page.locator(`[data-test="booking-status-${b.id}"]`);
    await expect.poll(() => status.getAttribute('data-status')).toBe('BOOKED');
    // The slot has begun: 完成 and 未到, no cancelling.
    expect(await unit.page.locator(`[data-test="booking-cancel-${b.id}"]`).count()).toBe(0);
    await unit.page.locator(`[data-test="booking-done-${b.id}"]`).click();
    // Asked first; saying no changes nothing.
    await unit.page.locator('.el-message-box', { hasText: '钱大爷' }).getByRole('button', { name: '取消' }).click();
    expect((await h.server.sql(`SELECT status FROM booking WHERE id = $1`, [b.id]))[0].status).toBe('BOOKED');
    await unit.page.locator(`[data-test="booking-done-${b.id}"]`).click();
    await unit.page.locator('.el-message-box', { hasText: '钱大爷' }).getByRole('button', { name: '完成' }).click();
    await toast(unit.page, '已记录完成');
    await expect.poll(() => status.getAttribute('data-status')).toBe('DONE');
    expect(await unit.page.locator(`[data-test="booking-done-${b.id}"]`).count()).toBe(0);
    expect((await h.server.sql(`SELECT status FROM booking WHERE id = $1`, [b.id]))[0].status).toBe('DONE');

    await committee.page.reload();
    await expect.poll(bookingsDone).toBe(before + 1);
    await finish('services-booking-done', unit, committee);
  });

  it('on a phone the week is a list of cards, and 未到 is recorded from one', async () => {
    const [slot] = await h.server.sql(
      `INSERT INTO service_slot (alliance_id, shelf_project_id, unit_id, starts_at, ends_at, capacity, off_hours)
       SELECT alliance_id, id, unit_id, now() - interval '2 minutes', now() + interval '1 hour', 3, true FROM shelf_project WHERE id = $1 RETURNING id`,
      [projectId],
    );
    const [b] = await h.server.sql(
      `INSERT INTO booking (alliance_id, slot_id, resident_name, resident_phone, status)
       SELECT alliance_id, id, '孙奶奶', '13904701111', 'BOOKED' FROM service_slot WHERE id = $1 RETURNING id`,
      [slot.id],
    );
    const unit = await h.page({ viewport: PHONE });
    await login(unit, 'unit1');
    await unit.page.goto('/services/bookings');
    const card = unit.page.locator(`[data-test="list-card"][data-id="${b.id}"]`);
    await card.waitFor();
    expect(await unit.page.locator('[data-test="bookings-table"]').count()).toBe(0);
    await card.locator(`[data-test="booking-no-show-${b.id}"]`).click();
    await unit.page.locator('.el-message-box', { hasText: '孙奶奶' }).getByRole('button', { name: '未到' }).click();
    await toast(unit.page, '已记录未到');
    await expect.poll(() => card.locator('[data-status]').getAttribute('data-status')).toBe('NO_SHOW');
    expect((await h.server.sql(`SELECT status FROM booking WHERE id = $1`, [b.id]))[0].status).toBe('NO_SHOW');
    await finish('services-booking-phone', unit);
  });
});
