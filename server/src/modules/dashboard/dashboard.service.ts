import { checkIntRange, LIMITS, localDate, NeedStatus } from '@alliance/shared';
import { badInput, ensure } from '../../graphql/errors.js';
import type { RequestContext } from '../../graphql/context.js';
import {
  ACTIVITIES_BY_MONTH,
  SCALAR_FIGURES,
  NEEDS_BY_STATUS,
  SHELF_PROJECTS_BY_CATEGORY,
  TOP_UNITS,
} from './dashboard.figures.js';
import { CategoryCount, Dashboard, MonthCount, NeedStatusCount, UnitRank, type DashboardRange } from './dashboard.types.js';

const parts = (day: string) => day.split('-').map(Number) as [number, number, number];
const fmt = (d: Date) => d.toISOString().slice(0, 10);

/** The day after the same date a year before: [result, day] spans exactly 12 months. */
export function twelveMonthsEndingOn(day: string): string {
  const [y, m, d] = parts(day);
  // The same date a year before (29 February -> 28 February), then one day on.
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return fmt(new Date(Date.UTC(y - 1, m - 1, Math.min(d, lastDay) + 1)));
}

/** A dashboard lists every month of its range; a century of months is the most it will list. */
const MAX_MONTHS = 1200;

/**
 * domain.md: both default to the last 12 months up to today; `from` alone
 * runs to today; (`to` alone: the 12 months up to `to`). `from` after `to`
 * is bad input on `to`.
 */
export function resolveRange(from: string | null | undefined, to: string | null | undefined, today: string = localDate()): DashboardRange {
  const end = to ?? today;
  const start = from ?? twelveMonthsEndingOn(end);
  if (start > end) throw badInput('to', 'DATE_ORDER', 'to: must not be before from');
  const [fy, fm] = parts(start);
  const [ty, tm] = parts(end);
  if ((ty - fy) * 12 + (tm - fm) + 1 > MAX_MONTHS) throw badInput('from', 'OUT_OF_RANGE', 'from: the range may span at most 100 years');
  return { from: start, to: end };
}

interface ScalarRow {
  unitCount: number;
  signedAgreementCount: number;
  shelfProjectsOnShelf: number;
  needsReported: number;
  needsResolved: number;
  needsOverdue: number;
  averageSatisfaction: number | null;
  activitiesCompleted: number;
  volunteerHours: number;
  beneficiaries: number;
}

export class DashboardService {
  /** The single-number figures, one statement. */
  async dashboard(ctx: RequestContext, from: string | null | undefined, to: string | null | undefined): Promise<Dashboard> {
    const range = resolveRange(from, to);
    const [row] = (await ctx.scope.manager.query(SCALAR_FIGURES, [ctx.scope.allianceId, range.from, range.to])) as ScalarRow[];
    return Object.assign(new Dashboard(), row, { range, from: range.from, to: range.to });
  }

  async shelfProjectsByCategory(ctx: RequestContext): Promise<CategoryCount[]> {
    const rows: { categoryId: string; count: number }[] = await ctx.scope.manager.query(SHELF_PROJECTS_BY_CATEGORY, [ctx.scope.allianceId]);
    return rows.map((r) => Object.assign(new CategoryCount(), r));
  }

  async activitiesByMonth(ctx: RequestContext, range: DashboardRange): Promise<MonthCount[]> {
    const rows: { month: string; count: number }[] = await ctx.scope.manager.query(ACTIVITIES_BY_MONTH, [ctx.scope.allianceId, range.from, range.to]);
    return rows.map((r) => Object.assign(new MonthCount(), r));
  }

  async needsByStatus(ctx: RequestContext, range: DashboardRange): Promise<NeedStatusCount[]> {
    const rows: { status: NeedStatus; count: number }[] = await ctx.scope.manager.query(NEEDS_BY_STATUS, [
      ctx.scope.allianceId,
      range.from,
      range.to,
      Object.values(NeedStatus),
    ]);
    return rows.map((r) => Object.assign(new NeedStatusCount(), r));
  }

  async topUnits(ctx: RequestContext, range: DashboardRange, first: number): Promise<UnitRank[]> {
    ensure({ first: checkIntRange(first, LIMITS.pageSize) });
    const rows: { unitId: string; points: number; activities: number }[] = await ctx.scope.manager.query(TOP_UNITS, [
      ctx.scope.allianceId,
      range.from,
      range.to,
      first,
    ]);
    return rows.map((r) => Object.assign(new UnitRank(), r));
  }
}

export const dashboardService = new DashboardService();
