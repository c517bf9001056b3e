import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole alliance schema. Every tenant-owned table carries alliance_id, so
 * that one predicate scopes any query to the caller's alliance and indexes
 * can lead with it. Timestamps keep millisecond precision (timestamptz(3)) so
 * that a keyset cursor round-trips exactly through a JavaScript Date.
 */
export class InitialSchema1764230400000 implements MigrationInterface {
  name = 'InitialSchema1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE alliance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        region_name varchar(200) NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE grid (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        name varchar(100) NOT NULL,
        branch_name varchar(100) NOT NULL,
        sort_order int NOT NULL DEFAULT 0,
        UNIQUE (alliance_id, name)
      )`);

    await q.query(`
      CREATE TABLE service_category (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        code varchar(50) NOT NULL,
        name varchar(50) NOT NULL,
        sort_order int NOT NULL DEFAULT 0,
        UNIQUE (alliance_id, code)
      )`);

    await q.query(`
      CREATE TABLE member_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        name varchar(100) NOT NULL,
        kind varchar(30) NOT NULL CHECK (kind IN ('GOVERNMENT_AGENCY','PUBLIC_INSTITUTION','STATE_ENTERPRISE','PRIVATE_ENTERPRISE','SOCIAL_ORGANIZATION','OTHER')),
        credit_code char(18),
        party_org_name varchar(100),
        party_member_count int NOT NULL DEFAULT 0 CHECK (party_member_count >= 0),
        contact_name varchar(50) NOT NULL,
        contact_phone varchar(30) NOT NULL,
        address varchar(200),
        status varchar(20) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','SUSPENDED','WITHDRAWN')),
        joined_at date NOT NULL DEFAULT CURRENT_DATE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (alliance_id, name)
      )`);
    await q.query(`CREATE UNIQUE INDEX member_unit_credit_code_uq ON member_unit (alliance_id, credit_code) WHERE credit_code IS NOT NULL`);
    await q.query(`CREATE INDEX member_unit_name_trgm ON member_unit USING gin (name gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        unit_id uuid NOT NULL REFERENCES member_unit(id),
        signed_at date NOT NULL,
        valid_until date NOT NULL,
        responsibilities text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (valid_until > signed_at)
      )`);
    await q.query(`CREATE INDEX agreement_unit_idx ON agreement (unit_id, signed_at DESC, created_at DESC)`);
    await q.query(`CREATE INDEX agreement_alliance_validity_idx ON agreement (alliance_id, signed_at, valid_until)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        username varchar(50) NOT NULL UNIQUE,
        password_hash varchar(200) NOT NULL,
        display_name varchar(50) NOT NULL,
        role varchar(20) NOT NULL CHECK (role IN ('COMMITTEE_ADMIN','UNIT_ADMIN','GRID_WORKER','VIEWER')),
        unit_id uuid REFERENCES member_unit(id),
        grid_id uuid REFERENCES grid(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((role = 'UNIT_ADMIN') = (unit_id IS NOT NULL)),
        CHECK ((role = 'GRID_WORKER') = (grid_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX app_user_alliance_idx ON app_user (alliance_id)`);

    await q.query(`
      CREATE TABLE shelf_project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        unit_id uuid NOT NULL REFERENCES member_unit(id),
        category_id uuid NOT NULL REFERENCES service_category(id),
        title varchar(100) NOT NULL,
        description text NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PENDING_REVIEW','ON_SHELF','OFF_SHELF','REJECTED')),
        review_comment text,
        capacity_per_month int CHECK (capacity_per_month > 0),
        tags text[] NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX shelf_project_list_idx ON shelf_project (alliance_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX shelf_project_status_idx ON shelf_project (alliance_id, status, category_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX shelf_project_unit_idx ON shelf_project (unit_id, created_at DESC)`);
    await q.query(`CREATE INDEX shelf_project_text_trgm ON shelf_project USING gin ((title || ' ' || description) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE need (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        grid_id uuid NOT NULL REFERENCES grid(id),
        category_id uuid REFERENCES service_category(id),
        title varchar(100) NOT NULL,
        description text NOT NULL,
        location varchar(200),
        requester_name varchar(50) NOT NULL,
        requester_phone varchar(30) NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'REPORTED' CHECK (status IN ('REPORTED','ACCEPTED','REJECTED','ORDERED','PLANNED','IN_PROGRESS','RESOLVED','CLOSED')),
        plan text,
        due_at timestamptz(3),
        assignee_id uuid REFERENCES app_user(id),
        resolution text,
        satisfaction int CHECK (satisfaction BETWEEN 1 AND 5),
        reported_by uuid REFERENCES app_user(id),
        reported_at timestamptz(3) NOT NULL DEFAULT now(),
        resolved_at timestamptz(3),
        followed_up_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX need_list_idx ON need (alliance_id, reported_at DESC, id DESC)`);
    await q.query(`CREATE INDEX need_status_idx ON need (alliance_id, status, reported_at DESC, id DESC)`);
    await q.query(`CREATE INDEX need_grid_idx ON need (grid_id, status, reported_at DESC)`);
    await q.query(`CREATE INDEX need_overdue_idx ON need (alliance_id, due_at) WHERE status NOT IN ('RESOLVED','CLOSED','REJECTED')`);
    await q.query(`CREATE INDEX need_text_trgm ON need USING gin ((title || ' ' || description) gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE need_project (
        need_id uuid NOT NULL REFERENCES need(id),
        shelf_project_id uuid NOT NULL REFERENCES shelf_project(id),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (need_id, shelf_project_id)
      )`);
    await q.query(`CREATE INDEX need_project_project_idx ON need_project (shelf_project_id)`);

    await q.query(`
      CREATE TABLE need_claim (
        need_id uuid NOT NULL REFERENCES need(id),
        unit_id uuid NOT NULL REFERENCES member_unit(id),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        claimed_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (need_id, unit_id)
      )`);
    await q.query(`CREATE INDEX need_claim_unit_idx ON need_claim (unit_id)`);

    await q.query(`
      CREATE TABLE need_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        need_id uuid NOT NULL REFERENCES need(id),
        actor_id uuid NOT NULL REFERENCES app_user(id),
        at timestamptz(3) NOT NULL DEFAULT now(),
        from_status varchar(20),
        to_status varchar(20) NOT NULL,
        comment text
      )`);
    await q.query(`CREATE INDEX need_event_need_idx ON need_event (need_id, at, id)`);

    await q.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        title varchar(100) NOT NULL,
        description text NOT NULL,
        kind varchar(30) NOT NULL CHECK (kind IN ('CIVILIZED_CITY','ASSISTANCE','EPIDEMIC_PREVENTION','SERVICE','OTHER')),
        category_id uuid REFERENCES service_category(id),
        status varchar(20) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','OPEN','ONGOING','COMPLETED','CANCELLED')),
        starts_at timestamptz(3) NOT NULL,
        ends_at timestamptz(3) NOT NULL,
        location varchar(200) NOT NULL,
        max_units int CHECK (max_units > 0),
        -- Kept by a trigger on signup; the CHECK makes overbooking impossible.
        confirmed_count int NOT NULL DEFAULT 0,
        outcome_participants int,
        outcome_volunteer_hours numeric(10,1),
        outcome_beneficiaries int,
        outcome_summary text,
        cancel_reason text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (ends_at > starts_at),
        CHECK (confirmed_count >= 0 AND (max_units IS NULL OR confirmed_count <= max_units))
      )`);
    await q.query(`CREATE INDEX activity_list_idx ON activity (alliance_id, starts_at DESC, id DESC)`);
    await q.query(`CREATE INDEX activity_status_idx ON activity (alliance_id, status, ends_at)`);

    await q.query(`
      CREATE TABLE activity_project (
        activity_id uuid NOT NULL REFERENCES activity(id),
        shelf_project_id uuid NOT NULL REFERENCES shelf_project(id),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        PRIMARY KEY (activity_id, shelf_project_id)
      )`);
    await q.query(`
      CREATE TABLE activity_need (
        activity_id uuid NOT NULL REFERENCES activity(id),
        need_id uuid NOT NULL REFERENCES need(id),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        PRIMARY KEY (activity_id, need_id)
      )`);

    await q.query(`
      CREATE TABLE signup (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        activity_id uuid NOT NULL REFERENCES activity(id),
        unit_id uuid NOT NULL REFERENCES member_unit(id),
        status varchar(20) NOT NULL CHECK (status IN ('CONFIRMED','WAITLISTED','WITHDRAWN','REJECTED')),
        headcount int NOT NULL CHECK (headcount BETWEEN 1 AND 500),
        note text,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // One live sign-up per unit and activity, held by the database.
    await q.query(`CREATE UNIQUE INDEX signup_live_uq ON signup (activity_id, unit_id) WHERE status IN ('CONFIRMED','WAITLISTED')`);
    await q.query(`CREATE INDEX signup_activity_idx ON signup (activity_id, status, created_at, id)`);
    await q.query(`CREATE INDEX signup_unit_idx ON signup (unit_id, status)`);
    await q.query(`
      CREATE FUNCTION signup_confirmed_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE','DELETE') AND OLD.status = 'CONFIRMED' THEN
          UPDATE activity SET confirmed_count = confirmed_count - 1 WHERE id = OLD.activity_id;
        END IF;
        IF TG_OP IN ('INSERT','UPDATE') AND NEW.status = 'CONFIRMED' THEN
          UPDATE activity SET confirmed_count = confirmed_count + 1 WHERE id = NEW.activity_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER signup_confirmed_count AFTER INSERT OR UPDATE OF status OR DELETE ON signup
      FOR EACH ROW EXECUTE FUNCTION signup_confirmed_count()`);

    await q.query(`
      CREATE TABLE points_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        unit_id uuid NOT NULL REFERENCES member_unit(id),
        points int NOT NULL,
        source varchar(30) NOT NULL CHECK (source IN ('ACTIVITY_COMPLETED','NEED_RESOLVED','FOLLOW_UP_SATISFIED')),
        source_id uuid NOT NULL,
        note varchar(200),
        earned_at timestamptz(3) NOT NULL DEFAULT now(),
        -- A source credits a unit once, however often it is replayed.
        UNIQUE (unit_id, source, source_id)
      )`);
    await q.query(`CREATE INDEX points_entry_alliance_idx ON points_entry (alliance_id, earned_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'points_entry',
      'signup',
      'activity_need',
      'activity_project',
      'activity',
      'need_event',
      'need_claim',
      'need_project',
      'need',
      'shelf_project',
      'app_user',
      'agreement',
      'member_unit',
      'service_category',
      'grid',
      'alliance',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS signup_confirmed_count()`);
  }
}
