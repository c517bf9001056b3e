import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DAY_TABLES, rebuildDashboardDays } from '../../modules/dashboard/dashboard.days.js';

/**
 * The dashboard's "in range" figures as per-day aggregates (issue 17 point
 * 3, dashboard/dashboard.days.ts), kept by the domain events and filled here
 * from the records already in the database.
 */
export class DashboardDays1766995200000 implements MigrationInterface {
  name = 'DashboardDays1766995200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dashboard_need_day (
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        day date NOT NULL,
        status varchar(16) NOT NULL,
        needs int NOT NULL,
        PRIMARY KEY (alliance_id, day, status)
      )`);
    await q.query(`
      CREATE TABLE dashboard_follow_up_day (
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        day date NOT NULL,
        follow_ups int NOT NULL,
        satisfaction_sum int NOT NULL,
        PRIMARY KEY (alliance_id, day)
      )`);
    await q.query(`
      CREATE TABLE dashboard_activity_day (
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        day date NOT NULL,
        kind varchar(30) NOT NULL,
        activities int NOT NULL,
        volunteer_hours numeric(14,1) NOT NULL,
        beneficiaries bigint NOT NULL,
        PRIMARY KEY (alliance_id, day, kind)
      )`);
    await q.query(`
      CREATE TABLE dashboard_booking_day (
        alliance_id uuid NOT NULL REFERENCES alliance(id),
        day date NOT NULL,
        done int NOT NULL,
        off_hours_done int NOT NULL,
        PRIMARY KEY (alliance_id, day)
      )`);
    for (const [table, period] of [
      ['dashboard_unit_day', 'day'],
      ['dashboard_unit_month', 'month'],
    ] as const) {
      // unit_id without a foreign key: units are never deleted, and the figures are joined to member_unit when read.
      await q.query(`
        CREATE TABLE ${table} (
          alliance_id uuid NOT NULL REFERENCES alliance(id),
          ${period} date NOT NULL,
          unit_id uuid NOT NULL,
          ledger_entries int NOT NULL,
          points int NOT NULL,
          activities int NOT NULL,
          PRIMARY KEY (alliance_id, ${period}, unit_id)
        )`);
    }
    // Its own tables only: those of later migrations (dashboard_need_grid_day) do not exist yet.
    const { NEED_DAY, FOLLOW_UP_DAY, ACTIVITY_DAY, BOOKING_DAY, UNIT_DAY, UNIT_MONTH } = DAY_TABLES;
    await rebuildDashboardDays(q.manager, undefined, [NEED_DAY, FOLLOW_UP_DAY, ACTIVITY_DAY, BOOKING_DAY, UNIT_DAY, UNIT_MONTH]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['dashboard_unit_month', 'dashboard_unit_day', 'dashboard_booking_day', 'dashboard_activity_day', 'dashboard_follow_up_day', 'dashboard_need_day']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
