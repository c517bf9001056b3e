import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 阳光驿站 and 红色驿站 (issue 12, docs/adoption.md: Services residents book).
 *
 * - incubation: a social organisation's stay in the incubator
 *   (INCUBATION_LIFECYCLE: APPLIED -> INCUBATING -> GRADUATED | LEFT), with
 *   its mentor unit and dates. A unit has at most one live incubation
 *   (APPLIED or INCUBATING) at a time: the partial unique index refuses a
 *   second, concurrent applications included. Its services given are not
 *   stored: they are counted from bookings, needs and sign-ups.
 * - incubation_event: the history of its moves (who, when, from, to, why).
 * - activity.kind: RED_EDUCATION (红色教育) and PARTY_HISTORY (党史学习).
 */
export class IncubatorAndRedEducation1765958400000 implements MigrationInterface {
  name = 'IncubatorAndRedEducation1765958400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incubation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        unit_id uuid NOT NULL REFERENCES member_unit(id),
        mentor_unit_id uuid REFERENCES member_unit(id),
        stage varchar(20) NOT NULL CHECK (stage IN ('APPLIED', 'INCUBATING', 'GRADUATED', 'LEFT')),
        applied_on date NOT NULL,
        started_on date,
        ended_on date,
        notes varchar(500),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (mentor_unit_id IS NULL OR mentor_unit_id <> unit_id),
        CHECK (started_on IS NULL OR started_on >= applied_on),
        CHECK (ended_on IS NULL OR ended_on >= coalesce(started_on, applied_on)),
        CHECK (stage = 'APPLIED' OR stage = 'LEFT' OR (started_on IS NOT NULL AND mentor_unit_id IS NOT NULL)),
        CHECK ((stage IN ('GRADUATED', 'LEFT')) = (ended_on IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX incubation_live_uq ON incubation (unit_id) WHERE stage IN ('APPLIED', 'INCUBATING')`);
    await q.query(`CREATE INDEX incubation_alliance_stage_idx ON incubation (alliance_id, stage)`);
    await q.query(`
      CREATE TABLE incubation_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        incubation_id uuid NOT NULL REFERENCES incubation(id),
        at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid REFERENCES app_user(id),
        action varchar(20) NOT NULL,
        from_stage varchar(20),
        to_stage varchar(20) NOT NULL,
        comment varchar(500)
      )`);
    await q.query(`CREATE INDEX incubation_event_incubation_idx ON incubation_event (incubation_id, at, id)`);

    await q.query(`ALTER TABLE activity DROP CONSTRAINT activity_kind_check`);
    await q.query(`
      ALTER TABLE activity ADD CONSTRAINT activity_kind_check
        CHECK (kind IN ('CIVILIZED_CITY', 'ASSISTANCE', 'EPIDEMIC_PREVENTION', 'SERVICE', 'RED_EDUCATION', 'PARTY_HISTORY', 'OTHER'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activity DROP CONSTRAINT activity_kind_check`);
    await q.query(`
      ALTER TABLE activity ADD CONSTRAINT activity_kind_check
        CHECK (kind IN ('CIVILIZED_CITY', 'ASSISTANCE', 'EPIDEMIC_PREVENTION', 'SERVICE', 'OTHER'))`);
    await q.query(`DROP TABLE incubation_event`);
    await q.query(`DROP TABLE incubation`);
  }
}
