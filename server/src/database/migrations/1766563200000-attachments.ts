import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos and scans (issue 13 point 6): kept in PostgreSQL on purpose, so that
 * backups and several instances need nothing else. The bytes live in their
 * own columns and are read only when served.
 */
export class Attachments1766563200000 implements MigrationInterface {
  name = 'Attachments1766563200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        owner_type varchar(16) NOT NULL CHECK (owner_type IN ('NEED', 'ACTIVITY', 'AGREEMENT')),
        owner_id uuid NOT NULL,
        stage varchar(16) NOT NULL CHECK (stage IN ('REPORT', 'RESOLUTION', 'OUTCOME', 'SCAN')),
        file_name varchar(200) NOT NULL,
        media_type varchar(64) NOT NULL,
        size int NOT NULL,
        sha256 char(64) NOT NULL,
        bytes bytea NOT NULL,
        thumbnail bytea,
        uploaded_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachment_owner_idx ON attachment (alliance_id, owner_type, owner_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachment`);
  }
}
