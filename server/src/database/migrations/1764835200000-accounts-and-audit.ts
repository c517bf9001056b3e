import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts the committee runs, sessions that end when the account changes,
 * sign-in limits shared by every instance, and the audit log (issue 9,
 * docs/adoption.md: Accounts, Audit log).
 *
 * - app_user.token_version: raised by a trigger whenever what a session
 *   vouches for changes (role, unit, grid, status, password, alliance), so no
 *   code path (the API, bootstrap, an operator's SQL) can forget to end the
 *   old sessions. Tokens carry the version they were issued under.
 * - account_changed: every instance keeps the accounts it has checked in
 *   memory and drops one when PostgreSQL says it changed (LISTEN/NOTIFY);
 *   the notification is sent at commit, before the writer answers.
 * - sign_in_limit: the table rate-limiter-flexible's PostgreSQL store uses
 *   (its own layout), created here because the schema changes only through
 *   migrations.
 * - audit_entry: append-only; UPDATE is refused, DELETE only past the 3 years
 *   the log is kept.
 */
export class AccountsAndAudit1764835200000 implements MigrationInterface {
  name = 'AccountsAndAudit1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN status varchar(10) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','DISABLED')),
        ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
        ADD COLUMN last_sign_in_at timestamptz(3),
        ADD COLUMN token_version int NOT NULL DEFAULT 1,
        ADD COLUMN phone varchar(20),
        ADD COLUMN disabled_reason varchar(200),
        ADD COLUMN disabled_at timestamptz(3),
        ADD COLUMN updated_at timestamptz(3) NOT NULL DEFAULT now()`);
    await q.query(`CREATE UNIQUE INDEX app_user_username_lower_idx ON app_user (lower(username))`);

    await q.query(`
      CREATE FUNCTION app_user_session_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.role IS DISTINCT FROM OLD.role
          OR NEW.unit_id IS DISTINCT FROM OLD.unit_id
          OR NEW.grid_id IS DISTINCT FROM OLD.grid_id
          OR NEW.status IS DISTINCT FROM OLD.status
          OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
          OR NEW.alliance_id IS DISTINCT FROM OLD.alliance_id THEN
          NEW.token_version := OLD.token_version + 1;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER app_user_session_guard BEFORE UPDATE ON app_user FOR EACH ROW EXECUTE FUNCTION app_user_session_guard()`);

    await q.query(`
      CREATE FUNCTION app_user_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE'
          OR NEW.token_version IS DISTINCT FROM OLD.token_version
          OR NEW.must_change_password IS DISTINCT FROM OLD.must_change_password
          OR NEW.display_name IS DISTINCT FROM OLD.display_name THEN
          PERFORM pg_notify('account_changed', OLD.id::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER app_user_notify_change AFTER UPDATE OR DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION app_user_notify_change()`,
    );

    await q.query(`
      CREATE TABLE sign_in_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);

    await q.query(`
      CREATE TABLE audit_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        at timestamptz(3) NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_name varchar(50),
        client_address varchar(64),
        action varchar(40) NOT NULL,
        subject_type varchar(30) NOT NULL,
        subject_id varchar(64),
        summary jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_entry_alliance_at_idx ON audit_entry (alliance_id, at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_entry_actor_idx ON audit_entry (alliance_id, actor_id, at DESC)`);
    await q.query(`CREATE INDEX audit_entry_action_idx ON audit_entry (alliance_id, action, at DESC)`);
    await q.query(`
      CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.at < now() - interval '3 years' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry`);
    await q.query(`DROP FUNCTION audit_entry_append_only()`);
    await q.query(`DROP TABLE sign_in_limit`);
    await q.query(`DROP TRIGGER app_user_notify_change ON app_user`);
    await q.query(`DROP FUNCTION app_user_notify_change()`);
    await q.query(`DROP TRIGGER app_user_session_guard ON app_user`);
    await q.query(`DROP FUNCTION app_user_session_guard()`);
    await q.query(`DROP INDEX app_user_username_lower_idx`);
    await q.query(`
      ALTER TABLE app_user
        DROP COLUMN status, DROP COLUMN must_change_password, DROP COLUMN last_sign_in_at, DROP COLUMN token_version,
        DROP COLUMN phone, DROP COLUMN disabled_reason, DROP COLUMN disabled_at, DROP COLUMN updated_at`);
  }
}
