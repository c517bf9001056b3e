import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localParts, zonedTime } from '@alliance/shared';
import { startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';

/*
 * Issue 12: every act on the centre's rooms and on 错时约办 bookings reaches
 * the audit log through the audit subscriber, one row per act, by its actor,
 * and without the resident's name or phone.
 */

let s: TestServer;
let committee: Client;
let unit1: Client;
let grid1: Client;
let ids: Record<string, string>;

function ok<T = any>(r: GqlResult<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

/** [action, actor username, before status, after status] of the rows about one subject, in the order written. */
async function auditOf(subjectId: string): Promise<[string, string, string | null, string | null][]> {
  const rows: { action: string; username: string; summary: Record<string, any> }[] = await s.sql(
    `SELECT a.action, u.username, a.summary FROM audit_entry a JOIN app_user u ON u.id = a.actor_id WHERE a.subject_id = $1 ORDER BY a.at, a.id`,
    [subjectId],
  );
  return rows.map((r) => [r.action, r.username, r.summary.before?.status ?? null, r.summary.after?.status ?? null]);
}

beforeAll(async () => {
  s = await startTestServer();
  [committee, unit1, grid1] = await Promise.all(['committee', 'unit1', 'grid1'].map((u) => s.as(u)));
  const [u] = await s.sql(`SELECT unit_id FROM app_user WHERE username = 'unit1'`);
  const [p] = await s.sql(`SELECT id FROM shelf_project WHERE unit_id = $1 AND status = 'ON_SHELF' ORDER BY id LIMIT 1`, [u.unit_id]);
  const [v] = await s.sql(`SELECT id FROM venue WHERE name = '多功能厅'`);
  ids = { unit: u.unit_id, project: p.id, venue: v.id };
});
afterAll(() => s?.close());

// Days far from the demo's week and from other test files' days.
const at = (day: number, h: number) => {
  const t = localParts(new Date());
  return zonedTime(t.year, t.month, t.day + day, h).toISOString();
};

describe('audit of the rooms', () => {
  it('a reservation, a request, its confirmation, a decline and a cancellation: one row each, by whom, statuses before and after', async () => {
    const RESERVE = `mutation($venueId: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $purpose: String!, $residentName: String, $residentPhone: String) {
      reserveVenue(venueId: $venueId, startsAt: $startsAt, endsAt: $endsAt, purpose: $purpose, residentName: $residentName, residentPhone: $residentPhone) { id status } }`;
    const own = ok(await unit1(RESERVE, { venueId: ids.venue, startsAt: at(40, 9), endsAt: at(40, 10), purpose: '家长会' })).reserveVenue;
    const asked = { venueId: ids.venue, startsAt: at(41, 19), endsAt: at(41, 20), purpose: '居民议事', residentName: '赵阿姨', residentPhone: '13704701357' };
    const first = ok(await grid1(RESERVE, asked)).reserveVenue;
    const second = ok(await grid1(RESERVE, asked)).reserveVenue;
    ok(await committee(`mutation($id: ID!) { confirmVenueReservation(id: $id) { id } }`, { id: first.id }));
    ok(await committee(`mutation($id: ID!) { declineVenueReservation(id: $id) { id } }`, { id: second.id }));
    ok(await unit1(`mutation($id: ID!) { cancelVenueReservation(id: $id) { id } }`, { id: own.id }));

    expect(await auditOf(own.id)).toEqual([
      ['VENUE_RESERVE', 'unit1', null, 'CONFIRMED'],
      ['VENUE_CANCEL', 'unit1', 'CONFIRMED', 'CANCELLED'],
    ]);
    expect(await auditOf(first.id)).toEqual([
      ['VENUE_RESERVE', 'grid1', null, 'REQUESTED'],
      ['VENUE_CONFIRM', 'committee', 'REQUESTED', 'CONFIRMED'],
    ]);
    expect(await auditOf(second.id)).toEqual([
      ['VENUE_RESERVE', 'grid1', null, 'REQUESTED'],
      ['VENUE_DECLINE', 'committee', 'REQUESTED', 'DECLINED'],
    ]);
    const [kept] = await s.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE summary::text LIKE '%13704701357%' OR summary::text LIKE '%赵阿姨%'`);
    expect(kept.n).toBe(0);
  });
});

describe('audit of 错时约办', () => {
  it('slots published, a booking made, cancelled, done and not turned up: one row each', async () => {
    const slots = ok(
      await unit1(`mutation($projectId: ID!, $input: ServiceSlotsInput!) { createServiceSlots(projectId: $projectId, input: $input) { id } }`, {
        projectId: ids.project,
        input: { startsAt: at(43, 19), endsAt: at(43, 21), capacity: 3 },
      }),
    ).createServiceSlots;
    const [published] = await s.sql(`SELECT action, summary FROM audit_entry WHERE subject_id = $1 AND action = 'SLOTS_PUBLISH'`, [ids.project]);
    expect(published).toMatchObject({ action: 'SLOTS_PUBLISH', summary: { slots: 1, unitId: ids.unit } });

    const BOOK = `mutation($slotId: ID!, $input: BookingInput!) { bookServiceSlot(slotId: $slotId, input: $input) { id } }`;
    const cancelled = ok(await grid1(BOOK, { slotId: slots[0].id, input: { residentName: '钱大爷', residentPhone: '13904702468' } })).bookServiceSlot;
    ok(await grid1(`mutation($id: ID!) { cancelBooking(id: $id) { id } }`, { id: cancelled.id }));
    expect(await auditOf(cancelled.id)).toEqual([
      ['BOOKING_CREATE', 'grid1', null, 'BOOKED'],
      ['BOOKING_CANCEL', 'grid1', 'BOOKED', 'CANCELLED'],
    ]);

    // Outcomes are recorded once the slot has begun: two bookings of a slot that began an hour ago.
    const [begun] = await s.sql(
      `INSERT INTO service_slot (alliance_id, shelf_project_id, unit_id, starts_at, ends_at, capacity, off_hours)
       SELECT alliance_id, id, unit_id, now() - interval '1 hour', now() + interval '1 hour', 3, true FROM shelf_project WHERE id = $1 RETURNING id`,
      [ids.project],
    );
    const [done, absent] = await s.sql(
      `INSERT INTO booking (alliance_id, slot_id, resident_name, resident_phone, status)
       SELECT alliance_id, id, '孙奶奶', '13904701111', 'BOOKED' FROM service_slot, generate_series(1, 2) WHERE id = $1 RETURNING id`,
      [begun.id],
    );
    const COMPLETE = `mutation($id: ID!, $outcome: BookingStatus!) { completeBooking(id: $id, outcome: $outcome) { id } }`;
    ok(await unit1(COMPLETE, { id: done.id, outcome: 'DONE' }));
    ok(await unit1(COMPLETE, { id: absent.id, outcome: 'NO_SHOW' }));
    expect(await auditOf(done.id)).toEqual([['BOOKING_COMPLETE', 'unit1', 'BOOKED', 'DONE']]);
    expect(await auditOf(absent.id)).toEqual([['BOOKING_COMPLETE', 'unit1', 'BOOKED', 'NO_SHOW']]);
    const [kept] = await s.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE summary::text LIKE '%13904702468%' OR summary::text LIKE '%钱大爷%'`);
    expect(kept.n).toBe(0);
  });
});
