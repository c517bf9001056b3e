import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DAY_TABLES, rebuildDashboardDays } from '../../modules/dashboard/dashboard.days.js';

/**
 * The whole months of the dashboard's per-day tables (dashboard/dashboard.days.ts,
 * summedBy), as dashboard_unit_month already held topUnits': a range sums
 * its whole months from these and only its partial months' days from the
 * day tables. Keyed and covered as the day tables (the figures INCLUDEd in
 * the primary key, read index-only), and filled from the day tables.
 */
const MONTH_TABLES: readonly { table: string; key?: [string, string]; figures: [string, string][] }[] = [
  { table: 'dashboard_need_month', key: ['status', 'varchar(16)'], figures: [['needs', 'int']] },
  // grid_id without a foreign key, as in dashboard_need_grid_day.
  { table: 'dashboard_need_grid_month', key: ['grid_id', 'uuid'], figures: [['needs', 'int'], ['resolved', 'int']] },
  { table: 'dashboard_follow_up_month', figures: [['follow_ups', 'int'], ['satisfaction_sum', 'int']] },
  { table: 'dashboard_activity_month', key: ['kind', 'varchar(30)'], figures: [['activities', 'int'], ['volunteer_hours', 'numeric(14,1)'], ['beneficiaries', 'bigint']] },
  { table: 'dashboard_booking_month', figures: [['done', 'int'], ['off_hours_done', 'int']] },
];

export class DashboardMonths1767340800000 implements MigrationInterface {
  name = 'DashboardMonths1767340800000';

  async up(q: QueryRunner): Promise<void> {
    for (const { table, key, figures } of MONTH_TABLES) {
      const columns = [...(key ? [key] : []), ...figures].map(([name, type]) => `${name} ${type} NOT NULL,`).join(' ');
      await q.query(`
        CREATE TABLE ${table} (
          alliance_id uuid NOT NULL REFERENCES alliance(id),
          month date NOT NULL,
          ${columns}
          PRIMARY KEY (alliance_id, month${key ? `, ${key[0]}` : ''}) INCLUDE (${figures.map(([name]) => name).join(', ')})
        )`);
    }
    const { NEED_MONTH, NEED_GRID_MONTH, FOLLOW_UP_MONTH, ACTIVITY_MONTH, BOOKING_MONTH } = DAY_TABLES;
    await rebuildDashboardDays(q.manager, undefined, [NEED_MONTH, NEED_GRID_MONTH, FOLLOW_UP_MONTH, ACTIVITY_MONTH, BOOKING_MONTH]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of [...MONTH_TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
  }
}
