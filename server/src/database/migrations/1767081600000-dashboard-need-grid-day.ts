import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DAY_TABLES, rebuildDashboardDays } from '../../modules/dashboard/dashboard.days.js';

/**
 * needsByGrid as a sum of days like the other "in range" figures (issue 17,
 * dashboard/dashboard.days.ts): the needs reported per local day and grid,
 * and of those the ones now RESOLVED or CLOSED, filled here from the records.
 */
export class DashboardNeedGridDay1767081600000 implements MigrationInterface {
  name = 'DashboardNeedGridDay1767081600000';

  async up(q: QueryRunner): Promise<void> {
    // grid_id without a foreign key, as unit_id in dashboard_unit_day: the figures are joined to grid when read.
    await q.query(`
      CREATE TABLE dashboard_need_grid_day (
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        day date NOT NULL,
        grid_id uuid NOT NULL,
        needs int NOT NULL,
        resolved int NOT NULL,
        PRIMARY KEY (alliance_id, day, grid_id)
      )`);
    await rebuildDashboardDays(q.manager, undefined, [DAY_TABLES.NEED_GRID_DAY]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dashboard_need_grid_day`);
  }
}
