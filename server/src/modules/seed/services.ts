import type { EntityManager } from 'typeorm';
import { isOffHours, localParts, zonedTime, type VenueKind, type VenueReservationStatus } from '@alliance/shared';
import { demoId } from './ids.js';

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
