import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The residents' page (群众点单, issue 12 point 5).
 *
 * - alliance.code: the page's address, /r/<code>. Nullable: an alliance
 *   without one has no public page (the bootstrap names none; the committee's
 *   settings or SQL give it one).
 * - need.source: STAFF (a grid worker or the committee reported it) or
 *   RESIDENT (the resident, on the page); every earlier need was STAFF's.
 * - public_tracking: the code a resident gets for a booking, a room request
 *   or a need, with the last 4 digits of the phone tracking asks for. The
 *   code is unique across alliances, so tracking needs no alliance.
 * - public_limit: rate-limiter-flexible's table (as sign_in_limit), the
 *   page's per-address and per-phone counts, shared by every instance.
 * - public_captcha_used: CAPTCHA challenges already spent (no replays); rows
 *   past their expiry are useless and are cleared as new ones arrive.
 */
export class ResidentsPage1766044800000 implements MigrationInterface {
  name = 'ResidentsPage1766044800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alliance ADD COLUMN code varchar(32) CHECK (code ~ '^[a-z][a-z0-9-]{1,31}$')`);
    await q.query(`CREATE UNIQUE INDEX alliance_code_uq ON alliance (code)`);
    await q.query(`ALTER TABLE need ADD COLUMN source varchar(10) NOT NULL DEFAULT 'STAFF' CHECK (source IN ('STAFF', 'RESIDENT'))`);
    await q.query(`
      CREATE TABLE public_tracking (
        code char(8) PRIMARY KEY,
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        kind varchar(20) NOT NULL CHECK (kind IN ('BOOKING', 'VENUE_RESERVATION', 'NEED')),
        subject_id uuid NOT NULL,
        phone_last4 char(4) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (kind, subject_id)
      )`);
    await q.query(`
      CREATE TABLE public_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await q.query(`
      CREATE TABLE public_captcha_used (
        signature varchar(128) PRIMARY KEY,
        expires_at timestamptz(3) NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE public_captcha_used`);
    await q.query(`DROP TABLE public_limit`);
    await q.query(`DROP TABLE public_tracking`);
    await q.query(`ALTER TABLE need DROP COLUMN source`);
    await q.query(`DROP INDEX alliance_code_uq`);
    await q.query(`ALTER TABLE alliance DROP COLUMN code`);
  }
}
