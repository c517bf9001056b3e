import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localParts, zonedTime } from '@alliance/shared';
import { seedServices } from '../../seed/services.js';
import { names, recordEvents } from '../../../testing/event-recorder.js';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';

const FIELDS = `id status purpose startsAt endsAt residentName residentPhone venue { id name } unit { id }`;
const VENUES = `{ venues { id name kind capacity opensAt closesAt } }`;
const RESERVE = `mutation($venueId: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $purpose: String!, $unitId: ID, $residentName: String, $residentPhone: String) {
  reserveVenue(venueId: $venueId, startsAt: $startsAt, endsAt: $endsAt, purpose: $purpose, unitId: $unitId, residentName: $residentName, residentPhone: $residentPhone) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelVenueReservation(id: $id) { id status } }`;
const CONFIRM = `mutation($id: ID!) { confirmVenueReservation(id: $id) { id status } }`;
const DECLINE = `mutation($id: ID!) { declineVenueReservation(id: $id) { id status } }`;
const CALENDAR = `query($from: DateTime!, $to: DateTime!, $venueId: ID) { venueReservations(from: $from, to: $to, venueId: $venueId) { ${FIELDS} } }`;

let s: TestServer;
let committee: Client;
let unit1: Client;
let unit2: Client;
let grid1: Client;
let viewer: Client;
let venues: Record<string, { id: string; name: string }>;
let unit1Id: string;
let unit2Id: string;
let events: ReturnType<typeof recordEvents>;

function ok<T = any>(r: GqlResult<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

// Each test takes days of its own, far from the demo's week, so no test's reservations meet another's.
let nextDay = 20;
function day() {
  const t = localParts(new Date());
  const d = nextDay++;
  return (h: number, min = 0) => zonedTime(t.year, t.month, t.day + d, h, min).toISOString();
}

async function rows(): Promise<number> {
  const [r] = await s.sql(`SELECT count(*)::int AS n FROM venue_reservation`);
  return r.n;
}

beforeAll(async () => {
  s = await startTestServer();
  [committee, unit1, unit2, grid1, viewer] = await Promise.all(['committee', 'unit1', 'unit2', 'grid1', 'viewer'].map((u) => s.as(u)));
  const list = ok(await committee(VENUES)).venues as { id: string; name: string }[];
  venues = Object.fromEntries(list.map((v) => [v.name, v]));
  [unit1Id, unit2Id] = await Promise.all(
    ['unit1', 'unit2'].map(async (u) => (await s.sql(`SELECT unit_id FROM app_user WHERE username = $1`, [u]))[0].unit_id as string),
  );
  events = recordEvents(s.events);
});
afterAll(() => s?.close());
beforeEach(() => void events?.take());

describe('venues', () => {
  it('every role sees the centre\'s rooms with capacity and opening hours', async () => {
    for (const c of [committee, unit1, grid1, viewer]) {
      const list = ok(await c(VENUES)).venues;
      expect(list.map((v: { name: string }) => v.name).sort()).toEqual(['图书室', '多功能厅', '心理咨询室', '篮球馆'].sort());
      expect(list.find((v: { name: string }) => v.name === '篮球馆')).toMatchObject({ kind: 'SPORTS', capacity: 40, opensAt: '08:00', closesAt: '21:00' });
    }
  });

  it('the demo week has confirmed reservations and residents\' requests waiting', async () => {
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const week = ok(await viewer(CALENDAR, { from, to })).venueReservations;
    expect(week.filter((r: { status: string }) => r.status === 'CONFIRMED').length).toBeGreaterThanOrEqual(3);
    expect(week.filter((r: { status: string }) => r.status === 'REQUESTED').length).toBeGreaterThanOrEqual(1);
  });
});

describe('reserveVenue per role', () => {
  it('the committee and a unit are confirmed at once; a grid worker\'s resident request waits', async () => {
    const at = day();
    const mine = ok(await committee(RESERVE, { venueId: venues['多功能厅']!.id, startsAt: at(9), endsAt: at(11), purpose: '联席会议' })).reserveVenue;
    expect(mine).toMatchObject({ status: 'CONFIRMED', purpose: '联席会议', unit: null, venue: { name: '多功能厅' } });
    const forUnit = ok(await committee(RESERVE, { venueId: venues['篮球馆']!.id, startsAt: at(9), endsAt: at(10), purpose: '训练', unitId: unit2Id })).reserveVenue;
    expect(forUnit).toMatchObject({ status: 'CONFIRMED', unit: { id: unit2Id } });
    const own = ok(await unit1(RESERVE, { venueId: venues['图书室']!.id, startsAt: at(14), endsAt: at(16), purpose: '共读' })).reserveVenue;
    expect(own).toMatchObject({ status: 'CONFIRMED', unit: { id: unit1Id } });
    const resident = ok(
      await grid1(RESERVE, { venueId: venues['篮球馆']!.id, startsAt: at(19), endsAt: at(21), purpose: '夜间友谊赛', residentName: '周师傅', residentPhone: '13904701234' }),
    ).reserveVenue;
    expect(resident).toMatchObject({ status: 'REQUESTED', residentName: '周师傅', residentPhone: '13904701234', unit: null });
    const [row] = await s.sql(`SELECT status, resident_phone, requested_by IS NOT NULL AS by FROM venue_reservation WHERE id = $1`, [resident.id]);
    expect(row).toEqual({ status: 'REQUESTED', resident_phone: '13904701234', by: true });
  });

  it('refuses the viewer, a unit reserving for another unit, and a grid worker without the resident', async () => {
    const at = day();
    const before = await rows();
    const base = { venueId: venues['图书室']!.id, startsAt: at(9), endsAt: at(10), purpose: '读书会' };
    expect(codeOf(await viewer(RESERVE, base))).toBe('FORBIDDEN');
    const other = await unit1(RESERVE, { ...base, unitId: unit2Id });
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(other.errors![0]!.extensions!.field).toBe('unitId');
    expect(codeOf(await unit1(RESERVE, { ...base, residentName: '某人' }))).toBe('FORBIDDEN');
    expect(codeOf(await grid1(RESERVE, { ...base, unitId: unit1Id }))).toBe('FORBIDDEN');
    const noName = await grid1(RESERVE, { ...base, residentPhone: '13904701234' });
    expect([codeOf(noName), noName.errors![0]!.extensions!.field]).toEqual(['BAD_USER_INPUT', 'residentName']);
    const noPhone = await grid1(RESERVE, { ...base, residentName: '周师傅' });
    expect([codeOf(noPhone), noPhone.errors![0]!.extensions!.field]).toEqual(['BAD_USER_INPUT', 'residentPhone']);
    expect(await rows()).toBe(before);
    expect(events.take().published).toEqual([]);
  });

  it('bad input: a clear error naming the field, nothing written', async () => {
    const at = day();
    const before = await rows();
    const base = { venueId: venues['心理咨询室']!.id, startsAt: at(10), endsAt: at(11), purpose: '心理咨询' };
    const past = new Date(Date.now() - 3600_000).toISOString();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ endsAt: at(9) }, 'endsAt', 'DATE_ORDER'],
      [{ endsAt: at(10) }, 'endsAt', 'DATE_ORDER'],
      [{ startsAt: past, endsAt: new Date(Date.now() + 3600_000).toISOString() }, 'startsAt', 'NOT_IN_FUTURE'],
      // 心理咨询室 opens 09:00–18:00.
      [{ startsAt: at(8), endsAt: at(10) }, 'startsAt', 'OUTSIDE_OPENING_HOURS'],
      [{ startsAt: at(17), endsAt: at(18, 30) }, 'startsAt', 'OUTSIDE_OPENING_HOURS'],
      [{ startsAt: at(17), endsAt: at(24 + 10) }, 'startsAt', 'OUTSIDE_OPENING_HOURS'],
      [{ purpose: '   ' }, 'purpose', 'REQUIRED'],
      [{ purpose: '长'.repeat(201) }, 'purpose', 'TOO_LONG'],
      [{ venueId: 'not-an-id' }, 'venueId', 'INVALID_ID'],
      [{ unitId: 'nope' }, 'unitId', 'INVALID_ID'],
      [{ residentName: '周师傅', residentPhone: '12345' }, 'residentPhone', 'INVALID_PHONE'],
    ];
    for (const [patch, field, reason] of cases) {
      const r = await committee(RESERVE, { ...base, ...patch });
      expect([codeOf(r), r.errors?.[0]?.extensions?.field, r.errors?.[0]?.extensions?.reason], JSON.stringify(patch)).toEqual(['BAD_USER_INPUT', field, reason]);
    }
    expect(codeOf(await committee(RESERVE, { ...base, venueId: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(await rows()).toBe(before);
    expect(events.take().published).toEqual([]);
    // The edges of the opening hours are inside.
    ok(await committee(RESERVE, { ...base, startsAt: at(9), endsAt: at(18) }));
  });

  it('a venue of another alliance is not found', async () => {
    const [other] = await s.sql(`SELECT id FROM alliance WHERE id <> (SELECT alliance_id FROM app_user WHERE username = 'committee') LIMIT 1`);
    const [v] = await s.sql(
      `INSERT INTO venue (alliance_id, name, kind, capacity, opens_at, closes_at) VALUES ($1, '邻联盟活动室', 'MEETING', 10, '08:00', '20:00') RETURNING id`,
      [other.id],
    );
    const at = day();
    expect(codeOf(await committee(RESERVE, { venueId: v.id, startsAt: at(9), endsAt: at(10), purpose: '越界' }))).toBe('NOT_FOUND');
    expect(ok(await committee(VENUES)).venues.map((x: { id: string }) => x.id)).not.toContain(v.id);
  });
});

describe('two confirmed reservations of one room never overlap', () => {
  it('an overlapping one is CONFLICT naming the reservation in the way; touching, other rooms and cancelled ones are fine', async () => {
    const at = day();
    const hall = venues['篮球馆']!.id;
    const first = ok(await committee(RESERVE, { venueId: hall, startsAt: at(10), endsAt: at(12), purpose: '第一场' })).reserveVenue;
    events.take();
    const before = await rows();
    for (const [from, to] of [[at(11), at(13)], [at(9), at(10, 1)], [at(10, 30), at(11)], [at(9), at(13)]] as const) {
      const r = await unit1(RESERVE, { venueId: hall, startsAt: from, endsAt: to, purpose: '撞车' });
      expect(codeOf(r)).toBe('CONFLICT');
      expect(r.errors![0]!.extensions).toMatchObject({ reason: 'VENUE_TAKEN', conflictsWith: first.id });
      expect(r.errors![0]!.message).toContain(first.id);
    }
    expect(await rows()).toBe(before);
    expect(events.take().published).toEqual([]);
    ok(await unit1(RESERVE, { venueId: hall, startsAt: at(12), endsAt: at(13), purpose: '紧接着' }));
    ok(await unit1(RESERVE, { venueId: hall, startsAt: at(8), endsAt: at(10), purpose: '之前' }));
    ok(await unit1(RESERVE, { venueId: venues['图书室']!.id, startsAt: at(10), endsAt: at(12), purpose: '别的房间' }));
    ok(await committee(CANCEL, { id: first.id }));
    ok(await unit1(RESERVE, { venueId: hall, startsAt: at(10, 30), endsAt: at(11, 30), purpose: '取消后空出' }));
  });

  it('residents\' requests may overlap; confirming one that collides is CONFLICT naming the other', async () => {
    const at = day();
    const room = venues['图书室']!.id;
    const ask = (name: string) =>
      grid1(RESERVE, { venueId: room, startsAt: at(18), endsAt: at(20), purpose: '读书会', residentName: name, residentPhone: '13704705678' });
    const a = ok(await ask('李阿姨')).reserveVenue;
    const b = ok(await ask('王大爷')).reserveVenue;
    expect(codeOf(await unit1(CONFIRM, { id: a.id }))).toBe('FORBIDDEN');
    expect(codeOf(await grid1(CONFIRM, { id: a.id }))).toBe('FORBIDDEN');
    expect(ok(await committee(CONFIRM, { id: a.id })).confirmVenueReservation.status).toBe('CONFIRMED');
    events.take();
    const refused = await committee(CONFIRM, { id: b.id });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.extensions).toMatchObject({ reason: 'VENUE_TAKEN', conflictsWith: a.id });
    expect(events.take().published).toEqual([]);
    const [row] = await s.sql(`SELECT status FROM venue_reservation WHERE id = $1`, [b.id]);
    expect(row.status).toBe('REQUESTED');
    expect(ok(await committee(DECLINE, { id: b.id })).declineVenueReservation.status).toBe('DECLINED');
    expect(codeOf(await committee(CONFIRM, { id: b.id }))).toBe('CONFLICT');
    expect(names(events.take().committed)).toEqual(['VenueReservationDeclined']);
  });

  it('a request holds nothing: a unit reserves over it, and confirming the request then is CONFLICT naming the unit\'s', async () => {
    const at = day();
    const room = venues['心理咨询室']!.id;
    const waiting = ok(
      await grid1(RESERVE, { venueId: room, startsAt: at(10), endsAt: at(12), purpose: '心理疏导', residentName: '刘女士', residentPhone: '13704702222' }),
    ).reserveVenue;
    expect(waiting.status).toBe('REQUESTED');
    const unitsOwn = ok(await unit1(RESERVE, { venueId: room, startsAt: at(11), endsAt: at(13), purpose: '教师心理讲座' })).reserveVenue;
    expect(unitsOwn.status).toBe('CONFIRMED');
    const refused = await committee(CONFIRM, { id: waiting.id });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.extensions).toMatchObject({ reason: 'VENUE_TAKEN', conflictsWith: unitsOwn.id });
    const [row] = await s.sql(`SELECT status FROM venue_reservation WHERE id = $1`, [waiting.id]);
    expect(row.status).toBe('REQUESTED');
  });

  it('20 overlapping requests at once: exactly one confirmed, 19 CONFLICT naming it (3 rounds)', async () => {
    for (let round = 0; round < 3; round++) {
      const at = day();
      const hall = venues['篮球馆']!.id;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? unit1 : committee)(RESERVE, { venueId: hall, startsAt: at(14, i), endsAt: at(15, 30), purpose: `并发${i}` }),
        ),
      );
      const won = results.filter((r) => !r.errors);
      expect(won).toHaveLength(1);
      const winner = won[0]!.data.reserveVenue.id;
      const lost = results.filter((r) => r.errors);
      expect(lost.map(codeOf)).toEqual(Array(19).fill('CONFLICT'));
      for (const r of lost) expect(r.errors![0]!.extensions).toMatchObject({ reason: 'VENUE_TAKEN', conflictsWith: winner });
      const held = await s.sql(`SELECT id FROM venue_reservation WHERE venue_id = $1 AND starts_at >= $2 AND starts_at < $3`, [hall, at(0), at(24)]);
      expect(held.map((x: { id: string }) => x.id)).toEqual([winner]);
    }
  });

  it('the database refuses an overlap by itself', async () => {
    const at = day();
    const [{ alliance_id }] = await s.sql(`SELECT alliance_id FROM app_user WHERE username = 'committee'`);
    const insert = (from: string, to: string, status: string) =>
      s.sql(`INSERT INTO venue_reservation (alliance_id, venue_id, purpose, status, starts_at, ends_at) VALUES ($1, $2, '直接写入', $3, $4, $5)`, [
        alliance_id,
        venues['多功能厅']!.id,
        status,
        from,
        to,
      ]);
    await insert(at(9), at(11), 'CONFIRMED');
    await expect(insert(at(10), at(12), 'CONFIRMED')).rejects.toMatchObject({ code: '23P01' });
    await insert(at(10), at(12), 'REQUESTED');
    await insert(at(10), at(12), 'CANCELLED');
  });
});

describe('cancelVenueReservation', () => {
  it('the committee or the unit it is for; not another unit, a grid worker or a viewer; never twice', async () => {
    const at = day();
    const r = ok(await unit1(RESERVE, { venueId: venues['多功能厅']!.id, startsAt: at(9), endsAt: at(10), purpose: '党课' })).reserveVenue;
    events.take();
    for (const c of [unit2, grid1, viewer]) expect(codeOf(await c(CANCEL, { id: r.id }))).toBe('FORBIDDEN');
    expect(events.take().published).toEqual([]);
    expect(ok(await unit1(CANCEL, { id: r.id })).cancelVenueReservation.status).toBe('CANCELLED');
    const { committed } = events.take();
    expect(names(committed)).toEqual(['VenueReservationCancelled']);
    expect(committed[0]).toMatchObject({ reservationId: r.id, from: 'CONFIRMED', to: 'CANCELLED', unitId: unit1Id });
    expect(codeOf(await committee(CANCEL, { id: r.id }))).toBe('CONFLICT');
    expect(codeOf(await committee(CANCEL, { id: 'bad' }))).toBe('BAD_USER_INPUT');
  });

  it('not once it has begun', async () => {
    const [{ alliance_id }] = await s.sql(`SELECT alliance_id FROM app_user WHERE username = 'committee'`);
    const [row] = await s.sql(
      `INSERT INTO venue_reservation (alliance_id, venue_id, purpose, status, starts_at, ends_at)
       VALUES ($1, $2, '进行中', 'CONFIRMED', now() - interval '10 minutes', now() + interval '50 minutes') RETURNING id`,
      [alliance_id, venues['心理咨询室']!.id],
    );
    const r = await committee(CANCEL, { id: row.id });
    expect([codeOf(r), r.errors![0]!.extensions!.field]).toEqual(['CONFLICT', 'startsAt']);
  });
});

describe('the week calendar', () => {
  it('lists what overlaps the range, per venue; residents\' phones masked for units and viewers', async () => {
    const at = day();
    const room = venues['心理咨询室']!.id;
    const r = ok(
      await grid1(RESERVE, { venueId: room, startsAt: at(9), endsAt: at(10), purpose: '咨询', residentName: '赵女士', residentPhone: '13812345678' }),
    ).reserveVenue;
    ok(await unit1(RESERVE, { venueId: venues['图书室']!.id, startsAt: at(9), endsAt: at(10), purpose: '别处' }));
    const phoneAs = async (c: Client) => {
      const list = ok(await c(CALENDAR, { from: at(0), to: at(24), venueId: room })).venueReservations;
      expect(list.map((x: { id: string }) => x.id)).toEqual([r.id]);
      return list[0].residentPhone;
    };
    expect(await phoneAs(committee)).toBe('13812345678');
    expect(await phoneAs(grid1)).toBe('13812345678');
    expect(await phoneAs(unit1)).toBe('138****5678');
    expect(await phoneAs(viewer)).toBe('138****5678');
    expect(ok(await committee(CALENDAR, { from: at(0), to: at(24) })).venueReservations).toHaveLength(2);
    // Half-open: a range ending as it begins does not hold it.
    expect(ok(await committee(CALENDAR, { from: at(0), to: at(9), venueId: room })).venueReservations).toEqual([]);
    const bad = await committee(CALENDAR, { from: at(10), to: at(9) });
    expect([codeOf(bad), bad.errors![0]!.extensions!.field]).toEqual(['BAD_USER_INPUT', 'to']);
    const long = await committee(CALENDAR, { from: at(0), to: new Date(Date.now() + 90 * 86_400_000).toISOString() });
    expect([codeOf(long), long.errors![0]!.extensions!.field]).toEqual(['BAD_USER_INPUT', 'to']);
  });
});

describe('events', () => {
  it('a reservation publishes VenueReserved with its facts', async () => {
    const at = day();
    const r = ok(await unit1(RESERVE, { venueId: venues['图书室']!.id, startsAt: at(9), endsAt: at(10), purpose: '读书' })).reserveVenue;
    const { committed } = events.take();
    expect(names(committed)).toEqual(['VenueReserved']);
    expect(committed[0]).toMatchObject({ reservationId: r.id, venueId: venues['图书室']!.id, unitId: unit1Id, status: 'CONFIRMED' });
  });
});

describe('demo data', () => {
  it('has the rooms and 错时约办 slots, and seeding again changes nothing', async () => {
    const counts = async () =>
      (await s.sql(`SELECT (SELECT count(*)::int FROM venue) AS venues, (SELECT count(*)::int FROM venue_reservation) AS reservations,
                           (SELECT count(*)::int FROM service_slot) AS slots, (SELECT count(*) FILTER (WHERE off_hours)::int FROM service_slot) AS off`))[0];
    const before = await counts();
    expect(before.slots).toBeGreaterThanOrEqual(12);
    expect(before.off).toBeGreaterThan(0);
    await seedServices(s.db.manager, 'songshan', new Date());
    expect(await counts()).toEqual(before);
  });
});
