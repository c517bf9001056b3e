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
