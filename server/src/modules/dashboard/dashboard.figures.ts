import { ActivityKind, FINISHED_NEED_STATUSES, NeedStatus } from '@alliance/shared';
import { onOrAfterDay, onOrBeforeDay } from '../../common/local-days.js';
import { DAY_TABLES, monthsTableOf, yearsTableOf, type DayTable } from './dashboard.days.js';

/*
 * docs/domain.md's "Dashboard figures", each defined once, here, as SQL the
 * database aggregates (no rows are loaded into Node). Parameters:
 *   $1 the caller's alliance, $2 `from` and $3 `to` (dates, inclusive),
 *   $4 and $5 the months summed whole, $6 and $7 the years summed whole
 *   (rangeParams()), $8 topUnits' `first`.
 * Figures "in range" count records whose date falls in [from, to] in the
 * alliance's local time: they are sums over the range of the per-day,
 * per-month and per-year aggregates (dashboard.days.ts, kept by the domain
 * events). The others are snapshots, "as of `to`" or "now", counted on the
 * records (a few hundred rows of an alliance through an index): they depend
 * on the clock (overdue) or on the record's state today, which no day of the
 * past holds.
 * __tests__/figures-from-records.ts keeps every figure counted on the records,
 * the reference the aggregates are tested against.
 */

/**
 * "In range": the instant falls on a local calendar day in [from, to], i.e.
 * from local midnight of `from` up to (excluding) local midnight after `to`.
 * Written as a range on the bare column so indexes on it apply.
 */
export function inRange(column: string): string {
  return `(${onOrAfterDay(column, '$2')} AND ${onOrBeforeDay(column, '$3')})`;
}

/** unitCount: "ACTIVE units as of `to`" — active, and joined on or before `to`. */
export const UNIT_COUNT = `
  SELECT count(*) FROM member_unit
   WHERE alliance_id = $1 AND status = 'ACTIVE' AND joined_at <= $3::date`;

/**
 * signedAgreementCount: "agreements with signedAt <= `to` <= validUntil" (valid
 * on `to`). A unit that renewed early holds two such agreements for a while;
 * it is counted once, so the figure reads "units with a signed agreement".
 */
export const SIGNED_AGREEMENT_COUNT = `
  SELECT count(DISTINCT unit_id) FROM agreement
   WHERE alliance_id = $1 AND signed_at <= $3::date AND $3::date <= valid_until`;

/** shelfProjectsOnShelf: projects "ON_SHELF now". */
export const SHELF_PROJECTS_ON_SHELF = `
  SELECT count(*) FROM shelf_project WHERE alliance_id = $1 AND status = 'ON_SHELF'`;

/** An SQL array of the given constants (the schema's own enum values, never input). */
const textArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;

/**
 * Table `t`'s rows for [a, b) of its day, month or year column, with their
 * month (the timestamp of the month's first day) when `month`, the table's
 * keys and the `figures` asked for: added when a < b, taken off (negated)
 * when b < a, none when a = b.
 */
function between(t: DayTable, month: boolean, figures: readonly string[], a: string, b: string): string {
  const [, period] = t.columns;
  const sign = `(CASE WHEN ${a} < ${b} THEN 1 ELSE -1 END)`;
  return `SELECT ${[...(month ? [`date_trunc('month', x.${period}::timestamp)`] : []), ...t.key.slice(2).map((k) => `x.${k}`), ...figures.map((f) => `${sign} * x.${f}`)].join(', ')}
              FROM ${t.table} x
             WHERE x.alliance_id = $1 AND x.${period} >= least(${a}, ${b}) AND x.${period} < greatest(${a}, ${b})`;
}

/**
 * The rows of the per-day table `day` that sum to [from, to] ($2, $3), with
 * the table's keys and the `figures` asked for, and their month (`month`,
 * the timestamp of the month's first day) unless `perMonth` is false: the
 * whole months [$4, $5) from its month table (rangeParams()), and the days
 * between `from` and $4 and between $5 and the day after `to` from `day`,
 * added when they lie inside the range and taken off when outside. A table
 * with years, read without months, takes the whole years [$6, $7) from its
 * year table and the months between $4 and $6 and between $7 and $5. Summed,
 * the rows are exactly the range's days summed (whole numbers and
 * numeric(14,1): no rounding), a dozen month rows per key for a year instead
 * of 365 day rows, or one year row and a month or two.
 */
function rangeRows(day: DayTable, figures: readonly string[], perMonth = true): string {
  const months = monthsTableOf(day);
  const years = perMonth ? undefined : yearsTableOf(months);
  const keys = day.key.slice(2);
  const whole = (t: DayTable, a: string, b: string) => {
    const [, period] = t.columns;
    return `SELECT ${[...(perMonth ? [`w.${period}::timestamp AS month`] : []), ...[...keys, ...figures].map((c) => `w.${c}`)].join(', ')}
              FROM ${t.table} w
             WHERE w.alliance_id = $1 AND w.${period} >= ${a} AND w.${period} < ${b}`;
  };
  return [
    years ? whole(years, '$6::date', '$7::date') : whole(months, '$4::date', '$5::date'),
    ...(years
      ? [
          `-- from the first month summed to the first year summed (or back to it)\n${between(months, perMonth, figures, '$4::date', '$6::date')}`,
          `-- from the end of the last year summed to the end of the last month summed (or back to it)\n${between(months, perMonth, figures, '$7::date', '$5::date')}`,
        ]
      : []),
    `-- from the range's first day to the first month summed (or back to it)\n${between(day, perMonth, figures, '$2::date', '$4::date')}`,
    `-- from the end of the last month summed to the range's end (or back to it)\n${between(day, perMonth, figures, '$5::date', '($3::date + 1)')}`,
  ].join('\nUNION ALL\n');
}

/**
 * needsOverdue: "overdue now (see Lifecycles), any date" — not
 * RESOLVED/CLOSED/REJECTED and dueAt in the past.
 */
export const NEEDS_OVERDUE = `
  SELECT count(*) FROM need
   WHERE alliance_id = $1 AND due_at < now()
     AND status NOT IN (${FINISHED_NEED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * Every single-number figure in one statement ($1 alliance, $2 from, $3 to):
 * - needsReported: needs whose "reportedAt [is] in range"; needsResolved:
 *   "of those, the ones now RESOLVED or CLOSED" (dashboard_need_day: by the
 *   day reported, per status now);
 * - averageSatisfaction: "over follow-ups done in range", to two decimals,
 *   null when there were none (the days' satisfaction summed over their count:
 *   the average of the follow-ups themselves);
 * - activitiesCompleted, volunteerHours, beneficiaries: "COMPLETED activities
 *   whose endsAt is in range", their outcomes summed.
 */
export const SCALAR_FIGURES = `
  SELECT (${UNIT_COUNT})::int AS "unitCount",
         (${SIGNED_AGREEMENT_COUNT})::int AS "signedAgreementCount",
         (${SHELF_PROJECTS_ON_SHELF})::int AS "shelfProjectsOnShelf",
         n."needsReported", n."needsResolved",
         (${NEEDS_OVERDUE})::int AS "needsOverdue",
         f."averageSatisfaction",
         a."activitiesCompleted", a."volunteerHours", a."beneficiaries"
    FROM (SELECT coalesce(sum(d.needs), 0)::int AS "needsReported",
                 coalesce(sum(d.needs) FILTER (WHERE d.status IN ('RESOLVED', 'CLOSED')), 0)::int AS "needsResolved"
            FROM (${rangeRows(DAY_TABLES.NEED_DAY, ['needs'])}) d) n,
         (SELECT round(sum(d.satisfaction_sum)::numeric / nullif(sum(d.follow_ups), 0), 2)::float8 AS "averageSatisfaction"
            FROM (${rangeRows(DAY_TABLES.FOLLOW_UP_DAY, ['follow_ups', 'satisfaction_sum'])}) d) f,
         (SELECT coalesce(sum(d.activities), 0)::int AS "activitiesCompleted",
                 coalesce(sum(d.volunteer_hours), 0)::float8 AS "volunteerHours",
                 coalesce(sum(d.beneficiaries), 0)::int AS "beneficiaries"
            FROM (${rangeRows(DAY_TABLES.ACTIVITY_DAY, ['activities', 'volunteer_hours', 'beneficiaries'])}) d) a`;

/**
 * shelfProjectsByCategory: projects "ON_SHELF now" per category, every
 * category of the alliance listed (0 included), in the categories' order;
 * the counts add up to shelfProjectsOnShelf. Takes $1 only.
 */
export const SHELF_PROJECTS_BY_CATEGORY = `
  SELECT c.id AS "categoryId", count(p.id)::int AS count
    FROM service_category c
    LEFT JOIN shelf_project p ON p.category_id = c.id AND p.alliance_id = $1 AND p.status = 'ON_SHELF'
   WHERE c.alliance_id = $1
   GROUP BY c.id, c.sort_order, c.code
   ORDER BY c.sort_order, c.code`;

/**
 * needsByStatus (beyond docs/domain.md's list, for the needs funnel): the needs
 * counted by needsReported, by the status they are in now, every status
 * listed (0 included) in the loop's order; the counts add up to needsReported.
 */
export const NEEDS_BY_STATUS = `
  SELECT s.status, coalesce(d.needs, 0)::int AS count
    FROM unnest(${textArray(Object.values(NeedStatus))}) WITH ORDINALITY AS s(status, position)
    LEFT JOIN (SELECT d.status, sum(d.needs) AS needs FROM (${rangeRows(DAY_TABLES.NEED_DAY, ['needs'])}) d GROUP BY d.status) d ON d.status = s.status
   ORDER BY s.position`;

/** Every local calendar month of [$2, $3], as the timestamp of its first day. */
const MONTHS_OF_RANGE = `generate_series(date_trunc('month', $2::date::timestamp), date_trunc('month', $3::date::timestamp), interval '1 month')`;

/**
 * A per-month list sums the range's days once, grouped by their month, and
 * joins the sums to every month of the range by equality: joined to the
 * months by a range condition, PostgreSQL scanned the days once per month,
 * or, in a generic plan, every day for every month (13 × 1,009 rows on L).
 *
 * activitiesByMonth: the COMPLETED activities whose endsAt is in range, per
 * local calendar month (YYYY-MM), every month of the range listed, zeros
 * included; the counts add up to activitiesCompleted.
 */
export const ACTIVITIES_BY_MONTH = `
  SELECT to_char(m.month, 'YYYY-MM') AS month, coalesce(d.activities, 0)::int AS count
    FROM ${MONTHS_OF_RANGE} AS m(month)
    LEFT JOIN (SELECT d.month, sum(d.activities) AS activities
                 FROM (${rangeRows(DAY_TABLES.ACTIVITY_DAY, ['activities'])}) d GROUP BY 1) d ON d.month = m.month
   ORDER BY m.month`;

/**
 * activitiesByKind (beyond docs/domain.md's list; the article counts its
 * "240+ joint actions" by kind): the COMPLETED activities whose endsAt is in
 * range, per kind, every kind listed (0 included) in the enum's order; the
 * counts add up to activitiesCompleted, the beneficiaries to beneficiaries
 * (红色教育 and 党史学习 are counted so).
 */
export const ACTIVITIES_BY_KIND = `
  SELECT k.kind, coalesce(d.activities, 0)::int AS count, coalesce(d.beneficiaries, 0)::int AS beneficiaries
    FROM unnest(${textArray(Object.values(ActivityKind))}) WITH ORDINALITY AS k(kind, position)
    LEFT JOIN (SELECT d.kind, sum(d.activities) AS activities, sum(d.beneficiaries) AS beneficiaries
                 FROM (${rangeRows(DAY_TABLES.ACTIVITY_DAY, ['activities', 'beneficiaries'])}) d GROUP BY d.kind) d ON d.kind = k.kind
   ORDER BY k.position`;

/**
 * bookingsDone, offHoursBookingsDone (错时约办, beyond docs/domain.md's first
 * list): DONE bookings whose slot starts in range, and of those the ones in
 * an off-hours slot. Dated by the slot, not by when the unit recorded it: the
 * service was given then.
 */
export const BOOKINGS_DONE = `
  SELECT coalesce(sum(d.done), 0)::int AS "bookingsDone", coalesce(sum(d.off_hours_done), 0)::int AS "offHoursBookingsDone"
    FROM (${rangeRows(DAY_TABLES.BOOKING_DAY, ['done', 'off_hours_done'])}) d`;

/**
 * topUnits: units "by points earned in range" (their ledger rows whose
 * earned_at is in range), ties by name (code-point order, the same on every
 * server); `activities` = the unit's CONFIRMED sign-ups on activities
 * COMPLETED in range. Units that earned nothing in range are not listed.
 * $8 = how many. (A year of a city alliance has about as many (unit, day)
 * pairs as ledger rows, unit × month 6-7× fewer, unit × year 12× fewer
 * again: rangeRows().)
 */
export const TOP_UNITS = `
  WITH units AS (
    SELECT x.unit_id, sum(x.ledger_entries) AS entries, sum(x.points) AS points, sum(x.activities) AS activities
      FROM (${rangeRows(DAY_TABLES.UNIT_DAY, ['ledger_entries', 'points', 'activities'], false)}) x
     GROUP BY x.unit_id
  )
  SELECT u.id AS "unitId", t.points::int AS points, t.activities::int AS activities
    FROM units t JOIN member_unit u ON u.id = t.unit_id AND u.alliance_id = $1
   WHERE t.entries > 0
   ORDER BY t.points DESC, u.name COLLATE "C", u.id
   LIMIT $8`;

/**
 * TOP_UNITS with `unit`, an SQL expression of the unit `u`'s row, beside
 * each (the dashboard's one statement names them): built for the ranked
 * rows only, after the LIMIT (in the ranking itself it would be built for
 * every unit of the alliance before the sort), and sorted again by the same
 * total order.
 */
export const topUnitsNamed = (unit: string) => `
  SELECT t."unitId", t.points, t.activities, ${unit} AS unit
    FROM (${TOP_UNITS}) t JOIN member_unit u ON u.id = t."unitId" AND u.alliance_id = $1
   ORDER BY t.points DESC, u.name COLLATE "C", u.id`;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonthStart = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
};
/** Of `before` and `after` (days around `day`), the nearer to `day`; ties: `before`. */
const nearer = (day: string, before: string, after: string) => (dayNumber(day) - dayNumber(before) <= dayNumber(after) - dayNumber(day) ? before : after);
/** The first day of the month nearest to `day` (itself on a 1st). */
const nearestMonthStart = (day: string) => nearer(day, monthStart(day), nextMonthStart(day));
/** The first day of the year nearest to `day` (itself on 1 January). */
const nearestYearStart = (day: string) => nearer(day, `${day.slice(0, 4)}-01-01`, `${Number(day.slice(0, 4)) + 1}-01-01`);

/**
 * $4 and $5 for [from, to] (rangeRows()): the month starts nearest `from` and
 * the day after `to`, so that the fewest days are added or taken off (a
 * range from the 3rd takes its first month whole less the 1st and 2nd, not
 * 29 days). When both ends are nearest the same month start, no month is
 * summed whole and the range comes from its days ([from, from)).
 */
export function wholeMonths(from: string, to: string): [string, string] {
  const first = nearestMonthStart(from);
  const until = nearestMonthStart(new Date((dayNumber(to) + 1) * 86_400_000).toISOString().slice(0, 10));
  return first < until ? [first, until] : [from, from];
}

/**
 * $6 and $7 for the whole months [first, until) (rangeRows()): the year
 * starts nearest to each, so that the fewest months are added or taken off
 * (the 12 months from December take the next year whole, less its December,
 * and the December before). When both are nearest the same year start, no
 * year is summed whole ([first, first)).
 */
export function wholeYears(first: string, until: string): [string, string] {
  if (first >= until) return [first, first];
  const [a, b] = [nearestYearStart(first), nearestYearStart(until)];
  return a < b ? [a, b] : [first, first];
}

/** $2 to $7 of every dashboard statement for [from, to]: the range, its whole months and its whole years. */
export function rangeParams(from: string, to: string): [string, string, string, string, string, string] {
  const months = wholeMonths(from, to);
  return [from, to, ...months, ...wholeYears(...months)];
}

/**
 * needsByGrid (beyond docs/domain.md's list, for the needs-per-grid bars): the
 * needs counted by needsReported, per grid, and of those the ones now
 * RESOLVED or CLOSED; every grid of the alliance listed (0 included) in the
 * grids' order. The reported counts add up to needsReported
 * (dashboard_need_grid_day: by the day reported, per grid).
 */
export const NEEDS_BY_GRID = `
  SELECT g.id AS "gridId", coalesce(d.needs, 0)::int AS reported, coalesce(d.resolved, 0)::int AS resolved
    FROM grid g
    LEFT JOIN (SELECT d.grid_id, sum(d.needs) AS needs, sum(d.resolved) AS resolved
                 FROM (${rangeRows(DAY_TABLES.NEED_GRID_DAY, ['needs', 'resolved'])}) d GROUP BY d.grid_id) d ON d.grid_id = g.id
   WHERE g.alliance_id = $1
   ORDER BY g.sort_order, g.name COLLATE "C", g.id`;

/**
 * overdueNeedsByUnit (beyond docs/domain.md's list): the needs overdue now
 * (as needsOverdue), per delivering unit their plan names (need_delivery), the
 * most first, ties by name; units with none are not listed. A need delivered
 * by two units counts for each. $2 = how many.
 */
export const OVERDUE_NEEDS_BY_UNIT = `
  SELECT u.id AS "unitId", count(*)::int AS count
    FROM need n
    JOIN need_delivery d ON d.need_id = n.id AND d.alliance_id = $1
    JOIN member_unit u ON u.id = d.unit_id AND u.alliance_id = $1
   WHERE n.alliance_id = $1 AND n.due_at < now()
     AND n.status NOT IN (${FINISHED_NEED_STATUSES.map((s) => `'${s}'`).join(', ')})
   GROUP BY u.id, u.name
   ORDER BY count DESC, u.name COLLATE "C", u.id
   LIMIT $2`;

/**
 * satisfactionByMonth (beyond docs/domain.md's list): averageSatisfaction per
 * local calendar month of its follow-up, every month of the range listed; a
 * month without follow-ups has a null average (no score, not a score of 0).
 * The months' days of dashboard_follow_up_day, as averageSatisfaction.
 */
export const SATISFACTION_BY_MONTH = `
  SELECT to_char(m.month, 'YYYY-MM') AS month, coalesce(d.follow_ups, 0)::int AS "followUps",
         round(d.satisfaction_sum::numeric / nullif(d.follow_ups, 0), 2)::float8 AS average
    FROM ${MONTHS_OF_RANGE} AS m(month)
    LEFT JOIN (SELECT d.month, sum(d.follow_ups) AS follow_ups, sum(d.satisfaction_sum) AS satisfaction_sum
                 FROM (${rangeRows(DAY_TABLES.FOLLOW_UP_DAY, ['follow_ups', 'satisfaction_sum'])}) d GROUP BY 1) d ON d.month = m.month
   ORDER BY m.month`;

/**
 * The figures of dashboard(from, to) without arguments of their own, each a
 * part of one statement (DASHBOARD_FIGURES): `row` parts are one row (an
 * object), the others a list of rows in the statement's order.
 */
export const DASHBOARD_PARTS = {
  scalars: { sql: SCALAR_FIGURES, row: true },
  bookings: { sql: BOOKINGS_DONE, row: true },
  shelfProjectsByCategory: { sql: SHELF_PROJECTS_BY_CATEGORY, row: false },
  activitiesByMonth: { sql: ACTIVITIES_BY_MONTH, row: false },
  activitiesByKind: { sql: ACTIVITIES_BY_KIND, row: false },
  needsByStatus: { sql: NEEDS_BY_STATUS, row: false },
  needsByGrid: { sql: NEEDS_BY_GRID, row: false },
  satisfactionByMonth: { sql: SATISFACTION_BY_MONTH, row: false },
} as const;
export type DashboardPart = keyof typeof DASHBOARD_PARTS;

/**
 * The asked-for parts in one statement ($1-$7 as above, and $8 with
 * `ranked`): one JSON object with a key per part. A list is aggregated
 * from its statement as a sorted subquery, whose order json_agg keeps
 * (nothing is joined above it); the tests hold every list's order. `ranked`:
 * topUnits too, each row with its unit's row (`ranked.unit` of the unit
 * `u`), so that a dashboard with its ranking is one statement.
 */
export function dashboardFigures(parts: readonly DashboardPart[], ranked?: { unit: string }): string {
  const part = (name: DashboardPart) => {
    const { sql, row } = DASHBOARD_PARTS[name];
    return row ? `'${name}', (SELECT row_to_json(p) FROM (${sql}) p)` : `'${name}', (SELECT coalesce(json_agg(p), '[]') FROM (${sql}) p)`;
  };
  const all = parts.map(part);
  if (ranked) all.push(`'topUnits', (SELECT coalesce(json_agg(p), '[]') FROM (${topUnitsNamed(ranked.unit)}) p)`);
  // FROM names every parameter, whichever parts use them (PostgreSQL refuses a parameter it cannot type).
  return `SELECT json_build_object(${all.join(',\n')}) AS figures FROM (SELECT $1::uuid, $2::date, $3::date, $4::date, $5::date, $6::date, $7::date${ranked ? ', $8::int' : ''}) AS params`;
}
