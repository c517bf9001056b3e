import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A time-based notification's occasion names its record: `due:<need>:<date>`,
 * `follow-up:<need>:<date>`, `expiring:<agreement>:<date>`. Keyed by the date
 * alone, a worker with two needs due at the same minute (the order form's
 * default is 18:00 a week ahead) heard of only one, and the committee of only
 * one of two agreements ending on the same day. The keys already written get
 * their record, so that no occasion is told twice.
 */
export class NotificationOccasionKeys1767600000000 implements MigrationInterface {
  name = 'NotificationOccasionKeys1767600000000';

  async up(q: QueryRunner): Promise<void> {
    const withRecord = (key: string, subject: string) =>
      `split_part(${key}, ':', 1) || ':' || ${subject} || ':' || substr(${key}, length(split_part(${key}, ':', 1)) + 2)`;
    // Keys of the old shape: the prefix, then the date (a digit).
    await q.query(`UPDATE notification SET once_key = ${withRecord('once_key', 'subject_id')} WHERE once_key ~ '^[a-z-]+:[0-9]{4}-'`);
    await q.query(
      `UPDATE webhook_delivery SET body = jsonb_set(body, '{onceKey}', to_jsonb(${withRecord("(body->>'onceKey')", "(body->>'subjectId')")}))
        WHERE body->>'onceKey' ~ '^[a-z-]+:[0-9]{4}-'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const withoutRecord = (key: string) => `split_part(${key}, ':', 1) || ':' || substr(${key}, length(split_part(${key}, ':', 1)) + 2 + 37)`;
    await q.query(`UPDATE notification SET once_key = ${withoutRecord('once_key')} WHERE once_key ~ '^[a-z-]+:[0-9a-f]{8}-'`);
    await q.query(
      `UPDATE webhook_delivery SET body = jsonb_set(body, '{onceKey}', to_jsonb(${withoutRecord("(body->>'onceKey')")})) WHERE body->>'onceKey' ~ '^[a-z-]+:[0-9a-f]{8}-'`,
    );
  }
}
