import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox (issue 13, docs/adoption.md "Notifications").
 *
 * - notification: one row per recipient, written in the transaction of the
 *   event it tells of. `kind` and `params` only, no prose: the admin renders
 *   them in the reader's language. `subject_type`/`subject_id` name the
 *   thing it is about, for the admin's link.
 * - `written_in` is the writing transaction's id: the one NOTIFY a
 *   transaction sends carries it, and every instance reads the rows back by
 *   it (identical payloads of one transaction collapse into one).
 * - `once_key`: the time-based notifications (due soon, follow-up due,
 *   agreement expiring) are written by a job that every instance runs; the
 *   unique key makes the second writer's INSERT … ON CONFLICT DO NOTHING a
 *   no-op, so each is written once.
 */
export class Notifications1766217600000 implements MigrationInterface {
  name = 'Notifications1766217600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        recipient_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind varchar(40) NOT NULL,
        subject_type varchar(30) NOT NULL,
        subject_id uuid NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        once_key varchar(200),
        written_in xid8 NOT NULL DEFAULT pg_current_xact_id(),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX notification_inbox_idx ON notification (recipient_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (recipient_id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notification_written_in_idx ON notification (written_in)`);
    await q.query(`CREATE UNIQUE INDEX notification_once_uq ON notification (recipient_id, once_key) WHERE once_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
  }
}
