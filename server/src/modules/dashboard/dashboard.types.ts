import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ActivityKind, NeedStatus } from '../../graphql/enums.js';
import { DateScalar } from '../../graphql/scalars.js';
import type { MemberUnit } from '../member-unit/member-unit.entity.js';

/** The range a dashboard was computed for: calendar days, inclusive, local time. */
export interface DashboardRange {
  from: string;
  to: string;
}

@ObjectType('CategoryCount')
export class CategoryCount {
  /** `category` resolves it through the category loader. */
  categoryId: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('MonthCount')
export class MonthCount {
  /** YYYY-MM */
  @Field(() => String)
  month: string;

  @Field(() => Int)
  count: number;
}

/** How many activities of one kind were completed in range, and how many people they reached. */
@ObjectType('ActivityKindCount')
export class ActivityKindCount {
  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => Int)
  count: number;

  @Field(() => Int, { description: "the outcomes' beneficiaries of those activities" })
  beneficiaries: number;
}

/** How many needs reported in range are now in one status (the needs funnel). */
@ObjectType('NeedStatusCount')
export class NeedStatusCount {
  @Field(() => NeedStatus)
  status: NeedStatus;

  @Field(() => Int)
  count: number;
}

/** averageSatisfaction of one local calendar month (YYYY-MM). */
@ObjectType('MonthSatisfaction')
export class MonthSatisfaction {
  @Field(() => String)
  month: string;

  @Field(() => Int, { description: 'follow-ups with a satisfaction score done in the month (within the range)' })
  followUps: number;

  @Field(() => Float, { nullable: true, description: 'their average, to two decimals; null when there were none' })
  average: number | null;
}

/** The needs of one grid reported in range, and how many of them are now RESOLVED or CLOSED. */
@ObjectType('GridNeedCount')
export class GridNeedCount {
  /** `grid` resolves it through the grid loader. */
  gridId: string;

  @Field(() => Int)
  reported: number;

  @Field(() => Int)
  resolved: number;
}

/** How many needs overdue now name one unit as delivering them. */
@ObjectType('UnitOverdueCount')
export class UnitOverdueCount {
  /** `unit` resolves it through the unit loader. */
  unitId: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('UnitRank')
export class UnitRank {
  /** `unit` resolves it through the unit loader. */
  unitId: string;

  @Field(() => Int)
  points: number;

  @Field(() => Int)
  activities: number;
}

/** The rows of the dashboard statement's parts (dashboard.figures.ts DASHBOARD_PARTS) that were asked for. */
export interface DashboardFigures {
  scalars?: Pick<
    Dashboard,
    'unitCount' | 'signedAgreementCount' | 'shelfProjectsOnShelf' | 'needsReported' | 'needsResolved' | 'needsOverdue' | 'averageSatisfaction' | 'activitiesCompleted' | 'volunteerHours' | 'beneficiaries'
  >;
  bookings?: { bookingsDone: number; offHoursBookingsDone: number };
  shelfProjectsByCategory?: { categoryId: string; count: number }[];
  activitiesByMonth?: { month: string; count: number }[];
  activitiesByKind?: { kind: ActivityKind; count: number; beneficiaries: number }[];
  needsByStatus?: { status: NeedStatus; count: number }[];
  needsByGrid?: { gridId: string; reported: number; resolved: number }[];
  satisfactionByMonth?: { month: string; followUps: number; average: number | null }[];
  /** topUnits' first `first` rows (the largest `first` asked), each with its unit as the unit loader reads it. */
  topUnits?: { first: number; rows: { unitId: string; points: number; activities: number; unit: MemberUnit }[] };
}

/**
 * docs/domain.md's dashboard figures for one range. The figures selected
 * that take no arguments come in one statement (the single numbers and the
 * lists alike, `figures`), and topUnits with them; overdueNeedsByUnit in its own.
 */
@ObjectType('Dashboard')
export class Dashboard {
  range: DashboardRange;

  /** The parts of the dashboard's statement computed for the selection. */
  figures: DashboardFigures;

  /** The first day the figures "in range" cover (after defaults). */
  @Field(() => DateScalar)
  from: string;

  /** The last day the figures "in range" cover, and the day of the "as of `to`" ones. */
  @Field(() => DateScalar)
  to: string;

  /** The figures may be kept for a short while (DASHBOARD_CACHE_SECONDS); the admin shows their age. */
  @Field(() => Date, { description: 'when these figures were computed' })
  computedAt: Date;

  @Field(() => Int)
  unitCount: number;

  @Field(() => Int, { description: 'agreements valid on `to`' })
  signedAgreementCount: number;

  @Field(() => Int)
  shelfProjectsOnShelf: number;

  @Field(() => Int, { description: 'reported in [from, to]' })
  needsReported: number;

  @Field(() => Int, { description: 'of those, RESOLVED or CLOSED' })
  needsResolved: number;

  @Field(() => Int, { description: 'open, past dueAt' })
  needsOverdue: number;

  @Field(() => Float, { nullable: true })
  averageSatisfaction: number | null;

  @Field(() => Int, { description: 'completed in [from, to]' })
  activitiesCompleted: number;

  @Field(() => Float)
  volunteerHours: number;

  @Field(() => Int)
  beneficiaries: number;
}
