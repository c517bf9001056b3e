import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The community itself (issue 11, docs/adoption.md: The community and its
 * party organisation).
 *
 * - alliance: the community profile (households, residents, founding year).
 * - grid.outline: the grid's shape for the admin's schematic picture (SVG
 *   polygon points in a 1000 × 700 drawing; no map tiles).
 * - party_branch / party_group: "1+7+X"; a GRID branch names its grid (one
 *   per grid), any other branch none.
 * - party_member: personal data; a red grid worker or grid leader has a grid;
 *   a GRID_WORKER account may be linked to the member it belongs to.
 * - building / building_worker: which red grid workers look after a building.
 * - commitment / commitment_note: 1个承诺, one per member and year; EVALUATED
 *   exactly when it has a rating.
 */
export class Community1765353600000 implements MigrationInterface {
  name = 'Community1765353600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE alliance
        ADD COLUMN households int CHECK (households >= 0),
        ADD COLUMN residents int CHECK (residents >= 0),
        ADD COLUMN founded_year int CHECK (founded_year BETWEEN 1949 AND 2100),
        ADD COLUMN profile_version int NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE grid ADD COLUMN outline varchar(4000)`);

    await q.query(`
      CREATE TABLE party_branch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        name varchar(100) NOT NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('GRID','OTHER')),
        grid_id uuid REFERENCES grid(id),
        sort_order int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT party_branch_alliance_name_key UNIQUE (alliance_id, name),
        CONSTRAINT party_branch_grid_kind CHECK ((kind = 'GRID') = (grid_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX party_branch_grid_key ON party_branch (grid_id)`);

    await q.query(`
      CREATE TABLE party_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        branch_id uuid NOT NULL REFERENCES party_branch(id),
        name varchar(100) NOT NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('BUILDING','STREET','SITE','OTHER')),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT party_group_alliance_name_key UNIQUE (alliance_id, name)
      )`);
    await q.query(`CREATE INDEX party_group_branch_idx ON party_group (branch_id)`);

    await q.query(`
      CREATE TABLE party_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        name varchar(50) NOT NULL,
        gender varchar(6) NOT NULL CHECK (gender IN ('MALE','FEMALE')),
        phone varchar(20),
        branch_id uuid NOT NULL REFERENCES party_branch(id),
        group_id uuid REFERENCES party_group(id),
        grid_id uuid REFERENCES grid(id),
        joined_party_on date,
        grid_duty varchar(12) NOT NULL DEFAULT 'NONE' CHECK (grid_duty IN ('NONE','GRID_LEADER','FULL_TIME','PART_TIME')),
        status varchar(16) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','TRANSFERRED_OUT')),
        transferred_out_on date,
        account_id uuid REFERENCES app_user(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT party_member_duty_grid CHECK (grid_duty = 'NONE' OR grid_id IS NOT NULL),
        CONSTRAINT party_member_account_key UNIQUE (account_id)
      )`);
    await q.query(`CREATE INDEX party_member_name_idx ON party_member (alliance_id, name, id)`);
    await q.query(`CREATE INDEX party_member_branch_idx ON party_member (branch_id)`);
    await q.query(`CREATE INDEX party_member_grid_idx ON party_member (grid_id, grid_duty)`);

    await q.query(`
      CREATE TABLE building (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        grid_id uuid NOT NULL REFERENCES grid(id),
        name varchar(100) NOT NULL,
        households int NOT NULL DEFAULT 0 CHECK (households >= 0),
        sort_order int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT building_alliance_name_key UNIQUE (alliance_id, name)
      )`);
    await q.query(`CREATE INDEX building_grid_idx ON building (grid_id, sort_order)`);

    await q.query(`
      CREATE TABLE building_worker (
        building_id uuid NOT NULL REFERENCES building(id),
        member_id uuid NOT NULL REFERENCES party_member(id),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (building_id, member_id)
      )`);
    await q.query(`CREATE INDEX building_worker_member_idx ON building_worker (member_id)`);

    await q.query(`
      CREATE TABLE commitment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        member_id uuid NOT NULL REFERENCES party_member(id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        category varchar(20) NOT NULL,
        text varchar(500) NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','EVALUATED')),
        published_at timestamptz(3),
        rating varchar(20) CHECK (rating IN ('EXCELLENT','COMPETENT','BASICALLY_COMPETENT','INCOMPETENT')),
        evaluation_comment varchar(1000),
        evaluated_at timestamptz(3),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT commitment_member_year_key UNIQUE (member_id, year),
        CONSTRAINT commitment_rating_when_evaluated CHECK ((status = 'EVALUATED') = (rating IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX commitment_year_idx ON commitment (alliance_id, year, created_at, id)`);

    await q.query(`
      CREATE TABLE commitment_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        commitment_id uuid NOT NULL REFERENCES commitment(id),
        author_id uuid REFERENCES app_user(id),
        at timestamptz(3) NOT NULL DEFAULT now(),
        text varchar(1000) NOT NULL
      )`);
    await q.query(`CREATE INDEX commitment_note_commitment_idx ON commitment_note (commitment_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['commitment_note', 'commitment', 'building_worker', 'building', 'party_member', 'party_group', 'party_branch']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`ALTER TABLE grid DROP COLUMN outline`);
    await q.query(`ALTER TABLE alliance DROP COLUMN households, DROP COLUMN residents, DROP COLUMN founded_year, DROP COLUMN profile_version`);
  }
}
