import { ALLIANCE_TIME_ZONE, FINISHED_NEED_STATUSES } from '@alliance/shared';
import { inRange } from '../dashboard.figures.js';

/*
 * The reference for the per-day aggregates (dashboard.days.ts): docs/domain.md's
 * "Dashboard figures" counted on the records themselves, as the dashboard
 * computed them before issue 17. dashboard-days.test.ts holds the
 * dashboard to these. Parameters:
 *   $1 the caller's alliance, $2 `from` and $3 `to` (dates, inclusive).
 * Figures "in range" count records whose date falls in [from, to] in the
 * alliance's local time; the others are "as of `to`" or "now", as noted.
 */

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

/** needsReported: needs whose "reportedAt [is] in range". */
export const NEEDS_REPORTED = `
  SELECT count(*) FROM need WHERE alliance_id = $1 AND ${inRange('reported_at')}`;

/** needsResolved: "of those" (needsReported), "the ones now RESOLVED or CLOSED". */
export const NEEDS_RESOLVED = `${NEEDS_REPORTED} AND status IN ('RESOLVED', 'CLOSED')`;

/**
 * needsOverdue: "overdue now (see Lifecycles), any date" — not
 * RESOLVED/CLOSED/REJECTED and dueAt in the past.
 */
export const NEEDS_OVERDUE = `
  SELECT count(*) FROM need
   WHERE alliance_id = $1 AND due_at < now()
     AND status NOT IN (${FINISHED_NEED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * averageSatisfaction: "over follow-ups done in range" (followed_up_at in
 * range), to two decimals; null when there were none.
 */
export const AVERAGE_SATISFACTION = `
  SELECT round(avg(satisfaction), 2) FROM need
   WHERE alliance_id = $1 AND satisfaction IS NOT NULL AND ${inRange('followed_up_at')}`;

/** The activities behind activitiesCompleted, volunteerHours, beneficiaries, activitiesByMonth: "COMPLETED activities whose endsAt is in range". */
const COMPLETED_ACTIVITIES_IN_RANGE = (alias: string) =>
  `${alias}.alliance_id = $1 AND ${alias}.status = 'COMPLETED' AND ${inRange(`${alias}.ends_at`)}`;

/** activitiesCompleted: "COMPLETED activities whose endsAt is in range". */
export const ACTIVITIES_COMPLETED = `
  SELECT count(*) FROM activity a WHERE ${COMPLETED_ACTIVITIES_IN_RANGE('a')}`;

/** volunteerHours: the outcomes' volunteer hours of those activities. */
export const VOLUNTEER_HOURS = `
  SELECT coalesce(sum(a.outcome_volunteer_hours), 0) FROM activity a WHERE ${COMPLETED_ACTIVITIES_IN_RANGE('a')}`;

/** beneficiaries: the outcomes' beneficiaries of those activities. */
export const BENEFICIARIES = `
  SELECT coalesce(sum(a.outcome_beneficiaries), 0) FROM activity a WHERE ${COMPLETED_ACTIVITIES_IN_RANGE('a')}`;

/**
 * bookingsDone, offHoursBookingsDone (错时约办, beyond docs/domain.md's first
 * list): DONE bookings whose slot starts in range, and of those the ones in
 * an off-hours slot. Dated by the slot, not by when the unit recorded it: the
 * service was given then.
 */
export const BOOKINGS_DONE = `
  SELECT count(*)::int AS "bookingsDone", count(*) FILTER (WHERE s.off_hours)::int AS "offHoursBookingsDone"
    FROM booking b JOIN service_slot s ON s.id = b.slot_id AND s.alliance_id = $1
   WHERE b.alliance_id = $1 AND b.status = 'DONE' AND ${inRange('s.starts_at')}`;

/** Every single-number figure in one statement ($1 alliance, $2 from, $3 to). */
export const SCALAR_FIGURES = `
  SELECT (${UNIT_COUNT})::int AS "unitCount",
         (${SIGNED_AGREEMENT_COUNT})::int AS "signedAgreementCount",
         (${SHELF_PROJECTS_ON_SHELF})::int AS "shelfProjectsOnShelf",
         (${NEEDS_REPORTED})::int AS "needsReported",
         (${NEEDS_RESOLVED})::int AS "needsResolved",
         (${NEEDS_OVERDUE})::int AS "needsOverdue",
         (${AVERAGE_SATISFACTION})::float8 AS "averageSatisfaction",
         (${ACTIVITIES_COMPLETED})::int AS "activitiesCompleted",
         (${VOLUNTEER_HOURS})::float8 AS "volunteerHours",
         (${BENEFICIARIES})::int AS "beneficiaries"`;

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
 * $4 = the statuses in order.
 */
export const NEEDS_BY_STATUS = `
  SELECT s.status, count(n.id)::int AS count
    FROM unnest($4::text[]) WITH ORDINALITY AS s(status, position)
    LEFT JOIN need n ON n.status = s.status AND n.alliance_id = $1 AND ${inRange('n.reported_at')}
   GROUP BY s.status, s.position
   ORDER BY s.position`;

/**
 * activitiesByMonth: the COMPLETED activities whose endsAt is in range, per
 * local calendar month (YYYY-MM), every month of the range listed, zeros
 * included; the counts add up to activitiesCompleted.
 */
export const ACTIVITIES_BY_MONTH = `
  SELECT to_char(m.month, 'YYYY-MM') AS month, count(a.id)::int AS count
    FROM generate_series(date_trunc('month', $2::date::timestamp), date_trunc('month', $3::date::timestamp), interval '1 month') AS m(month)
    LEFT JOIN activity a
      ON ${COMPLETED_ACTIVITIES_IN_RANGE('a')}
     AND date_trunc('month', a.ends_at AT TIME ZONE '${ALLIANCE_TIME_ZONE}') = m.month
   GROUP BY m.month
   ORDER BY m.month`;

/**
 * activitiesByKind (beyond docs/domain.md's list; the article counts its
 * "240+ joint actions" by kind): the COMPLETED activities whose endsAt is in
 * range, per kind, every kind listed (0 included) in the enum's order; the
 * counts add up to activitiesCompleted, the beneficiaries to beneficiaries
 * (红色教育 and 党史学习 are counted so). $4 = the kinds in order.
 */
export const ACTIVITIES_BY_KIND = `
  SELECT k.kind, count(a.id)::int AS count, coalesce(sum(a.outcome_beneficiaries), 0)::int AS beneficiaries
    FROM unnest($4::text[]) WITH ORDINALITY AS k(kind, position)
    LEFT JOIN activity a ON a.kind = k.kind AND ${COMPLETED_ACTIVITIES_IN_RANGE('a')}
   GROUP BY k.kind, k.position
   ORDER BY k.position`;

/**
 * topUnits: units "by points earned in range" (their ledger rows whose
 * earned_at is in range), ties by name (code-point order, the same on every
 * server); `activities` = the unit's CONFIRMED sign-ups on activities
 * COMPLETED in range. Units that earned nothing in range are not listed.
 * $4 = how many.
 */
export const TOP_UNITS = `
  WITH ranked AS (
    SELECT u.id, u.name, sum(e.points)::int AS points
      FROM points_entry e
      JOIN member_unit u ON u.id = e.unit_id AND u.alliance_id = $1
     WHERE e.alliance_id = $1 AND ${inRange('e.earned_at')}
     GROUP BY u.id, u.name
     ORDER BY points DESC, u.name COLLATE "C", u.id
     LIMIT $4
  )
  -- Activities are counted for the ranked units only (not for every sign-up of the alliance).
  SELECT r.id AS "unitId", r.points,
         (SELECT count(*)::int FROM signup s JOIN activity a ON a.id = s.activity_id
           WHERE s.unit_id = r.id AND s.alliance_id = $1 AND s.status = 'CONFIRMED' AND ${COMPLETED_ACTIVITIES_IN_RANGE('a')}) AS activities
    FROM ranked r
   ORDER BY r.points DESC, r.name COLLATE "C", r.id`;

/**
 * needsByGrid: the needs counted by needsReported, per grid, and of those the
 * ones now RESOLVED or CLOSED; every grid of the alliance listed (0 included)
 * in the grids' order.
 */
export const NEEDS_BY_GRID = `
  SELECT g.id AS "gridId", count(n.id)::int AS reported,
         count(n.id) FILTER (WHERE n.status IN ('RESOLVED', 'CLOSED'))::int AS resolved
    FROM grid g
    LEFT JOIN need n ON n.grid_id = g.id AND n.alliance_id = $1 AND ${inRange('n.reported_at')}
   WHERE g.alliance_id = $1
   GROUP BY g.id, g.sort_order, g.name
   ORDER BY g.sort_order, g.name COLLATE "C", g.id`;

/**
 * satisfactionByMonth: averageSatisfaction per local calendar month of its
 * follow-up, every month of the range listed; null for a month without one.
 */
export const SATISFACTION_BY_MONTH = `
  SELECT to_char(m.month, 'YYYY-MM') AS month, count(n.id)::int AS "followUps",
         round(avg(n.satisfaction), 2)::float8 AS average
    FROM generate_series(date_trunc('month', $2::date::timestamp), date_trunc('month', $3::date::timestamp), interval '1 month') AS m(month)
    LEFT JOIN need n
      ON n.alliance_id = $1 AND n.satisfaction IS NOT NULL AND ${inRange('n.followed_up_at')}
     AND date_trunc('month', n.followed_up_at AT TIME ZONE '${ALLIANCE_TIME_ZONE}') = m.month
   GROUP BY m.month
   ORDER BY m.month`;
