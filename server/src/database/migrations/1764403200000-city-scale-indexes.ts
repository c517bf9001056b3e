import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the city-scale benchmark showed were missing (docs/benchmarks.md,
 * test/bench). Without them the dashboard's topUnits read every sign-up of
 * every alliance (a sequential scan of ~1,000,000 rows at 50 alliances).
 *
 * - signup_confirmed_alliance_idx: the CONFIRMED sign-ups of one alliance by
 *   activity, carrying the unit: "activities per unit" of the dashboard is an
 *   index-only scan of that alliance's rows.
 * - points_entry_alliance_earned_idx: points earned by an alliance in a date
 *   range with the unit and the points (index-only for topUnits); it replaces
 *   points_entry_alliance_idx, of which it is a superset.
 * - need_followup_idx: follow-ups of an alliance in a range with their
 *   satisfaction (averageSatisfaction), index-only.
 */
export class CityScaleIndexes1764403200000 implements MigrationInterface {
  name = 'CityScaleIndexes1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS signup_confirmed_alliance_idx ON signup (alliance_id, activity_id) INCLUDE (unit_id) WHERE status = 'CONFIRMED'`,
    );
    await q.query(`CREATE INDEX IF NOT EXISTS points_entry_alliance_earned_idx ON points_entry (alliance_id, earned_at) INCLUDE (unit_id, points)`);
    await q.query(`DROP INDEX IF EXISTS points_entry_alliance_idx`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS need_followup_idx ON need (alliance_id, followed_up_at) INCLUDE (satisfaction) WHERE satisfaction IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS need_followup_idx`);
    await q.query(`CREATE INDEX IF NOT EXISTS points_entry_alliance_idx ON points_entry (alliance_id, earned_at)`);
    await q.query(`DROP INDEX IF EXISTS points_entry_alliance_earned_idx`);
    await q.query(`DROP INDEX IF EXISTS signup_confirmed_alliance_idx`);
  }
}
