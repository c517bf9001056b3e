import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications time brings (due soon, follow-up due, agreement expiring)
 * reach the alliance's webhook once per occasion, however many people the
 * sweep tells and however often it runs: one delivery per alliance, kind,
 * subject and occasion (the inbox rows' once_key, kept in the body).
 */
export class WebhookOccasions1767513600000 implements MigrationInterface {
  name = 'WebhookOccasions1767513600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNIQUE INDEX webhook_delivery_occasion_uq ON webhook_delivery (alliance_id, kind, (body->>'subjectId'), (body->>'onceKey')) WHERE body ? 'onceKey'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX webhook_delivery_occasion_uq`);
  }
}
