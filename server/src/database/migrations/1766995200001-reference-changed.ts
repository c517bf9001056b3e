import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * reference_changed: every instance holds each alliance's grids and service
 * categories (alliance/reference-data.ts) and drops them when a change of
 * either commits (NOTIFY is delivered at commit, never after a rollback;
 * identical payloads of one transaction collapse into one).
 */
export class ReferenceChanged1766995200001 implements MigrationInterface {
  name = 'ReferenceChanged1766995200001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION reference_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('reference_changed', (CASE WHEN TG_OP = 'DELETE' THEN OLD.alliance_id ELSE NEW.alliance_id END)::text);
        IF TG_OP = 'UPDATE' AND NEW.alliance_id IS DISTINCT FROM OLD.alliance_id THEN
          PERFORM pg_notify('reference_changed', OLD.alliance_id::text);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['grid', 'service_category']) {
      await q.query(`CREATE TRIGGER ${table}_notify_change AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION reference_notify_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['grid', 'service_category']) await q.query(`DROP TRIGGER ${table}_notify_change ON ${table}`);
    await q.query(`DROP FUNCTION reference_notify_change()`);
  }
}
