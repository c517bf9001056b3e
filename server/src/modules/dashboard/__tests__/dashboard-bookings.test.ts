import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedTime } from '@alliance/shared';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';
import { rebuildDashboardDays } from '../dashboard.days.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const MAIN = demoId('songshan');
const NEIGHBOUR = demoId('songlin');
const FIGURES = `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { computedAt bookingsDone offHoursBookingsDone } }`;

/** A slot of one of the alliance's ON_SHELF projects, with bookings of the given statuses (written as the database holds them). */
async function slotWith(allianceId: string, startsAt: Date, offHours: boolean, statuses: string[]): Promise<{ slotId: string; unitId: string; bookingIds: string[] }> {
  const [p] = await s.sql(`SELECT id, unit_id FROM shelf_project WHERE alliance_id = $1 AND status = 'ON_SHELF' ORDER BY id LIMIT 1`, [allianceId]);
  const [slot] = await s.sql(
    `INSERT INTO service_slot (alliance_id, shelf_project_id, unit_id, starts_at, ends_at, capacity, off_hours)
     VALUES ($1, $2, $3, $4, $5, 10, $6) RETURNING id`,
    [allianceId, p.id, p.unit_id, startsAt, new Date(startsAt.getTime() + 3_600_000), offHours],
  );
  const bookingIds: string[] = [];
  for (const status of statuses) {
    const [b] = await s.sql(`INSERT INTO booking (alliance_id, slot_id, resident_name, resident_phone, status) VALUES ($1, $2, '王阿姨', '13904700000', $3) RETURNING id`, [
      allianceId,
      slot.id,
      status,
    ]);
    bookingIds.push(b.id);
  }
  // Rows written here bypass the domain events: the dashboard's days are counted from them again.
  await s.db.transaction((m) => rebuildDashboardDays(m, allianceId));
  return { slotId: slot.id, unitId: p.unit_id, bookingIds };
}

describe('dashboard: bookings done (错时约办)', () => {
  it('counts DONE bookings whose slot starts in range, in local time, and the off-hours ones among them', async () => {
    // March 2017, before the alliance was founded: no demo booking there.
    await slotWith(MAIN, zonedTime(2017, 3, 4, 19, 0), true, ['DONE', 'DONE', 'DONE', 'NO_SHOW', 'CANCELLED', 'BOOKED']);
    await slotWith(MAIN, zonedTime(2017, 3, 6, 10, 0), false, ['DONE', 'DONE']);
    // 31 March 23:30 local is still March (15:30 UTC); 1 April 00:30 local (16:30 UTC on 31 March) is not.
    await slotWith(MAIN, zonedTime(2017, 3, 31, 23, 30), true, ['DONE']);
    await slotWith(MAIN, zonedTime(2017, 4, 1, 0, 30), true, ['DONE']);
    // Another alliance's bookings are its own.
    await slotWith(NEIGHBOUR, zonedTime(2017, 3, 11, 9, 0), true, ['DONE', 'DONE']);

    const main = await (await s.as('committee'))(FIGURES, { from: '2017-03-01', to: '2017-03-31' });
    expect(main.errors).toBeUndefined();
    expect(main.data.dashboard).toMatchObject({ bookingsDone: 6, offHoursBookingsDone: 4 });
    const viewer = await (await s.as('viewer'))(FIGURES, { from: '2017-03-04', to: '2017-03-04' });
    expect(viewer.data.dashboard).toMatchObject({ bookingsDone: 3, offHoursBookingsDone: 3 });
    const neighbour = await (await s.as('n-committee'))(FIGURES, { from: '2017-03-01', to: '2017-03-31' });
    expect(neighbour.data.dashboard).toMatchObject({ bookingsDone: 2, offHoursBookingsDone: 2 });
  });

  it('a booking marked DONE refreshes the cached figures; a NO_SHOW leaves them cached', async () => {
    const { bookingIds } = await slotWith(MAIN, new Date(Date.now() - 3_600_000), true, ['BOOKED', 'BOOKED']);
    const committee = await s.as('committee');
    // The committee records outcomes for any unit (BOOKING_LIFECYCLE.complete).
    const unit = committee;
    const range = { from: '2024-01-01', to: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) };
    const complete = `mutation($id: ID!, $outcome: BookingStatus!) { completeBooking(id: $id, outcome: $outcome) { status } }`;

    const first = await committee(FIGURES, range);
    expect(first.errors).toBeUndefined();
    // The single numbers and both booking figures in one statement; from memory the second time.
    expect(first.sql).toBe(1);
    const again = await committee(FIGURES, range);
    expect(again.sql).toBe(0);
    expect(again.data.dashboard).toEqual(first.data.dashboard);

    const noShow = await unit(complete, { id: bookingIds[1], outcome: 'NO_SHOW' });
    expect(noShow.data.completeBooking.status).toBe('NO_SHOW');
    expect((await committee(FIGURES, range)).sql).toBe(0);

    const done = await unit(complete, { id: bookingIds[0], outcome: 'DONE' });
    expect(done.data.completeBooking.status).toBe('DONE');
    const after = await committee(FIGURES, range);
    expect(after.sql).toBe(1);
    expect(after.data.dashboard.bookingsDone).toBe(first.data.dashboard.bookingsDone + 1);
    expect(after.data.dashboard.offHoursBookingsDone).toBe(first.data.dashboard.offHoursBookingsDone + 1);
    expect(Date.parse(after.data.dashboard.computedAt)).toBeGreaterThan(Date.parse(first.data.dashboard.computedAt));
  });
});
