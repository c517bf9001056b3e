import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10 (docs/adoption.md "Activities: dates", "Agreements"):
 *
 * - activity.recorded_afterwards: an activity the committee recorded after it
 *   happened (补录), created straight as COMPLETED.
 * - signup.status gains ACTIVITY_CANCELLED: cancelling an activity ends its
 *   live sign-ups. It is not live, so signup_live_uq (live statuses only) and
 *   signup_confirmed_alliance_idx (CONFIRMED only) stay as they are; the
 *   signup_confirmed_count trigger already counts only CONFIRMED rows, so a
 *   CONFIRMED -> ACTIVITY_CANCELLED update lowers confirmed_count by one and
 *   the activity's CHECK keeps holding.
 * - Activities cancelled before this migration keep no live sign-up either:
 *   theirs become ACTIVITY_CANCELLED here (the trigger moves the counts).
 * (agreementStatus reads a unit's agreements through agreement_unit_idx, as it is.)
 */
export class ActivityDatesAndCancelledSignups1764921600000 implements MigrationInterface {
  name = 'ActivityDatesAndCancelledSignups1764921600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activity ADD COLUMN recorded_afterwards boolean NOT NULL DEFAULT false`);
    // A recorded activity is born COMPLETED.
    await q.query(`ALTER TABLE activity ADD CONSTRAINT activity_recorded_completed CHECK (NOT recorded_afterwards OR status = 'COMPLETED')`);
    await q.query(`ALTER TABLE signup DROP CONSTRAINT signup_status_check`);
    await q.query(
      `ALTER TABLE signup ADD CONSTRAINT signup_status_check CHECK (status IN ('CONFIRMED','WAITLISTED','WITHDRAWN','REJECTED','ACTIVITY_CANCELLED'))`,
    );
    await q.query(`
      UPDATE signup s SET status = 'ACTIVITY_CANCELLED', updated_at = now()
        FROM activity a
       WHERE a.id = s.activity_id AND a.status = 'CANCELLED' AND s.status IN ('CONFIRMED','WAITLISTED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Which of them were CONFIRMED is not kept: they come back WITHDRAWN (not live), so nothing is overbooked.
    await q.query(`UPDATE signup SET status = 'WITHDRAWN' WHERE status = 'ACTIVITY_CANCELLED'`);
    await q.query(`ALTER TABLE signup DROP CONSTRAINT signup_status_check`);
    await q.query(`ALTER TABLE signup ADD CONSTRAINT signup_status_check CHECK (status IN ('CONFIRMED','WAITLISTED','WITHDRAWN','REJECTED'))`);
    await q.query(`ALTER TABLE activity DROP CONSTRAINT activity_recorded_completed`);
    await q.query(`ALTER TABLE activity DROP COLUMN recorded_afterwards`);
  }
}
