import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 错时约办 (issue 12): the resident's building or address on a booking, so the
 * unit knows where a home visit goes (the same field and limit as a need's
 * location).
 */
export class BookingLocation1765872000000 implements MigrationInterface {
  name = 'BookingLocation1765872000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE booking ADD COLUMN location varchar(200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE booking DROP COLUMN location`);
  }
}
