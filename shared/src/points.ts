/**
 * 积分 (docs/domain.md "Points", docs/adoption.md "Points (积分), who earns
 * them"): what earns points and how many, used by the server (which writes
 * the ledger), the demo seed and the benchmark generator alike.
 */

/** What a ledger row was earned by. */
export const PointsSource = {
  ACTIVITY_COMPLETED: 'ACTIVITY_COMPLETED',
  NEED_RESOLVED: 'NEED_RESOLVED',
  FOLLOW_UP_SATISFIED: 'FOLLOW_UP_SATISFIED',
} as const;
export type PointsSource = (typeof PointsSource)[keyof typeof PointsSource];

/** The rules, in one place. */
export const POINTS_RULES = {
  /** Each unit whose sign-up is CONFIRMED when the activity completes. */
  ACTIVITY_COMPLETED: 10,
  /** Each delivering unit of a need (named by its plan) when the need is RESOLVED. */
  NEED_RESOLVED: 5,
  /** Each delivering unit again when the follow-up gives satisfaction 5. */
  FOLLOW_UP_SATISFIED: 2,
} as const satisfies Record<PointsSource, number>;

/** How many open claims (on needs not yet RESOLVED/CLOSED/REJECTED) a unit may hold, unless its alliance says otherwise. */
export const DEFAULT_MAX_OPEN_CLAIMS = 5;
/** The range the committee may set it in. */
export const MAX_OPEN_CLAIMS_RANGE = { min: 1, max: 100 } as const;

/** A row of the points ledger, as the rules above give it. */
export interface PointsRow {
  unitId: string;
  points: number;
  source: PointsSource;
  /** The need or activity that earned it. */
  sourceId: string;
  earnedAt: Date;
}

/**
 * What a need has earned by now, from its record: +5 to each delivering unit
 * (named by its plan) once RESOLVED (at resolvedAt), +2 more each when the
 * follow-up gave 5 (at followedUpAt). A claim alone earns nothing, so only the
 * delivering units are passed. For histories written without the services
 * (the demo seed, the benchmark generator).
 */
export function needPoints(
  need: { id: string; status: string; satisfaction: number | null; resolvedAt: Date | null; followedUpAt: Date | null },
  deliveringUnitIds: readonly string[],
): PointsRow[] {
  const rows: PointsRow[] = [];
  if ((need.status === 'RESOLVED' || need.status === 'CLOSED') && need.resolvedAt) {
    for (const unitId of deliveringUnitIds) {
      rows.push({ unitId, points: POINTS_RULES.NEED_RESOLVED, source: PointsSource.NEED_RESOLVED, sourceId: need.id, earnedAt: need.resolvedAt });
    }
  }
  if (need.status === 'CLOSED' && need.satisfaction === 5 && need.followedUpAt) {
    for (const unitId of deliveringUnitIds) {
      rows.push({ unitId, points: POINTS_RULES.FOLLOW_UP_SATISFIED, source: PointsSource.FOLLOW_UP_SATISFIED, sourceId: need.id, earnedAt: need.followedUpAt });
    }
  }
  return rows;
}

/** What an activity has earned: +10 to each unit whose sign-up is CONFIRMED once it is COMPLETED, dated at its end. */
export function activityPoints(activity: { id: string; status: string; endsAt: Date }, confirmedUnitIds: readonly string[]): PointsRow[] {
  if (activity.status !== 'COMPLETED') return [];
  return confirmedUnitIds.map((unitId) => ({
    unitId,
    points: POINTS_RULES.ACTIVITY_COMPLETED,
    source: PointsSource.ACTIVITY_COMPLETED,
    sourceId: activity.id,
    earnedAt: activity.endsAt,
  }));
}
