import type { EntityManager } from 'typeorm';
import { isOffHours, localDate, localParts, mondayOf, zonedTime, type VenueKind, type VenueReservationStatus } from '@alliance/shared';
import { demoId, random } from './ids.js';

/** 党群服务中心的场地 of the main alliance (docs/adoption.md, Services). */
const VENUES: { name: string; kind: VenueKind; capacity: number; opensAt: string; closesAt: string }[] = [
  { name: '篮球馆', kind: 'SPORTS', capacity: 40, opensAt: '08:00', closesAt: '21:00' },
  { name: '图书室', kind: 'READING', capacity: 30, opensAt: '08:30', closesAt: '20:00' },
  { name: '心理咨询室', kind: 'COUNSELLING', capacity: 4, opensAt: '09:00', closesAt: '18:00' },
  { name: '多功能厅', kind: 'MEETING', capacity: 120, opensAt: '08:30', closesAt: '21:00' },
];

/** Days from today, local start and end hours, the venue, who, and why. */
const RESERVATIONS: {
  day: number;
  from: number;
  to: number;
  venue: number;
  unit?: number;
  resident?: [name: string, phone: string];
  status: VenueReservationStatus;
  purpose: string;
}[] = [
  { day: 1, from: 15, to: 17, venue: 0, unit: 0, status: 'CONFIRMED', purpose: '松风小学课后篮球训练' },
  { day: 1, from: 19, to: 21, venue: 0, resident: ['周师傅', '13904701234'], status: 'REQUESTED', purpose: '居民夜间篮球友谊赛' },
  { day: 2, from: 9, to: 11, venue: 2, unit: 1, status: 'CONFIRMED', purpose: '松林医院心理健康义诊' },
  { day: 3, from: 14, to: 16, venue: 1, unit: 0, status: 'CONFIRMED', purpose: '红色经典共读' },
  { day: 4, from: 9, to: 12, venue: 3, status: 'CONFIRMED', purpose: '联盟季度联席会议' },
  { day: 5, from: 18, to: 20, venue: 1, resident: ['李阿姨', '13704705678'], status: 'REQUESTED', purpose: '老年读书会' },
];

/**
 * The main alliance's services residents book: the centre's rooms with a week
 * of reservations, and 错时约办 slots of two shelf projects. Ids come from
 * names, and rows already there are left alone: safe to run again.
 */
export async function seedServices(m: EntityManager, allianceKey: string, now: Date): Promise<void> {
  await seedVenues(m, allianceKey, now);
  await seedSlots(m, allianceKey, now);
  await seedBookingHistory(m, allianceKey, now);
  await seedThisWeek(m, allianceKey, now);
}

async function seedVenues(m: EntityManager, allianceKey: string, now: Date): Promise<void> {
  const allianceId = demoId(allianceKey);
  const venueId = (i: number) => demoId(`${allianceKey}:venue:${i}`);
  for (const [i, v] of VENUES.entries()) {
    await m.query(
      `INSERT INTO venue (id, alliance_id, name, kind, capacity, opens_at, closes_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING`,
      [venueId(i), allianceId, v.name, v.kind, v.capacity, v.opensAt, v.closesAt],
    );
  }
  const today = localParts(now);
  for (const [i, r] of RESERVATIONS.entries()) {
    await m.query(
      `INSERT INTO venue_reservation (id, alliance_id, venue_id, unit_id, resident_name, resident_phone, purpose, status, starts_at, ends_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT DO NOTHING`,
      [
        demoId(`${allianceKey}:venue-reservation:${i}`),
        allianceId,
        venueId(r.venue),
        r.unit === undefined ? null : demoId(`${allianceKey}:unit:${r.unit}`),
        r.resident?.[0] ?? null,
        r.resident?.[1] ?? null,
        r.purpose,
        r.status,
        zonedTime(today.year, today.month, today.day + r.day, r.from),
        zonedTime(today.year, today.month, today.day + r.day, r.to),
      ],
    );
  }
}

/** 错时约办: evenings and Saturday mornings, the next four weeks (weekday, hour), at most 3 residents each. */
const SLOT_TIMES: [weekdayFromToday: number, hour: number][] = [
  [1, 19],
  [3, 19],
  [5, 9],
];

async function seedSlots(m: EntityManager, allianceKey: string, now: Date): Promise<void> {
  const allianceId = demoId(allianceKey);
  // Two ON_SHELF projects, chosen the same way on every run.
  const projects: { id: string; unit_id: string }[] = await m.query(
    `SELECT id, unit_id FROM shelf_project WHERE alliance_id = $1 AND status = 'ON_SHELF' ORDER BY id LIMIT 2`,
    [allianceId],
  );
  const today = localParts(now);
  for (const [p, project] of projects.entries()) {
    for (let week = 0; week < 4; week++) {
      for (const [k, [day, hour]] of SLOT_TIMES.entries()) {
        const startsAt = zonedTime(today.year, today.month, today.day + day + 7 * week, hour);
        const endsAt = zonedTime(today.year, today.month, today.day + day + 7 * week, hour + 2);
        await m.query(
          `INSERT INTO service_slot (id, alliance_id, shelf_project_id, unit_id, starts_at, ends_at, capacity, off_hours)
           VALUES ($1, $2, $3, $4, $5, $6, 3, $7) ON CONFLICT DO NOTHING`,
          [demoId(`${allianceKey}:slot:${p}:${week}:${k}`), allianceId, project.id, project.unit_id, startsAt, endsAt, isOffHours(startsAt, endsAt)],
        );
      }
    }
  }
}

/** 错时约办 began in the spring after the founding (2018-07-01): the first week's Monday. */
const PRACTICE_BEGAN = { year: 2019, month: 3, day: 4 };
/** A week's slot by week number: a Tuesday or Thursday evening, or a Saturday morning (weekday from Monday, hour, minute). */
const HISTORY_TIMES: [day: number, hour: number, minute: number][] = [
  [1, 18, 30],
  [3, 18, 30],
  [5, 9, 30],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const TITLES = ['阿姨', '师傅', '大爷', '奶奶', '女士', '先生'];
const BUILDINGS = ['松山小区1号楼', '松山小区3号楼', '松山小区7号楼', '松风苑2号楼', '松风苑5号楼', '新华里12号'];

interface BookingRow {
  id: string;
  slotId: string;
  name: string;
  phone: string;
  location: string;
  status: string;
  createdAt: Date;
}

/** This week's Monday in the alliance's days, as zonedTime's year, month and day. */
const mondayParts = (now: Date) => {
  const [year, month, day] = mondayOf(localDate(now)).split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

/** The projects that offer 错时约办, chosen the same way on every run. */
function offHoursProjects(m: EntityManager, allianceId: string): Promise<{ id: string; unit_id: string }[]> {
  return m.query(`SELECT id, unit_id FROM shelf_project WHERE alliance_id = $1 AND status = 'ON_SHELF' ORDER BY id LIMIT 4`, [allianceId]);
}

/** Slots and their bookings in two statements; a booking whose slot was already there from another run (same project and start) is left out. */
async function insertSlotsAndBookings(
  m: EntityManager,
  allianceId: string,
  slots: { id: string; projectId: string; unitId: string; startsAt: Date; endsAt: Date; capacity: number }[],
  bookings: BookingRow[],
): Promise<void> {
  await m.query(
    `INSERT INTO service_slot (id, alliance_id, shelf_project_id, unit_id, starts_at, ends_at, capacity, off_hours)
     SELECT id, $1, project_id, unit_id, starts_at, ends_at, capacity, off_hours
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::timestamptz[], $7::int[], $8::boolean[])
         AS t(id, project_id, unit_id, starts_at, ends_at, capacity, off_hours)
     ON CONFLICT DO NOTHING`,
    [
      allianceId,
      slots.map((x) => x.id),
      slots.map((x) => x.projectId),
      slots.map((x) => x.unitId),
      slots.map((x) => x.startsAt),
      slots.map((x) => x.endsAt),
      slots.map((x) => x.capacity),
      slots.map((x) => isOffHours(x.startsAt, x.endsAt)),
    ],
  );
  await m.query(
    `INSERT INTO booking (id, alliance_id, slot_id, resident_name, resident_phone, location, status, created_at, updated_at)
     SELECT t.id, $1, t.slot_id, t.name, t.phone, t.location, t.status, t.created_at, t.created_at
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
         AS t(id, slot_id, name, phone, location, status, created_at)
       JOIN service_slot s ON s.id = t.slot_id
     ON CONFLICT DO NOTHING`,
    [
      allianceId,
      bookings.map((b) => b.id),
      bookings.map((b) => b.slotId),
      bookings.map((b) => b.name),
      bookings.map((b) => b.phone),
      bookings.map((b) => b.location),
      bookings.map((b) => b.status),
      bookings.map((b) => b.createdAt),
    ],
  );
}

function resident(rand: () => number): Pick<BookingRow, 'name' | 'phone' | 'location'> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  return {
    name: pick(SURNAMES) + pick(TITLES),
    phone: `13${4 + Math.floor(rand() * 6)}0470${String(Math.floor(rand() * 10_000)).padStart(4, '0')}`,
    location: pick(BUILDINGS),
  };
}

/**
 * "900+ handled" (the article): one evening or weekend slot a week since the
 * practice began, up to last week, over the projects that offer it, 2-4
 * residents each, about one in twelve not turning up.
 */
async function seedBookingHistory(m: EntityManager, allianceKey: string, now: Date): Promise<void> {
  const allianceId = demoId(allianceKey);
  const projects = await offHoursProjects(m, allianceId);
  if (projects.length === 0) return;
  const thisMonday = mondayParts(now);
  const end = zonedTime(thisMonday.year, thisMonday.month, thisMonday.day);
  const rand = random(2019);
  const slots: Parameters<typeof insertSlotsAndBookings>[2] = [];
  const bookings: BookingRow[] = [];
  for (let week = 0; ; week++) {
    const [day, hour, minute] = HISTORY_TIMES[week % HISTORY_TIMES.length]!;
    const date = PRACTICE_BEGAN.day + 7 * week + day;
    const startsAt = zonedTime(PRACTICE_BEGAN.year, PRACTICE_BEGAN.month, date, hour, minute);
    if (startsAt >= end) break;
    const project = projects[week % projects.length]!;
    const slotId = demoId(`${allianceKey}:past-slot:${week}`);
    slots.push({ id: slotId, projectId: project.id, unitId: project.unit_id, startsAt, endsAt: zonedTime(PRACTICE_BEGAN.year, PRACTICE_BEGAN.month, date, hour + 2, minute), capacity: 4 });
    const residents = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < residents; i++) {
      bookings.push({
        id: demoId(`${allianceKey}:past-booking:${week}:${i}`),
        slotId,
        ...resident(rand),
        status: rand() < 1 / 12 ? 'NO_SHOW' : 'DONE',
        createdAt: new Date(startsAt.getTime() - (1 + Math.floor(rand() * 5)) * 86_400_000),
      });
    }
  }
  await insertSlotsAndBookings(m, allianceId, slots, bookings);
}

/** This week's evenings of unit 0's project (the demo's unit1), residents booked: the unit's week screen is not empty in the demo. */
async function seedThisWeek(m: EntityManager, allianceKey: string, now: Date): Promise<void> {
  const allianceId = demoId(allianceKey);
  const [project]: { id: string; unit_id: string }[] = await m.query(
    `SELECT id, unit_id FROM shelf_project WHERE alliance_id = $1 AND unit_id = $2 AND status = 'ON_SHELF' ORDER BY id LIMIT 1`,
    [allianceId, demoId(`${allianceKey}:unit:0`)],
  );
  if (!project) return;
  const monday = mondayParts(now);
  const rand = random(2026);
  const slots: Parameters<typeof insertSlotsAndBookings>[2] = [];
  const bookings: BookingRow[] = [];
  for (const day of [0, 2, 4]) {
    const startsAt = zonedTime(monday.year, monday.month, monday.day + day, 19, 30);
    const slotId = demoId(`${allianceKey}:week-slot:${localDate(startsAt)}`);
    slots.push({ id: slotId, projectId: project.id, unitId: project.unit_id, startsAt, endsAt: zonedTime(monday.year, monday.month, monday.day + day, 21, 0), capacity: 3 });
    for (let i = 0; i < 2; i++) {
      // Booked: those already begun wait for the unit to record how they went.
      bookings.push({ id: demoId(`${allianceKey}:week-booking:${localDate(startsAt)}:${i}`), slotId, ...resident(rand), status: 'BOOKED', createdAt: new Date(Math.min(now.getTime(), startsAt.getTime()) - 86_400_000) });
    }
  }
  await insertSlotsAndBookings(m, allianceId, slots, bookings);
}
