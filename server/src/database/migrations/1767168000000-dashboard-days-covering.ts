import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's per-day tables (dashboard/dashboard.days.ts) read by
 * index-only scans: each primary key carries the table's figures (INCLUDE),
 * so a dashboard reads a range of one alliance's days from the key alone,
 * not from heap pages scattered by the order the days were written in. With
 * it PostgreSQL's generic plan of the prepared dashboard statement is as
 * cheap as a custom one and is kept, so the statement is no longer planned
 * per dashboard (docs/benchmarks.md "Q2 computed afresh, issue 17 point 3":
 * on L, 3.3-4.0 ms of PostgreSQL's CPU per dashboard became 1.7-2.4 ms).
 * An update of a figure is no longer HOT (the figures are now in an index):
 * one index entry more per day recomputed.
 */
const COVERED: readonly { table: string; key: string; figures: string }[] = [
  { table: 'dashboard_need_day', key: 'alliance_id, day, status', figures: 'needs' },
  { table: 'dashboard_need_grid_day', key: 'alliance_id, day, grid_id', figures: 'needs, resolved' },
  { table: 'dashboard_follow_up_day', key: 'alliance_id, day', figures: 'follow_ups, satisfaction_sum' },
  { table: 'dashboard_activity_day', key: 'alliance_id, day, kind', figures: 'activities, volunteer_hours, beneficiaries' },
  { table: 'dashboard_booking_day', key: 'alliance_id, day', figures: 'done, off_hours_done' },
  { table: 'dashboard_unit_day', key: 'alliance_id, day, unit_id', figures: 'ledger_entries, points, activities' },
  { table: 'dashboard_unit_month', key: 'alliance_id, month, unit_id', figures: 'ledger_entries, points, activities' },
];

export class DashboardDaysCovering1767168000000 implements MigrationInterface {
  name = 'DashboardDaysCovering1767168000000';

  async up(q: QueryRunner): Promise<void> {
    for (const { table, key, figures } of COVERED) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD CONSTRAINT ${table}_pkey PRIMARY KEY (${key}) INCLUDE (${figures})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, key } of COVERED) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD CONSTRAINT ${table}_pkey PRIMARY KEY (${key})`);
    }
  }
}
