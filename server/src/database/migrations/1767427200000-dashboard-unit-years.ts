import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DAY_TABLES, rebuildDashboardDays } from '../../modules/dashboard/dashboard.days.js';

/**
 * topUnits' whole years (dashboard/dashboard.days.ts, UNIT_YEAR): keyed and
 * covered as dashboard_unit_month (the figures INCLUDEd in the primary key,
 * read index-only), and filled from it.
 */
export class DashboardUnitYears1767427200000 implements MigrationInterface {
  name = 'DashboardUnitYears1767427200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dashboard_unit_year (
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        year date NOT NULL,
        unit_id uuid NOT NULL,
        ledger_entries int NOT NULL,
        points int NOT NULL,
        activities int NOT NULL,
        PRIMARY KEY (alliance_id, year, unit_id) INCLUDE (ledger_entries, points, activities)
      )`);
    await rebuildDashboardDays(q.manager, undefined, [DAY_TABLES.UNIT_YEAR]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dashboard_unit_year`);
  }
}
