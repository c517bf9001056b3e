import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 错时约办 (issue 12): bookable time slots of shelf projects, and residents'
 * bookings of them.
 *
 * - service_slot.booked: kept by a trigger on booking (BOOKED and DONE hold a
 *   place); the CHECK makes overbooking impossible, whatever the writer and
 *   however many book at once (the trigger's UPDATE takes the slot's row lock,
 *   so concurrent bookings of one slot count in turn). The same pattern as
 *   activity.confirmed_count.
 * - off_hours: decided when the slot is created, by the shared isOffHours()
 *   (the holiday tables change yearly; a slot keeps what it was published as).
 */
export class ServiceSlots1765612800001 implements MigrationInterface {
  name = 'ServiceSlots1765612800001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_slot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        shelf_project_id uuid NOT NULL REFERENCES shelf_project(id),
        unit_id uuid NOT NULL REFERENCES member_unit(id),
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL,
        capacity int NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
        booked int NOT NULL DEFAULT 0,
        off_hours boolean NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK (booked >= 0 AND booked <= capacity),
        CONSTRAINT service_slot_project_start_uq UNIQUE (shelf_project_id, starts_at)
      )`);
    await q.query(`CREATE INDEX service_slot_time_idx ON service_slot (alliance_id, starts_at)`);
    await q.query(`CREATE INDEX service_slot_unit_idx ON service_slot (unit_id, starts_at)`);
    await q.query(`
      CREATE TABLE booking (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        slot_id uuid NOT NULL REFERENCES service_slot(id),
        resident_name varchar(50) NOT NULL,
        resident_phone varchar(30) NOT NULL,
        note text,
        status varchar(20) NOT NULL CHECK (status IN ('BOOKED', 'DONE', 'NO_SHOW', 'CANCELLED')),
        booked_by uuid REFERENCES app_user(id),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX booking_slot_idx ON booking (slot_id, created_at, id)`);
    await q.query(`
      CREATE FUNCTION booking_booked_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE','DELETE') AND OLD.status IN ('BOOKED', 'DONE') THEN
          UPDATE service_slot SET booked = booked - 1 WHERE id = OLD.slot_id;
        END IF;
        IF TG_OP IN ('INSERT','UPDATE') AND NEW.status IN ('BOOKED', 'DONE') THEN
          UPDATE service_slot SET booked = booked + 1 WHERE id = NEW.slot_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER booking_booked_count AFTER INSERT OR UPDATE OF status OR DELETE ON booking
      FOR EACH ROW EXECUTE FUNCTION booking_booked_count()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE booking`);
    await q.query(`DROP FUNCTION booking_booked_count()`);
    await q.query(`DROP TABLE service_slot`);
  }
}
