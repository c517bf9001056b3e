import { ALLIANCE_TIME_ZONE, localDate } from '@alliance/shared';
import type { EntityManager } from 'typeorm';

/*
 * The dashboard's "in range" figures as per-day aggregates (issue 17): one row
 * per alliance × local calendar day (× status, kind or unit), so that a
 * dashboard sums ~a row per day of its range instead of every need, activity,
 * sign-up and ledger row of a year. docs/architecture.md "Dashboard figures:
 * sums of days and snapshots" says which figures come from here and which
 * are counted on the records ("now" and "as of `to`").
 *
 * Each table is defined once, by the statement that recomputes it from the
 * records: for one day (the domain events, dashboard.subscribers.ts, inside
 * the transaction of the change) or for every day (the migration, the demo
 * seed, the benchmark's loader: rebuildDashboardDays). Recomputing rather
 * than adding deltas keeps a table equal to its records whatever the step
 * did; the per-alliance lock taken first (lockDashboardDays) makes concurrent
 * writers recompute in turn, each from a snapshot that holds the other's
 * committed change.
 */

/** The local calendar day of a timestamptz column (the same day inRange() counts it on). */
export const localDay = (column: string) => `(${column} AT TIME ZONE '${ALLIANCE_TIME_ZONE}')::date`;

/** `column` falls on local day `day` (an SQL date expression), as a range on the bare column so indexes apply. */
const onDay = (column: string, day: string) =>
  `${column} >= (${day})::timestamp AT TIME ZONE '${ALLIANCE_TIME_ZONE}' AND ${column} < (${day} + 1)::timestamp AT TIME ZONE '${ALLIANCE_TIME_ZONE}'`;

/**
 * One aggregate table: its rows for alliance $1, from the records, for local
 * day $2 (a date) or, when $2 is null, for every day.
 */
export interface DayTable {
  table: string;
  /** The columns the SELECT returns, in order (alliance_id and day first). */
  columns: string[];
  /** Primary key columns (ON CONFLICT target). */
  key: string[];
  /** SELECT of the rows; `day(column)` is the condition "on day $2, or any day". */
  select: (day: (column: string) => string) => string;
}

const anyDayOr$2 = (column: string) => `($2::date IS NULL OR (${onDay(column, '$2::date')}))`;

/** needsReported, needsResolved, needsByStatus: needs by the day they were reported and the status they are in now. */
const NEED_DAY: DayTable = {
  table: 'dashboard_need_day',
  columns: ['alliance_id', 'day', 'status', 'needs'],
  key: ['alliance_id', 'day', 'status'],
  select: (day) => `
    SELECT n.alliance_id, ${localDay('n.reported_at')}, n.status, count(*)::int
      FROM need n WHERE n.alliance_id = $1 AND ${day('n.reported_at')}
     GROUP BY 1, 2, 3`,
};

/** needsByGrid: needs by the day they were reported, per grid, and of those the ones now RESOLVED or CLOSED. */
const NEED_GRID_DAY: DayTable = {
  table: 'dashboard_need_grid_day',
  columns: ['alliance_id', 'day', 'grid_id', 'needs', 'resolved'],
  key: ['alliance_id', 'day', 'grid_id'],
  select: (day) => `
    SELECT n.alliance_id, ${localDay('n.reported_at')}, n.grid_id, count(*)::int, (count(*) FILTER (WHERE n.status IN ('RESOLVED', 'CLOSED')))::int
      FROM need n WHERE n.alliance_id = $1 AND ${day('n.reported_at')}
     GROUP BY 1, 2, 3`,
};

/** averageSatisfaction, satisfactionByMonth: follow-ups by the day they were done, and their satisfaction summed. */
const FOLLOW_UP_DAY: DayTable = {
  table: 'dashboard_follow_up_day',
  columns: ['alliance_id', 'day', 'follow_ups', 'satisfaction_sum'],
  key: ['alliance_id', 'day'],
  select: (day) => `
    SELECT n.alliance_id, ${localDay('n.followed_up_at')}, count(*)::int, sum(n.satisfaction)::int
      FROM need n WHERE n.alliance_id = $1 AND n.satisfaction IS NOT NULL AND ${day('n.followed_up_at')}
     GROUP BY 1, 2`,
};

/** activitiesCompleted, volunteerHours, beneficiaries, activitiesByMonth, activitiesByKind: COMPLETED activities by the day they ended, per kind. */
const ACTIVITY_DAY: DayTable = {
  table: 'dashboard_activity_day',
  columns: ['alliance_id', 'day', 'kind', 'activities', 'volunteer_hours', 'beneficiaries'],
  key: ['alliance_id', 'day', 'kind'],
  select: (day) => `
    SELECT a.alliance_id, ${localDay('a.ends_at')}, a.kind, count(*)::int,
           coalesce(sum(a.outcome_volunteer_hours), 0), coalesce(sum(a.outcome_beneficiaries), 0)::bigint
      FROM activity a WHERE a.alliance_id = $1 AND a.status = 'COMPLETED' AND ${day('a.ends_at')}
     GROUP BY 1, 2, 3`,
};

/** bookingsDone, offHoursBookingsDone: DONE bookings by their slot's day. */
const BOOKING_DAY: DayTable = {
  table: 'dashboard_booking_day',
  columns: ['alliance_id', 'day', 'done', 'off_hours_done'],
  key: ['alliance_id', 'day'],
  select: (day) => `
    SELECT b.alliance_id, ${localDay('s.starts_at')}, count(*)::int, (count(*) FILTER (WHERE s.off_hours))::int
      FROM booking b JOIN service_slot s ON s.id = b.slot_id AND s.alliance_id = $1
     WHERE b.alliance_id = $1 AND b.status = 'DONE' AND ${day('s.starts_at')}
     GROUP BY 1, 2`,
};

/**
 * topUnits: per unit and day, its ledger rows (how many, and their points,
 * by the day earned) and its CONFIRMED sign-ups on activities COMPLETED that
 * day. A year of a city alliance has about as many (unit, day) pairs as
 * ledger rows, so whole months are also kept (UNIT_MONTH) and a range sums
 * its whole months there and only its partial months' days here.
 */
const UNIT_DAY: DayTable = {
  table: 'dashboard_unit_day',
  columns: ['alliance_id', 'day', 'unit_id', 'ledger_entries', 'points', 'activities'],
  key: ['alliance_id', 'day', 'unit_id'],
  select: (day) => `
    SELECT $1::uuid, x.day, x.unit_id, sum(x.entries)::int, sum(x.points)::int, sum(x.activities)::int
      FROM (SELECT ${localDay('e.earned_at')} AS day, e.unit_id, 1 AS entries, e.points, 0 AS activities
              FROM points_entry e WHERE e.alliance_id = $1 AND ${day('e.earned_at')}
            UNION ALL
            SELECT ${localDay('a.ends_at')}, s.unit_id, 0, 0, 1
              FROM activity a JOIN signup s ON s.activity_id = a.id AND s.alliance_id = $1 AND s.status = 'CONFIRMED'
             WHERE a.alliance_id = $1 AND a.status = 'COMPLETED' AND ${day('a.ends_at')}) x
     GROUP BY x.day, x.unit_id`,
};

/**
 * A table's rows summed over whole months or years (recomputed from the
 * finer table `t`, its day or month column giving `period`'s first day, the
 * same keys and figures): a range sums its whole periods here and only the
 * remainder from the finer table (dashboard.figures.ts, rangeRows()), a
 * dozen month rows per key for a year instead of 365 day rows.
 */
function summedBy(t: DayTable, period: 'month' | 'year', table: string): DayTable {
  const [, finer, ...rest] = t.columns;
  const keys = t.key.slice(2);
  const first = `date_trunc('${period}', $2::date::timestamp)`;
  return {
    table,
    columns: ['alliance_id', period, ...rest],
    key: ['alliance_id', period, ...keys],
    select: () => `
      SELECT d.alliance_id, date_trunc('${period}', d.${finer}::timestamp)::date, ${rest.map((c) => (keys.includes(c) ? `d.${c}` : `sum(d.${c})`)).join(', ')}
        FROM ${t.table} d
       WHERE d.alliance_id = $1 AND ($2::date IS NULL OR (d.${finer} >= ${first}::date AND d.${finer} < (${first} + interval '1 ${period}')::date))
       GROUP BY ${['1', '2', ...keys.map((k) => `d.${k}`)].join(', ')}`,
  };
}

const NEED_MONTH = summedBy(NEED_DAY, 'month', 'dashboard_need_month');
const NEED_GRID_MONTH = summedBy(NEED_GRID_DAY, 'month', 'dashboard_need_grid_month');
const FOLLOW_UP_MONTH = summedBy(FOLLOW_UP_DAY, 'month', 'dashboard_follow_up_month');
const ACTIVITY_MONTH = summedBy(ACTIVITY_DAY, 'month', 'dashboard_activity_month');
const BOOKING_MONTH = summedBy(BOOKING_DAY, 'month', 'dashboard_booking_month');
const UNIT_MONTH = summedBy(UNIT_DAY, 'month', 'dashboard_unit_month');
/**
 * topUnits' whole years: an alliance of 200 units has ~2,400 unit-month rows
 * a year, which a 12-month ranking summed row by row (~half of the
 * dashboard's statement); from its years it sums ~200, plus the months
 * between its ends and the nearest year starts. Only topUnits has one: the
 * other tables hold a few rows per month, and their per-month lists need
 * months.
 */
const UNIT_YEAR = summedBy(UNIT_MONTH, 'year', 'dashboard_unit_year');

export const DAY_TABLES = {
  NEED_DAY,
  NEED_GRID_DAY,
  FOLLOW_UP_DAY,
  ACTIVITY_DAY,
  BOOKING_DAY,
  UNIT_DAY,
  UNIT_MONTH,
  UNIT_YEAR,
  NEED_MONTH,
  NEED_GRID_MONTH,
  FOLLOW_UP_MONTH,
  ACTIVITY_MONTH,
  BOOKING_MONTH,
} as const;
/** Each day table's months, and a month table's years where it has them: recomputed after the finer table. */
const COARSER = new Map<DayTable, DayTable>([
  [NEED_DAY, NEED_MONTH],
  [NEED_GRID_DAY, NEED_GRID_MONTH],
  [FOLLOW_UP_DAY, FOLLOW_UP_MONTH],
  [ACTIVITY_DAY, ACTIVITY_MONTH],
  [BOOKING_DAY, BOOKING_MONTH],
  [UNIT_DAY, UNIT_MONTH],
  [UNIT_MONTH, UNIT_YEAR],
]);
/** The table summed from `t` by `period`, if there is one. */
function summedFrom(t: DayTable, period: 'month' | 'year'): DayTable | undefined {
  const coarser = COARSER.get(t);
  return coarser?.columns[1] === period ? coarser : undefined;
}
/** The month table kept beside day table `t`. */
export function monthsTableOf(t: DayTable): DayTable {
  return summedFrom(t, 'month')!;
}
/** The year table kept beside month table `t`, if it has one. */
export function yearsTableOf(t: DayTable): DayTable | undefined {
  return summedFrom(t, 'year');
}
/** Table `t` and the tables summed from it, finest first. */
function withCoarser(t: DayTable): DayTable[] {
  const coarser = COARSER.get(t);
  return [t, ...(coarser ? withCoarser(coarser) : [])];
}
/** In the order a rebuild must run them (months from days, years from months). */
const ALL: readonly DayTable[] = [NEED_DAY, NEED_GRID_DAY, FOLLOW_UP_DAY, ACTIVITY_DAY, BOOKING_DAY, UNIT_DAY].flatMap(withCoarser);

/**
 * Recomputes table `t`'s rows of one day (or its month or year, for a month or year table) in one
 * statement: every row of that day is written again, and rows the records no
 * longer give are set to zero (a need that changed status leaves its old
 * status's row at 0), so the table's sums stay those of the records.
 */
function recomputeDay(t: DayTable): string {
  const [, dayColumn] = t.columns;
  const values = t.columns.filter((c) => !t.key.includes(c));
  return `
    WITH fresh AS (${t.select(anyDayOr$2)}),
    upserted AS (
      INSERT INTO ${t.table} (${t.columns.join(', ')}) SELECT * FROM fresh
      ON CONFLICT (${t.key.join(', ')}) DO UPDATE SET ${values.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
      RETURNING ${t.key.join(', ')})
    UPDATE ${t.table} o SET ${values.map((c) => `${c} = 0`).join(', ')}
     WHERE o.alliance_id = $1 AND o.${dayColumn} = ${dayColumn === 'day' ? '$2::date' : `date_trunc('${dayColumn}', $2::date::timestamp)::date`}
       AND NOT EXISTS (SELECT 1 FROM upserted u WHERE ${t.key.map((c) => `u.${c} = o.${c}`).join(' AND ')})`;
}

const RECOMPUTE = new Map(ALL.map((t) => [t, recomputeDay(t)]));

/**
 * Before any recomputation in a transaction: writers of one alliance's
 * figures take turns until commit, so that each recomputes from a snapshot
 * holding what the one before it committed (READ COMMITTED: the next
 * statement's snapshot is taken after the lock is granted).
 */
export const LOCK_DASHBOARD_DAYS_EXPR = `pg_advisory_xact_lock(hashtextextended('dashboard-days ' || $1::text, 0))`;
export const LOCK_DASHBOARD_DAYS = `SELECT ${LOCK_DASHBOARD_DAYS_EXPR}`;

/** Recomputes one local day (YYYY-MM-DD) of the given day tables, and its month and year, for the alliance; the caller holds LOCK_DASHBOARD_DAYS. */
export async function recomputeDays(manager: EntityManager, allianceId: string, day: string, tables: readonly DayTable[]): Promise<void> {
  for (const t of tables.flatMap(withCoarser)) await manager.query(RECOMPUTE.get(t)!, [allianceId, day]);
}

/** Day table `t`, its months and years again for every day of the alliance, from the records; the caller holds LOCK_DASHBOARD_DAYS. */
export async function rebuildDaysAndMonths(manager: EntityManager, allianceId: string, t: DayTable): Promise<void> {
  for (const table of withCoarser(t)) await rebuildTable(manager, allianceId, table);
}

/** Table `t` again for every day of the alliance, from the records; the caller holds LOCK_DASHBOARD_DAYS. */
export async function rebuildTable(manager: EntityManager, allianceId: string, t: DayTable): Promise<void> {
  await manager.query(`DELETE FROM ${t.table} WHERE alliance_id = $1`, [allianceId]);
  await manager.query(`INSERT INTO ${t.table} (${t.columns.join(', ')}) ${t.select(anyDayOr$2)}`, [allianceId, null]);
}

/**
 * Every table (or the given ones, in that order) rebuilt from the records,
 * for one alliance or all of them: after loading records without their
 * events (the migrations' backfill, the demo seed, the benchmark's COPY, a
 * test writing rows directly). A migration names the tables it created: a
 * later migration's tables do not exist yet when it runs.
 */
export async function rebuildDashboardDays(manager: EntityManager, allianceId?: string, tables: readonly DayTable[] = ALL): Promise<void> {
  const alliances: string[] = allianceId ? [allianceId] : (await manager.query(`SELECT id FROM alliance ORDER BY id`)).map((r: { id: string }) => r.id);
  for (const id of alliances) {
    await manager.query(LOCK_DASHBOARD_DAYS, [id]);
    for (const t of tables) await rebuildTable(manager, id, t);
  }
}

/** The local calendar day (YYYY-MM-DD) of an instant (shared's localDate, with its formatter built once). */
export function localDayOf(at: Date): string {
  return localDate(at, ALLIANCE_TIME_ZONE);
}
