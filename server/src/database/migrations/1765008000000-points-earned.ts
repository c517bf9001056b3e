import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who earns points (issue 10, docs/adoption.md: "Points (积分), who earns them").
 *
 * - need_delivery: the delivering unit(s) a need's plan names, chosen among
 *   the units of its ordered projects and the units that claimed it. Only
 *   they earn NEED_RESOLVED and FOLLOW_UP_SATISFIED points. Needs planned
 *   before this migration get what the plan defaults to: all of those units
 *   (which is who they were credited to until now).
 * - alliance.max_open_claims: how many open claims (needs not yet
 *   RESOLVED/CLOSED/REJECTED) a unit may hold; 5 unless the committee says
 *   otherwise.
 * - points_entry_unit_earned_idx: a unit's ledger, newest first, keyset-paged
 *   (pointsLedger) and summed over a range (MemberUnit.points(from, to)).
 */
export class PointsEarned1765008000000 implements MigrationInterface {
  name = 'PointsEarned1765008000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE alliance
        ADD COLUMN max_open_claims int NOT NULL DEFAULT 5 CHECK (max_open_claims BETWEEN 1 AND 100)`);

    await q.query(`
      CREATE TABLE need_delivery (
        need_id uuid NOT NULL REFERENCES need(id),
        unit_id uuid NOT NULL REFERENCES member_unit(id),
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (need_id, unit_id)
      )`);
    await q.query(`CREATE INDEX need_delivery_unit_idx ON need_delivery (unit_id)`);
    await q.query(`
      INSERT INTO need_delivery (need_id, unit_id, alliance_id, created_at)
      SELECT s.need_id, s.unit_id, n.alliance_id, coalesce(
               (SELECT max(e.at) FROM need_event e WHERE e.need_id = n.id AND e.to_status = 'PLANNED'), n.updated_at)
        FROM (SELECT np.need_id, p.unit_id FROM need_project np JOIN shelf_project p ON p.id = np.shelf_project_id
              UNION
              SELECT c.need_id, c.unit_id FROM need_claim c) s
        JOIN need n ON n.id = s.need_id
       WHERE n.status IN ('PLANNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')`);

    await q.query(`CREATE INDEX points_entry_unit_earned_idx ON points_entry (unit_id, earned_at DESC, id DESC) INCLUDE (points)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX points_entry_unit_earned_idx`);
    await q.query(`DROP TABLE need_delivery`);
    await q.query(`ALTER TABLE alliance DROP COLUMN max_open_claims`);
  }
}
