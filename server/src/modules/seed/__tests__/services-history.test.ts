import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADJUSTED_WORKDAYS, localDate } from '@alliance/shared';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../ids.js';

/* Issue 12: the demo's 错时约办 history ("900+ handled") and this week's bookings, as the admin sees them. */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const MAIN = demoId('songshan');

async function ask(who: string, query: string, vars: Record<string, unknown> = {}) {
  const r = await (await s.as(who))(query, vars);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}

describe('错时约办 in the demo data', () => {
  it('900+ off-hours bookings done since the practice began in 2019, none before, some residents not turning up', async () => {
    const FIGURES = `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { bookingsDone offHoursBookingsDone } }`;
    const since = (await ask('committee', FIGURES, { from: '2019-01-01', to: localDate() })).dashboard;
    expect(since.bookingsDone).toBeGreaterThanOrEqual(900);
    expect(since.offHoursBookingsDone).toBeGreaterThanOrEqual(900);
    const before = (await ask('committee', FIGURES, { from: '2018-07-01', to: '2019-03-03' })).dashboard;
    expect(before).toEqual({ bookingsDone: 0, offHoursBookingsDone: 0 });
    // Every year since has its share.
    for (let year = 2019; year < Number(localDate().slice(0, 4)); year++) {
      expect((await ask('viewer', FIGURES, { from: `${year}-01-01`, to: `${year}-12-31` })).dashboard.bookingsDone).toBeGreaterThan(80);
    }
    const [history] = await s.sql(
      `SELECT count(*) FILTER (WHERE b.status = 'NO_SHOW')::int AS no_show, count(DISTINCT s.shelf_project_id)::int AS projects,
              bool_and(s.booked <= s.capacity) AS within_capacity
         FROM booking b JOIN service_slot s ON s.id = b.slot_id
        WHERE b.alliance_id = $1 AND s.starts_at < now() - interval '8 days'`,
      [MAIN],
    );
    expect(history.no_show).toBeGreaterThan(20);
    expect(history.projects).toBeGreaterThanOrEqual(3);
    // Evenings and weekends, except a Saturday morning on a 调休 workday.
    const inOfficeHours = await s.sql(
      `SELECT DISTINCT to_char(s.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
         FROM booking b JOIN service_slot s ON s.id = b.slot_id
        WHERE b.alliance_id = $1 AND s.starts_at < now() - interval '8 days' AND NOT s.off_hours`,
      [MAIN],
    );
    expect(inOfficeHours.filter((r: { day: string }) => !ADJUSTED_WORKDAYS.has(r.day))).toEqual([]);
    expect(history.within_capacity).toBe(true);
  });

  it("this week's bookings fill unit1's week screen", async () => {
    const today = new Date(`${localDate()}T00:00:00Z`);
    const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * 86_400_000);
    const from = monday.toISOString().slice(0, 10);
    const to = new Date(monday.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
    const week = (await ask('unit1', `query($from: Date!, $to: Date!) { unitBookings(from: $from, to: $to) { status slot { offHours } } }`, { from, to })).unitBookings;
    expect(week.length).toBeGreaterThanOrEqual(6);
    expect(week.every((b: { status: string; slot: { offHours: boolean } }) => b.status === 'BOOKED' && b.slot.offHours)).toBe(true);
  });
});
