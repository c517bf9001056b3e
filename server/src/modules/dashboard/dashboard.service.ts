import type DataLoader from 'dataloader';
import { ActivityKind, checkIntRange, LIMITS, localDate, NeedStatus } from '@alliance/shared';
import { badInput, ensure } from '../../graphql/errors.js';
import type { RequestContext } from '../../graphql/context.js';
import {
  ACTIVITIES_BY_KIND,
  ACTIVITIES_BY_MONTH,
  BOOKINGS_DONE,
  SCALAR_FIGURES,
  NEEDS_BY_GRID,
  NEEDS_BY_STATUS,
  OVERDUE_NEEDS_BY_UNIT,
  SATISFACTION_BY_MONTH,
  SHELF_PROJECTS_BY_CATEGORY,
  TOP_UNITS,
} from './dashboard.figures.js';
import {
  ActivityKindCount,
  CategoryCount,
  Dashboard,
  GridNeedCount,
  MonthCount,
  MonthSatisfaction,
  NeedStatusCount,
  UnitOverdueCount,
  UnitRank,
  type DashboardRange,
} from './dashboard.types.js';

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
 * docs/domain.md: both default to the last 12 months up to today; `from` alone
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

/** A dashboard statement's rows for the caller's alliance, through the instance's cache (filled from the primary: ctx.primary). */
export async function figures<T>(ctx: RequestContext, name: string, sql: string, params: readonly unknown[]) {
  const { allianceId, manager } = ctx.primary.scope;
  return ctx.deps.dashboardCache.figures(allianceId, name, params, () => manager.query(sql, [allianceId, ...params]) as Promise<T>);
}

/**
 * As figures(), with the records the rows name (units, categories) kept in
 * the same entry and primed into the request's loader: a dashboard answered
 * from memory sends no statement at all.
 */
async function figuresNaming<R, E extends { id: string }>(
  ctx: RequestContext,
  name: string,
  sql: string,
  params: readonly unknown[],
  idOf: (row: R) => string,
  loader: DataLoader<string, E | null>,
): Promise<R[]> {
  const { allianceId, manager } = ctx.primary.scope;
  const { rows } = await ctx.deps.dashboardCache.figures(allianceId, name, params, async () => {
    const found: R[] = await manager.query(sql, [allianceId, ...params]);
    const named = await loader.loadMany(found.map(idOf));
    return { found, named: named.filter((e): e is E => !!e && !(e instanceof Error)) };
  });
  for (const e of rows.named) loader.prime(e.id, e);
  return rows.found;
}

export class DashboardService {
  /** The single-number figures, one statement. */
  async dashboard(ctx: RequestContext, from: string | null | undefined, to: string | null | undefined): Promise<Dashboard> {
    const range = resolveRange(from, to);
    const { rows, computedAt } = await figures<ScalarRow[]>(ctx, 'scalars', SCALAR_FIGURES, [range.from, range.to]);
    return Object.assign(new Dashboard(), rows[0], { range, from: range.from, to: range.to, computedAt });
  }

  async shelfProjectsByCategory(ctx: RequestContext): Promise<CategoryCount[]> {
    const rows = await figuresNaming(ctx, 'byCategory', SHELF_PROJECTS_BY_CATEGORY, [], (r: { categoryId: string; count: number }) => r.categoryId, ctx.primary.loaders.category);
    return rows.map((r) => Object.assign(new CategoryCount(), r));
  }

  async activitiesByMonth(ctx: RequestContext, range: DashboardRange): Promise<MonthCount[]> {
    const { rows } = await figures<{ month: string; count: number }[]>(ctx, 'byMonth', ACTIVITIES_BY_MONTH, [range.from, range.to]);
    return rows.map((r) => Object.assign(new MonthCount(), r));
  }

  async activitiesByKind(ctx: RequestContext, range: DashboardRange): Promise<ActivityKindCount[]> {
    const { rows } = await figures<{ kind: ActivityKind; count: number; beneficiaries: number }[]>(ctx, 'byKind', ACTIVITIES_BY_KIND, [
      range.from,
      range.to,
      Object.values(ActivityKind),
    ]);
    return rows.map((r) => Object.assign(new ActivityKindCount(), r));
  }

  async needsByStatus(ctx: RequestContext, range: DashboardRange): Promise<NeedStatusCount[]> {
    const { rows } = await figures<{ status: NeedStatus; count: number }[]>(ctx, 'byStatus', NEEDS_BY_STATUS, [
      range.from,
      range.to,
      Object.values(NeedStatus),
    ]);
    return rows.map((r) => Object.assign(new NeedStatusCount(), r));
  }

  async satisfactionByMonth(ctx: RequestContext, range: DashboardRange): Promise<MonthSatisfaction[]> {
    const { rows } = await figures<{ month: string; followUps: number; average: number | null }[]>(ctx, 'satisfactionByMonth', SATISFACTION_BY_MONTH, [
      range.from,
      range.to,
    ]);
    return rows.map((r) => Object.assign(new MonthSatisfaction(), r));
  }

  async needsByGrid(ctx: RequestContext, range: DashboardRange): Promise<GridNeedCount[]> {
    const rows = await figuresNaming(
      ctx,
      'byGrid',
      NEEDS_BY_GRID,
      [range.from, range.to],
      (r: { gridId: string; reported: number; resolved: number }) => r.gridId,
      ctx.primary.loaders.grid,
    );
    return rows.map((r) => Object.assign(new GridNeedCount(), r));
  }

  /** Overdue "now", so the range does not enter (as needsOverdue). */
  async overdueNeedsByUnit(ctx: RequestContext, first: number): Promise<UnitOverdueCount[]> {
    ensure({ first: checkIntRange(first, LIMITS.pageSize) });
    const rows = await figuresNaming(
      ctx,
      'overdueByUnit',
      OVERDUE_NEEDS_BY_UNIT,
      [first],
      (r: { unitId: string; count: number }) => r.unitId,
      ctx.primary.loaders.unit,
    );
    return rows.map((r) => Object.assign(new UnitOverdueCount(), r));
  }

  /** Both booking figures come from one statement, shared by the two fields (the cache joins concurrent misses). */
  async bookingsDone(ctx: RequestContext, range: DashboardRange): Promise<{ bookingsDone: number; offHoursBookingsDone: number }> {
    const { rows } = await figures<{ bookingsDone: number; offHoursBookingsDone: number }[]>(ctx, 'bookingsDone', BOOKINGS_DONE, [range.from, range.to]);
    return rows[0];
  }

  async topUnits(ctx: RequestContext, range: DashboardRange, first: number): Promise<UnitRank[]> {
    ensure({ first: checkIntRange(first, LIMITS.pageSize) });
    const rows = await figuresNaming(
      ctx,
      'topUnits',
      TOP_UNITS,
      [range.from, range.to, first],
      (r: { unitId: string; points: number; activities: number }) => r.unitId,
      ctx.primary.loaders.unit,
    );
    return rows.map((r) => Object.assign(new UnitRank(), r));
  }
}

export const dashboardService = new DashboardService();
