import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alliance's outgoing webhook (issue 13: e.g. a WeCom group robot).
 *
 * - alliance_webhook: where the committee has chosen to send which kinds of
 *   notification, and the secret the bodies are signed with (never read back
 *   through the API).
 * - webhook_delivery: one row per event to send, written in the event's
 *   transaction (none for a refused change, none lost), sent after commit by
 *   any instance: a sender claims due rows with FOR UPDATE SKIP LOCKED and a
 *   lease (next_attempt_at moves ahead while it sends), records the answer,
 *   and on failure sets the next attempt with exponential backoff.
 */
export class Webhooks1766217600001 implements MigrationInterface {
  name = 'Webhooks1766217600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alliance_webhook (
        alliance_id uuid PRIMARY KEY REFERENCES alliance(id),
        url varchar(500) NOT NULL CHECK (url ~ '^https?://'),
        secret varchar(200) NOT NULL,
        kinds text[] NOT NULL DEFAULT '{}',
        enabled boolean NOT NULL DEFAULT true,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        kind varchar(40) NOT NULL,
        body jsonb NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts int NOT NULL DEFAULT 0,
        response_code int,
        last_error varchar(200),
        next_attempt_at timestamptz(3) NOT NULL DEFAULT now(),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        delivered_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX webhook_delivery_alliance_idx ON webhook_delivery (alliance_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE alliance_webhook`);
  }
}
