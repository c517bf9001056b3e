import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 核实 (issue 12): a resident's own report (source RESIDENT) is called back
 * by its grid's worker before the committee screens it. When and by whom:
 * both set together or neither. Needs reported before this change stay
 * unverified; those still REPORTED now wait for the call like new ones.
 */
export class ResidentNeedVerification1766649600000 implements MigrationInterface {
  name = 'ResidentNeedVerification1766649600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE need ADD COLUMN verified_at timestamptz NULL, ADD COLUMN verified_by uuid NULL REFERENCES app_user(id)`);
    await q.query(`ALTER TABLE need ADD CONSTRAINT need_verified_together CHECK ((verified_at IS NULL) = (verified_by IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE need DROP CONSTRAINT need_verified_together, DROP COLUMN verified_by, DROP COLUMN verified_at`);
  }
}
