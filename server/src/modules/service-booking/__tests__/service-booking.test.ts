import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { zonedTime } from '@alliance/shared';
import { names, recordEvents } from '../../../testing/event-recorder.js';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';

const SLOT = `id startsAt endsAt capacity booked offHours project { id }`;
const CREATE = `mutation($projectId: ID!, $input: ServiceSlotsInput!) { createServiceSlots(projectId: $projectId, input: $input) { ${SLOT} } }`;
const SLOTS = `query($projectId: ID!, $from: Date!, $to: Date!) { serviceSlots(projectId: $projectId, from: $from, to: $to) { ${SLOT} bookings { id status residentName residentPhone } } }`;
const BOOK = `mutation($slotId: ID!, $input: BookingInput!) { bookServiceSlot(slotId: $slotId, input: $input) { id status residentName residentPhone note slot { id booked } } }`;
const CANCEL = `mutation($id: ID!) { cancelBooking(id: $id) { id status slot { booked } } }`;
const COMPLETE = `mutation($id: ID!, $outcome: BookingStatus!) { completeBooking(id: $id, outcome: $outcome) { id status residentPhone slot { booked } } }`;

let s: TestServer;
let committee: Client;
let unit1: Client;
let unit2: Client;
let grid1: Client;
let viewer: Client;
let alliance: string;
let unit1Id: string;
let unit2Id: string;
let category: string;
let events: ReturnType<typeof recordEvents>;
const RESIDENT = { residentName: '周师傅', residentPhone: '13904701234' };

function ok<T = any>(r: GqlResult<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}
const refusal = (r: GqlResult) => [codeOf(r), r.errors?.[0]?.extensions?.field, r.errors?.[0]?.extensions?.reason];

let seq = 0;
async function project(unitId = unit1Id, status = 'ON_SHELF'): Promise<string> {
  seq++;
  const [p] = await s.sql(
    `INSERT INTO shelf_project (alliance_id, unit_id, category_id, title, description, status, capacity_per_month, tags)
     VALUES ($1, $2, $3, $4, '错时约办测试', $5, 10, '{}') RETURNING id`,
    [alliance, unitId, category, `错时约办${seq}`, status],
  );
  return p.id;
}

// A Monday far ahead, a week of its own per call (2091-01-01 is a Monday).
let week = 0;
function monday() {
  const w = week++;
  return (day: number, h: number, min = 0) => zonedTime(2091, 1, 1 + 7 * w + day, h, min).toISOString();
}

/** A slot of unit1's, `days` from now (negative: it has begun), with `capacity` places. */
async function slotAt(days: number, capacity = 5, unitId = unit1Id): Promise<string> {
  const starts = new Date(Date.now() + days * 86_400_000 + seq++ * 60_000);
  const [row] = await s.sql(
    `INSERT INTO service_slot (alliance_id, shelf_project_id, unit_id, starts_at, ends_at, capacity, off_hours)
     VALUES ($1, $2, $3, $4, $5, $6, true) RETURNING id`,
    [alliance, await project(unitId), unitId, starts, new Date(starts.getTime() + 3_600_000), capacity],
  );
  return row.id;
}

async function booked(slotId: string) {
  const [r] = await s.sql(`SELECT booked FROM service_slot WHERE id = $1`, [slotId]);
  return r.booked as number;
}

beforeAll(async () => {
  s = await startTestServer();
  [committee, unit1, unit2, grid1, viewer] = await Promise.all(['committee', 'unit1', 'unit2', 'grid1', 'viewer'].map((u) => s.as(u)));
  const [u] = await s.sql(`SELECT alliance_id, unit_id FROM app_user WHERE username = 'unit1'`);
  [alliance, unit1Id] = [u.alliance_id, u.unit_id];
  unit2Id = (await s.sql(`SELECT unit_id FROM app_user WHERE username = 'unit2'`))[0].unit_id;
  category = (await s.sql(`SELECT id FROM service_category WHERE alliance_id = $1 LIMIT 1`, [alliance]))[0].id;
  events = recordEvents(s.events);
});
afterAll(() => s?.close());
beforeEach(() => void events?.take());

describe('createServiceSlots', () => {
  it('a unit publishes weekly evening slots of its ON_SHELF project, marked off-hours; a weekday morning is not', async () => {
    const p = await project();
    const at = monday();
    const evenings = ok(await unit1(CREATE, { projectId: p, input: { startsAt: at(0, 19), endsAt: at(0, 21), capacity: 3, weeks: 3 } })).createServiceSlots;
    expect(evenings.map((x: { startsAt: string }) => x.startsAt)).toEqual([at(0, 19), at(7, 19), at(14, 19)]);
    expect(evenings.every((x: { offHours: boolean; capacity: number; booked: number }) => x.offHours && x.capacity === 3 && x.booked === 0)).toBe(true);
    const morning = ok(await committee(CREATE, { projectId: p, input: { startsAt: at(1, 9), endsAt: at(1, 11), capacity: 2 } })).createServiceSlots;
    expect(morning).toHaveLength(1);
    expect(morning[0]).toMatchObject({ offHours: false, project: { id: p } });
    const saturday = ok(await unit1(CREATE, { projectId: p, input: { startsAt: at(5, 9), endsAt: at(5, 11), capacity: 2 } })).createServiceSlots;
    expect(saturday[0].offHours).toBe(true);
    expect(names(events.take().committed)).toEqual(['ServiceSlotsCreated', 'ServiceSlotsCreated', 'ServiceSlotsCreated']);
    // Every role reads them, by local days.
    for (const c of [viewer, grid1, unit2]) {
      const list = ok(await c(SLOTS, { projectId: p, from: '2091-01-01', to: '2091-01-01' })).serviceSlots;
      expect(list.map((x: { startsAt: string }) => x.startsAt)).toEqual([at(0, 19)]);
    }
    expect(ok(await viewer(SLOTS, { projectId: p, from: '2091-01-01', to: '2091-01-31' })).serviceSlots).toHaveLength(5);
  });

  it('refuses other units, grid workers, viewers, and projects not on the shelf; a slot twice is CONFLICT', async () => {
    const p = await project();
    const at = monday();
    const input = { startsAt: at(0, 19), endsAt: at(0, 20), capacity: 3 };
    const other = await unit2(CREATE, { projectId: p, input });
    expect(refusal(other).slice(0, 2)).toEqual(['FORBIDDEN', 'projectId']);
    expect(codeOf(await grid1(CREATE, { projectId: p, input }))).toBe('FORBIDDEN');
    expect(codeOf(await viewer(CREATE, { projectId: p, input }))).toBe('FORBIDDEN');
    expect(codeOf(await unit1(CREATE, { projectId: await project(unit1Id, 'DRAFT'), input }))).toBe('CONFLICT');
    expect(events.take().published).toEqual([]);
    ok(await unit1(CREATE, { projectId: p, input }));
    const twice = await unit1(CREATE, { projectId: p, input: { ...input, weeks: 2 } });
    expect(refusal(twice).slice(0, 2)).toEqual(['CONFLICT', 'input.startsAt']);
    const [n] = await s.sql(`SELECT count(*)::int AS n FROM service_slot WHERE shelf_project_id = $1`, [p]);
    expect(n.n).toBe(1);
  });

  it('bad input names the field and writes nothing', async () => {
    const p = await project();
    const at = monday();
    const base = { startsAt: at(0, 19), endsAt: at(0, 20), capacity: 3 };
    const past = new Date(Date.now() - 3600_000).toISOString();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ startsAt: past, endsAt: new Date().toISOString() }, 'input.startsAt', 'NOT_IN_FUTURE'],
      [{ endsAt: at(0, 18) }, 'input.endsAt', 'DATE_ORDER'],
      [{ endsAt: at(1, 19) }, 'input.endsAt', 'OUT_OF_RANGE'],
      [{ capacity: 0 }, 'input.capacity', 'OUT_OF_RANGE'],
      [{ capacity: 1001 }, 'input.capacity', 'OUT_OF_RANGE'],
      [{ weeks: 0 }, 'input.weeks', 'OUT_OF_RANGE'],
      [{ weeks: 27 }, 'input.weeks', 'OUT_OF_RANGE'],
    ];
    for (const [patch, field, reason] of cases) expect(refusal(await unit1(CREATE, { projectId: p, input: { ...base, ...patch } })), JSON.stringify(patch)).toEqual(['BAD_USER_INPUT', field, reason]);
    expect(refusal(await unit1(CREATE, { projectId: 'nope', input: base }))).toEqual(['BAD_USER_INPUT', 'projectId', 'INVALID_ID']);
    const bad = await viewer(SLOTS, { projectId: p, from: '2091-02-01', to: '2091-01-01' });
    expect(refusal(bad).slice(0, 2)).toEqual(['BAD_USER_INPUT', 'to']);
    const [n] = await s.sql(`SELECT count(*)::int AS n FROM service_slot WHERE shelf_project_id = $1`, [p]);
    expect(n.n).toBe(0);
  });
});

describe('bookServiceSlot', () => {
  it('a grid worker or the committee books for a resident; units and viewers may not', async () => {
    const slot = await slotAt(10);
    const b = ok(await grid1(BOOK, { slotId: slot, input: { ...RESIDENT, note: '行动不便' } })).bookServiceSlot;
    expect(b).toMatchObject({ status: 'BOOKED', residentName: '周师傅', residentPhone: '13904701234', note: '行动不便', slot: { id: slot, booked: 1 } });
    ok(await committee(BOOK, { slotId: slot, input: RESIDENT }));
    expect(codeOf(await unit1(BOOK, { slotId: slot, input: RESIDENT }))).toBe('FORBIDDEN');
    expect(codeOf(await viewer(BOOK, { slotId: slot, input: RESIDENT }))).toBe('FORBIDDEN');
    expect(await booked(slot)).toBe(2);
    const { committed } = events.take();
    expect(names(committed)).toEqual(['ServiceSlotBooked', 'ServiceSlotBooked']);
    expect(committed[0]).toMatchObject({ bookingId: b.id, slotId: slot, unitId: unit1Id, offHours: true });
  });

  it('bad input, begun slots and taken-down projects are refused, nothing written', async () => {
    const slot = await slotAt(10);
    expect(refusal(await grid1(BOOK, { slotId: slot, input: { ...RESIDENT, residentPhone: '123' } }))).toEqual(['BAD_USER_INPUT', 'input.residentPhone', 'INVALID_PHONE']);
    expect(refusal(await grid1(BOOK, { slotId: slot, input: { ...RESIDENT, residentName: '  ' } }))).toEqual(['BAD_USER_INPUT', 'input.residentName', 'REQUIRED']);
    expect(refusal(await grid1(BOOK, { slotId: 'x', input: RESIDENT }))).toEqual(['BAD_USER_INPUT', 'slotId', 'INVALID_ID']);
    expect(codeOf(await grid1(BOOK, { slotId: '00000000-0000-4000-8000-000000000000', input: RESIDENT }))).toBe('NOT_FOUND');
    expect(refusal(await grid1(BOOK, { slotId: await slotAt(-1), input: RESIDENT })).slice(0, 2)).toEqual(['CONFLICT', 'slotId']);
    await s.sql(`UPDATE shelf_project SET status = 'OFF_SHELF' WHERE id = (SELECT shelf_project_id FROM service_slot WHERE id = $1)`, [slot]);
    expect(codeOf(await grid1(BOOK, { slotId: slot, input: RESIDENT }))).toBe('CONFLICT');
    expect(await booked(slot)).toBe(0);
    expect(events.take().published).toEqual([]);
  });

  it('50 bookings at once of a 3-place slot: exactly 3 BOOKED, 47 CONFLICT (3 rounds)', async () => {
    for (let round = 0; round < 3; round++) {
      const slot = await slotAt(10, 3);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 ? grid1 : committee)(BOOK, { slotId: slot, input: { residentName: `居民${i}`, residentPhone: '13904701234' } })),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(3);
      const lost = results.filter((r) => r.errors);
      expect(lost.map(codeOf)).toEqual(Array(47).fill('CONFLICT'));
      for (const r of lost) expect(r.errors![0]!.extensions!.reason).toBe('SLOT_FULL');
      expect(await booked(slot)).toBe(3);
      const [n] = await s.sql(`SELECT count(*)::int AS n FROM booking WHERE slot_id = $1`, [slot]);
      expect(n.n).toBe(3);
    }
  });

  it('the database holds the capacity by itself', async () => {
    const slot = await slotAt(10, 1);
    const insert = () => s.sql(`INSERT INTO booking (alliance_id, slot_id, resident_name, resident_phone, status) VALUES ($1, $2, '甲', '13904701234', 'BOOKED')`, [alliance, slot]);
    await insert();
    await expect(insert()).rejects.toMatchObject({ code: '23514' });
  });
});

describe('cancelBooking and completeBooking', () => {
  it('a grid worker or the committee cancels before the slot begins, freeing the place; not a unit or viewer; never twice', async () => {
    const slot = await slotAt(10, 1);
    const b = ok(await grid1(BOOK, { slotId: slot, input: RESIDENT })).bookServiceSlot;
    expect(codeOf(await grid1(BOOK, { slotId: slot, input: RESIDENT }))).toBe('CONFLICT');
    events.take();
    expect(codeOf(await unit1(CANCEL, { id: b.id }))).toBe('FORBIDDEN');
    expect(codeOf(await viewer(CANCEL, { id: b.id }))).toBe('FORBIDDEN');
    expect(events.take().published).toEqual([]);
    expect(ok(await grid1(CANCEL, { id: b.id })).cancelBooking).toMatchObject({ status: 'CANCELLED', slot: { booked: 0 } });
    expect(names(events.take().committed)).toEqual(['BookingCancelled']);
    expect(codeOf(await committee(CANCEL, { id: b.id }))).toBe('CONFLICT');
    ok(await committee(BOOK, { slotId: slot, input: RESIDENT }));
  });

  it('the slot\'s unit records DONE or NO_SHOW once it has begun; other units, grid workers and viewers may not', async () => {
    const slot = await slotAt(-1, 5);
    const book = async () =>
      (await s.sql(`INSERT INTO booking (alliance_id, slot_id, resident_name, resident_phone, status) VALUES ($1, $2, '甲', '13904701234', 'BOOKED') RETURNING id`, [alliance, slot]))[0].id;
    const [a, b] = [await book(), await book()];
    for (const c of [unit2, grid1, viewer]) expect(codeOf(await c(COMPLETE, { id: a, outcome: 'DONE' }))).toBe('FORBIDDEN');
    expect(refusal(await unit1(COMPLETE, { id: a, outcome: 'BOOKED' })).slice(0, 2)).toEqual(['BAD_USER_INPUT', 'outcome']);
    expect(codeOf(await grid1(CANCEL, { id: a }))).toBe('CONFLICT');
    expect(events.take().published).toEqual([]);
    expect(ok(await unit1(COMPLETE, { id: a, outcome: 'DONE' })).completeBooking).toMatchObject({ status: 'DONE', residentPhone: '13904701234', slot: { booked: 2 } });
    expect(ok(await unit1(COMPLETE, { id: b, outcome: 'NO_SHOW' })).completeBooking).toMatchObject({ status: 'NO_SHOW', slot: { booked: 1 } });
    const { committed } = events.take();
    expect(committed.map((e: any) => [e.constructor.name, e.to, e.offHours])).toEqual([
      ['BookingCompleted', 'DONE', true],
      ['BookingCompleted', 'NO_SHOW', true],
    ]);
    expect(codeOf(await unit1(COMPLETE, { id: a, outcome: 'NO_SHOW' }))).toBe('CONFLICT');
    const future = ok(await grid1(BOOK, { slotId: await slotAt(10), input: RESIDENT })).bookServiceSlot;
    expect(refusal(await unit1(COMPLETE, { id: future.id, outcome: 'DONE' }))).toEqual(['CONFLICT', 'id', 'TOO_EARLY']);
    // The committee records for any unit.
    expect(ok(await committee(COMPLETE, { id: await book(), outcome: 'NO_SHOW' })).completeBooking.status).toBe('NO_SHOW');
  });

  it('a resident\'s phone is clear for the committee, grid workers and the slot\'s unit; masked for others', async () => {
    const at = monday();
    const p = await project();
    const [slot] = ok(await unit1(CREATE, { projectId: p, input: { startsAt: at(0, 19), endsAt: at(0, 20), capacity: 3 } })).createServiceSlots;
    ok(await grid1(BOOK, { slotId: slot.id, input: RESIDENT }));
    const phoneAs = async (c: Client) => ok(await c(SLOTS, { projectId: p, from: '2091-01-01', to: '2091-03-01' })).serviceSlots[0].bookings[0].residentPhone;
    expect(await phoneAs(committee)).toBe('13904701234');
    expect(await phoneAs(grid1)).toBe('13904701234');
    expect(await phoneAs(unit1)).toBe('13904701234');
    expect(await phoneAs(unit2)).toBe('139****1234');
    expect(await phoneAs(viewer)).toBe('139****1234');
  });
});

describe('unitBookings: the unit\'s bookings for the week', () => {
  const LIST = `query($from: Date!, $to: Date!, $unitId: ID) { unitBookings(from: $from, to: $to, unitId: $unitId) { id status residentName residentPhone location note slot { id startsAt offHours project { id unit { id } } } } }`;

  /** Unit1 and unit2 each publish a week's slots; grid1 books residents with their building. */
  async function week() {
    const at = monday();
    const [p1, p2] = [await project(), await project(unit2Id)];
    const [late] = ok(await unit1(CREATE, { projectId: p1, input: { startsAt: at(2, 19), endsAt: at(2, 20), capacity: 3 } })).createServiceSlots;
    const [early] = ok(await unit1(CREATE, { projectId: p1, input: { startsAt: at(0, 9), endsAt: at(0, 10), capacity: 3 } })).createServiceSlots;
    const [other] = ok(await unit2(CREATE, { projectId: p2, input: { startsAt: at(1, 19), endsAt: at(1, 20), capacity: 3 } })).createServiceSlots;
    const book = async (slotId: string, residentName: string, location: string | null) =>
      ok(await grid1(BOOK, { slotId, input: { ...RESIDENT, residentName, location } })).bookServiceSlot.id as string;
    const ids = { a: await book(late.id, '王建国', '松山小区3号楼2单元501'), b: await book(early.id, '欧阳娜娜', null), c: await book(other.id, '李梅', '松山路12号院') };
    const day = (d: number) => at(d, 12).slice(0, 10);
    return { ...ids, early, late, other, from: day(0), to: day(6), at };
  }

  it('a unit admin reads its own unit\'s week by slot start, names, phones and buildings clear; not another unit\'s', async () => {
    const w = await week();
    const mine = ok(await unit1(LIST, { from: w.from, to: w.to })).unitBookings;
    expect(mine.map((b: { id: string }) => b.id)).toEqual([w.b, w.a]);
    expect(mine[1]).toMatchObject({ status: 'BOOKED', residentName: '王建国', residentPhone: '13904701234', location: '松山小区3号楼2单元501', slot: { id: w.late.id, offHours: true, project: { unit: { id: unit1Id } } } });
    expect(mine[0]).toMatchObject({ residentName: '欧阳娜娜', location: null, slot: { offHours: false } });
    // Its own unit named explicitly is the same list; a day outside the week is not in it.
    expect(ok(await unit1(LIST, { from: w.from, to: w.to, unitId: unit1Id })).unitBookings).toEqual(mine);
    expect(ok(await unit1(LIST, { from: w.from, to: w.from })).unitBookings.map((b: { id: string }) => b.id)).toEqual([w.b]);
    const theirs = await unit1(LIST, { from: w.from, to: w.to, unitId: unit2Id });
    expect(refusal(theirs).slice(0, 2)).toEqual(['FORBIDDEN', 'unitId']);
    expect(theirs.data).toBeNull();
    expect(ok(await unit2(LIST, { from: w.from, to: w.to })).unitBookings.map((b: { id: string }) => b.id)).toEqual([w.c]);
  });

  it('the committee, grid workers and viewers read any unit\'s or all; the viewer sees names, phones and buildings masked', async () => {
    const w = await week();
    for (const c of [committee, grid1, viewer]) {
      expect(ok(await c(LIST, { from: w.from, to: w.to })).unitBookings.map((b: { id: string }) => b.id)).toEqual([w.b, w.c, w.a]);
      expect(ok(await c(LIST, { from: w.from, to: w.to, unitId: unit2Id })).unitBookings.map((b: { id: string }) => b.id)).toEqual([w.c]);
    }
    const clear = ok(await committee(LIST, { from: w.from, to: w.to })).unitBookings;
    expect(clear.map((b: any) => [b.residentName, b.residentPhone, b.location])).toEqual([
      ['欧阳娜娜', '13904701234', null],
      ['李梅', '13904701234', '松山路12号院'],
      ['王建国', '13904701234', '松山小区3号楼2单元501'],
    ]);
    const masked = ok(await viewer(LIST, { from: w.from, to: w.to })).unitBookings;
    expect(masked.map((b: any) => [b.residentName, b.residentPhone, b.location])).toEqual([
      ['欧阳**', '139****1234', null],
      ['李**', '139****1234', '松山路**'],
      ['王**', '139****1234', '松山小区3号楼'],
    ]);
  });

  it('DONE and cancelled bookings stay in the list with their status', async () => {
    const w = await week();
    await s.sql(`UPDATE booking SET status = 'DONE' WHERE id = $1`, [w.a]);
    ok(await grid1(CANCEL, { id: w.b }));
    const list = ok(await unit1(LIST, { from: w.from, to: w.to })).unitBookings;
    expect(list.map((b: { id: string; status: string }) => [b.id, b.status])).toEqual([[w.b, 'CANCELLED'], [w.a, 'DONE']]);
  });

  it('sends as many SQL statements for six bookings on three projects as for one', async () => {
    const Q = `query($from: Date!, $to: Date!) { unitBookings(from: $from, to: $to) { id residentPhone slot { id offHours project { title unit { name } } } } }`;
    const weekOf = async (projects: number, perSlot: number) => {
      const at = monday();
      for (let k = 0; k < projects; k++) {
        const [slot] = ok(await committee(CREATE, { projectId: await project(k % 2 ? unit2Id : unit1Id), input: { startsAt: at(k, 19), endsAt: at(k, 20), capacity: 3 } })).createServiceSlots;
        for (let i = 0; i < perSlot; i++) ok(await grid1(BOOK, { slotId: slot.id, input: RESIDENT }));
      }
      return { from: at(0, 12).slice(0, 10), to: at(6, 12).slice(0, 10) };
    };
    const one = await committee(Q, await weekOf(1, 1));
    const six = await committee(Q, await weekOf(3, 2));
    expect(ok(one).unitBookings).toHaveLength(1);
    expect(ok(six).unitBookings).toHaveLength(6);
    expect(new Set(ok(six).unitBookings.map((b: any) => b.slot.project.unit.name)).size).toBe(2);
    expect(Number.isFinite(one.sql)).toBe(true);
    expect(six.sql).toBe(one.sql);
  });

  it('bad input names the field', async () => {
    expect(refusal(await unit1(LIST, { from: '2091-02-01', to: '2091-01-01' })).slice(0, 2)).toEqual(['BAD_USER_INPUT', 'to']);
    expect(refusal(await unit1(LIST, { from: '2091-01-01', to: '2091-06-01' })).slice(0, 2)).toEqual(['BAD_USER_INPUT', 'to']);
    expect(refusal(await committee(LIST, { from: '2091-01-01', to: '2091-01-07', unitId: 'x' })).slice(0, 2)).toEqual(['BAD_USER_INPUT', 'unitId']);
    expect(refusal(await committee(LIST, { from: '2091-13-01', to: '2091-13-07' })).slice(0, 2)).toEqual(['BAD_USER_INPUT', 'from']);
  });
});

describe('a resident\'s building on a booking', () => {
  it('is kept trimmed; longer than 200 characters is BAD_USER_INPUT naming input.location, nothing written', async () => {
    const slot = await slotAt(10);
    const b = ok(await grid1(BOOK, { slotId: slot, input: { ...RESIDENT, location: '  松山小区5号楼 ' } })).bookServiceSlot;
    const [row] = await s.sql(`SELECT location FROM booking WHERE id = $1`, [b.id]);
    expect(row.location).toBe('松山小区5号楼');
    expect(refusal(await committee(BOOK, { slotId: slot, input: { ...RESIDENT, location: '楼'.repeat(201) } })).slice(0, 2)).toEqual(['BAD_USER_INPUT', 'input.location']);
    expect(await booked(slot)).toBe(1);
  });
});

describe('tenancy: another alliance', () => {
  it('finds none of these slots or bookings, and reads none of them', async () => {
    const n = await s.as('n-committee');
    const nUnit = await s.as('n-unit1');
    const at = monday();
    const p = await project();
    const [slot] = ok(await unit1(CREATE, { projectId: p, input: { startsAt: at(0, 19), endsAt: at(0, 20), capacity: 3 } })).createServiceSlots;
    const b = ok(await grid1(BOOK, { slotId: slot.id, input: RESIDENT })).bookServiceSlot;
    events.take();
    const input = { startsAt: at(1, 19), endsAt: at(1, 20), capacity: 3 };
    expect(codeOf(await n(CREATE, { projectId: p, input }))).toBe('NOT_FOUND');
    expect(codeOf(await n(BOOK, { slotId: slot.id, input: RESIDENT }))).toBe('NOT_FOUND');
    expect(codeOf(await n(CANCEL, { id: b.id }))).toBe('NOT_FOUND');
    expect(codeOf(await n(COMPLETE, { id: b.id, outcome: 'DONE' }))).toBe('NOT_FOUND');
    expect(ok(await n(SLOTS, { projectId: p, from: '2091-01-01', to: '2091-03-01' })).serviceSlots).toEqual([]);
    const from = at(0, 12).slice(0, 10);
    const to = at(6, 12).slice(0, 10);
    const LIST = `query($from: Date!, $to: Date!, $unitId: ID) { unitBookings(from: $from, to: $to, unitId: $unitId) { id } }`;
    expect(ok(await n(LIST, { from, to })).unitBookings).toEqual([]);
    expect(ok(await n(LIST, { from, to, unitId: unit1Id })).unitBookings).toEqual([]);
    expect(ok(await nUnit(LIST, { from, to })).unitBookings).toEqual([]);
    expect(events.take().published).toEqual([]);
    const [row] = await s.sql(`SELECT status FROM booking WHERE id = $1`, [b.id]);
    expect(row.status).toBe('BOOKED');
    expect(await booked(slot.id)).toBe(1);
  });
});
