import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 党群服务中心的场地 (issue 12, docs/adoption.md: Services residents book).
 *
 * - venue: a room of the service centre, with its capacity and daily opening
 *   hours (wall-clock times in the alliance's time zone).
 * - venue_reservation: who holds a venue when. Two CONFIRMED reservations of
 *   one venue never overlap: the exclusion constraint refuses the second,
 *   also when both arrive at once (the later insert waits for the earlier's
 *   transaction and fails once it commits). btree_gist gives gist the `=` on
 *   venue_id; the range is half-open, so 10:00–11:00 and 11:00–12:00 touch
 *   without overlapping. REQUESTED ones may overlap: the committee picks one.
 */
export class Venues1765612800000 implements MigrationInterface {
  name = 'Venues1765612800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE venue (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        name varchar(100) NOT NULL,
        kind varchar(20) NOT NULL CHECK (kind IN ('SPORTS', 'READING', 'COUNSELLING', 'MEETING', 'OTHER')),
        capacity int NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        opens_at time NOT NULL,
        closes_at time NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (closes_at > opens_at),
        UNIQUE (alliance_id, name)
      )`);
    await q.query(`
      CREATE TABLE venue_reservation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        venue_id uuid NOT NULL REFERENCES venue(id),
        unit_id uuid REFERENCES member_unit(id),
        requested_by uuid REFERENCES app_user(id),
        resident_name varchar(50),
        resident_phone varchar(30),
        purpose varchar(200) NOT NULL,
        status varchar(20) NOT NULL CHECK (status IN ('REQUESTED', 'CONFIRMED', 'DECLINED', 'CANCELLED')),
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CONSTRAINT venue_reservation_no_overlap
          EXCLUDE USING gist (venue_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status = 'CONFIRMED')
      )`);
    // The week calendar: a venue's reservations over a time range.
    await q.query(`CREATE INDEX venue_reservation_venue_time_idx ON venue_reservation (venue_id, starts_at)`);
    await q.query(`CREATE INDEX venue_reservation_alliance_time_idx ON venue_reservation (alliance_id, starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE venue_reservation`);
    await q.query(`DROP TABLE venue`);
  }
}
