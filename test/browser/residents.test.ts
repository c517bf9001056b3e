import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedCaptcha } from '../../server/src/testing/residents-captcha.js';
import { PHONE, choose, finish, login, startHarness, toast, type Harness } from './support.js';

/** A 1×1 red PNG, as a phone's photo stands in here. */
const RED_DOT = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/*
 * The residents' page (群众点单) on a phone: no sign-in, its own entry. The
 * whole chain of issue 12 point 6: the resident books and tracks, the unit's
 * liaison marks it done on its week's bookings, the committee's dashboard
 * counts it, and the resident's tracking follows.
 */
describe("the residents' page on a phone", { timeout: 180_000 }, () => {
  it('a resident books an evening slot, gets a code and tracks it; the unit marks it done in the admin, the dashboard counts it and tracking follows', async () => {
    const [slot] = await h.server.sql(
      `SELECT s.id, p.title, c.code AS category FROM service_slot s
         JOIN shelf_project p ON p.id = s.shelf_project_id JOIN service_category c ON c.id = p.category_id
         JOIN member_unit u ON u.id = p.unit_id JOIN alliance a ON a.id = s.alliance_id
        WHERE a.code = 'songshan' AND p.status = 'ON_SHELF' AND u.status = 'ACTIVE' AND s.off_hours
          AND s.starts_at > now() AND s.starts_at < now() + interval '28 days' AND s.booked < s.capacity
        ORDER BY s.starts_at LIMIT 1`,
    );
    expect(slot, 'the demo data offers an evening slot').toBeTruthy();

    const resident = await h.page({ viewport: PHONE });
    const { page } = resident;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('/r/songshan');
    await page.locator('[data-test="tab-shelf"]').waitFor();

    // Nothing of the admin: no sign-in page, no token, no admin chunk.
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect(requests.filter((u) => /AppLayout|LoginView|DashboardView/.test(u))).toEqual([]);

    await page.locator(`[data-test="category-${slot.category}"]`).click();
    const card = page.locator('[data-test="project"]', { hasText: slot.title });
    const evening = card.locator('[data-test="slot-off-hours"]').first();
    // Large touch targets.
    expect((await evening.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await evening.click();

    const form = page.locator('[data-test="booking-form"]');
    await form.locator('[data-test="name"]').fill('欧阳淑芬');
    await form.locator('[data-test="phone"]').fill('13912345678');
    await form.locator('[data-test="submit"]').click();
    const code = (await page.locator('[data-test="tracking-code"]').textContent({ timeout: 30_000 }))!.trim();
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{8}$/);
    const [booking] = await h.server.sql(
      `SELECT b.id, b.status, b.resident_name FROM booking b JOIN public_tracking t ON t.subject_id = b.id WHERE t.code = $1`,
      [code],
    );
    expect(booking).toMatchObject({ status: 'BOOKED', resident_name: '欧阳淑芬' });

    await page.locator('[data-test="track-receipt"]').click();
    await expect.poll(() => page.locator('[data-test="tracked-status"]').textContent()).toBe('已预约');
    // 360 px and up without sideways scrolling.
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll at ${width} px`).toBe(true);
    }

    // The evening has come (the admin offers 完成 once a slot has begun).
    await h.server.sql(`UPDATE service_slot SET starts_at = now() - interval '1 minute', ends_at = now() + interval '1 hour' WHERE id = $1`, [slot.id]);
    const [{ username }] = await h.server.sql(
      `SELECT u.username FROM app_user u JOIN service_slot s ON s.unit_id = u.unit_id WHERE s.id = $1 AND u.status = 'ACTIVE' AND u.role = 'UNIT_ADMIN' ORDER BY u.username LIMIT 1`,
      [slot.id],
    );

    // The committee's dashboard before (its default range ends today; in the alliance's zone, as the slot is dated).
    const committee = await h.page({ timezoneId: 'Asia/Shanghai' });
    await login(committee, 'committee');
    await committee.page.locator('[data-test="nav-dashboard"]').click();
    const figure = (key: string) => async () =>
      Number(((await committee.page.locator(`[data-test="kpi-${key}"] .el-statistic__number`).textContent()) ?? '').replace(/\D/g, ''));
    await expect.poll(() => committee.page.locator('[data-test="kpi-bookingsDone"] .el-statistic__number').count()).toBe(1);
    const doneBefore = await figure('bookingsDone')();
    const offHoursBefore = await figure('offHoursBookingsDone')();

    // The unit's liaison marks it done on its week's bookings, after confirming.
    const unit = await h.page({ timezoneId: 'Asia/Shanghai' });
    await login(unit, username);
    await unit.page.goto('/services/bookings');
    const status = unit.page.locator(`[data-test="booking-status-${booking.id}"]`);
    await expect.poll(() => status.getAttribute('data-status')).toBe('BOOKED');
    await unit.page.locator(`[data-test="booking-done-${booking.id}"]`).click();
    await unit.page.locator('.el-message-box', { hasText: '欧阳淑芬' }).getByRole('button', { name: '完成' }).click();
    await toast(unit.page, '已记录完成');
    await expect.poll(() => status.getAttribute('data-status')).toBe('DONE');
    expect((await h.server.sql(`SELECT status FROM booking WHERE id = $1`, [booking.id]))[0].status).toBe('DONE');

    // The committee sees both figures move by one.
    await committee.page.reload();
    await expect.poll(figure('bookingsDone')).toBe(doneBefore + 1);
    expect(await figure('offHoursBookingsDone')()).toBe(offHoursBefore + 1);

    await page.locator('[data-test="track"]').click();
    await expect.poll(() => page.locator('[data-test="tracked-status"]').textContent()).toBe('已办结');
    await finish('residents-book-and-track', resident, unit, committee);
  });

  it('a resident calls off a booking from the tracking view, after confirming; the place is free again', async () => {
    const [slot] = await h.server.sql(
      `SELECT s.id, s.booked FROM service_slot s JOIN shelf_project p ON p.id = s.shelf_project_id JOIN alliance a ON a.id = s.alliance_id
        WHERE a.code = 'songshan' AND p.status = 'ON_SHELF' AND s.starts_at > now() + interval '1 day' AND s.booked < s.capacity ORDER BY s.starts_at DESC LIMIT 1`,
    );
    const booked = await h.server.gql(
      `mutation($input: PublicBookingInput!) { publicBookServiceSlot(allianceCode: "songshan", input: $input) { trackingCode } }`,
      { input: { slotId: slot.id, residentName: '钱阿姨', residentPhone: '13704702468', captcha: await solvedCaptcha(h.server) } },
      null,
    );
    expect(booked.errors, JSON.stringify(booked.errors)).toBeUndefined();
    const code = booked.data.publicBookServiceSlot.trackingCode as string;

    const p = await h.page({ viewport: PHONE });
    const { page } = p;
    await page.goto('/r/songshan');
    await page.locator('[data-test="tab-track"]').click();
    await page.locator('[data-test="track-code"]').fill(code);
    await page.locator('[data-test="track-last4"]').fill('2468');
    await page.locator('[data-test="track"]').click();
    await expect.poll(() => page.locator('[data-test="tracked-status"]').textContent()).toBe('已预约');
    // Asked first; "不取消" keeps it.
    await page.locator('[data-test="tracked-cancel"]').click();
    await page.locator('[data-test="tracked-cancel-no"]').click();
    expect((await h.server.sql(`SELECT b.status FROM booking b JOIN public_tracking t ON t.subject_id = b.id WHERE t.code = $1`, [code]))[0].status).toBe('BOOKED');
    await page.locator('[data-test="tracked-cancel"]').click();
    await page.locator('[data-test="tracked-cancel-yes"]').click();
    await expect.poll(() => page.locator('[data-test="tracked-status"]').textContent()).toBe('已取消');
    expect(await page.locator('[data-test="tracked-cancel"]').count()).toBe(0);
    const [after] = await h.server.sql(
      `SELECT b.status, s.booked FROM booking b JOIN public_tracking t ON t.subject_id = b.id JOIN service_slot s ON s.id = b.slot_id WHERE t.code = $1`,
      [code],
    );
    expect(after).toEqual({ status: 'CANCELLED', booked: slot.booked });
    await finish('residents-cancel', p);
  });

    it('a resident reports a need and adds a photo from the phone, kept as the need\'s report photo', async () => {
    const [building] = await h.server.sql(
      `SELECT b.name FROM building b JOIN alliance a ON a.id = b.alliance_id WHERE a.code = 'songshan' ORDER BY b.sort_order, b.name LIMIT 1`,
    );
    const resident = await h.page({ viewport: PHONE });
    const { page } = resident;
    await page.goto('/r/songshan');
    await page.locator('[data-test="tab-need"]').click();
    const form = page.locator('[data-test="need-form"]');
    await choose(page, 'need-building', building.name);
    await form.locator('[data-test="need-address"]').fill('2单元301');
    await form.locator('[data-test="need-title"]').fill('单元门坏了');
    await form.locator('[data-test="need-text"]').fill('单元门的锁坏了三天，关不上');
    await form.locator('[data-test="name"]').fill('欧阳淑芬');
    await form.locator('[data-test="phone"]').fill('13912345678');
    await form.locator('[data-test="submit"]').click();
    const code = (await page.locator('[data-test="tracking-code"]').textContent({ timeout: 30_000 }))!.trim();

    // The phone's camera or its photos: an image input that asks for the back camera.
    const input = page.locator('[data-test="photo-input"]');
    expect(await input.getAttribute('accept')).toBe('image/*');
    expect(await input.getAttribute('capture')).toBe('environment');
    await input.setInputFiles({ name: '单元门.png', mimeType: 'image/png', buffer: RED_DOT });
    await expect.poll(() => page.locator('[data-test="photo-sent"]').textContent()).toContain('1');
    const stored = await h.server.sql(
      `SELECT a.stage, a.media_type, a.uploaded_by FROM attachment a JOIN public_tracking t ON t.subject_id = a.owner_id AND a.owner_type = 'NEED' WHERE t.code = $1`,
      [code],
    );
    // Refusals (wrong phone, a PDF, too late, too many) are the server test's: resident-photo.test.ts.
    expect(stored).toEqual([{ stage: 'REPORT', media_type: 'image/png', uploaded_by: null }]);
    await finish('residents-need-photo', resident);
  });
});
