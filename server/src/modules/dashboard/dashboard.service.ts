import type DataLoader from 'dataloader';
import { checkIntRange, LIMITS, localDate } from '@alliance/shared';
import { badInput, ensure } from '../../graphql/errors.js';
import type { RequestContext } from '../../graphql/context.js';
import { DASHBOARD_PARTS, dashboardFigures, OVERDUE_NEEDS_BY_UNIT, rangeParams, TOP_UNITS, type DashboardPart } from './dashboard.figures.js';
import { Dashboard, type DashboardFigures, UnitOverdueCount, UnitRank, type DashboardRange } from './dashboard.types.js';
import { EntityRows, type JsonRows } from '../../common/entity-rows.js';
import { prepared } from '../../database/prepared.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';

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

/** The part each figure of Dashboard comes in (the fields of no part: from, to, computedAt and the other modules' figures). */
const PART_OF: Record<string, DashboardPart> = {
  ...Object.fromEntries(
    ['unitCount', 'signedAgreementCount', 'shelfProjectsOnShelf', 'needsReported', 'needsResolved', 'needsOverdue', 'averageSatisfaction', 'activitiesCompleted', 'volunteerHours', 'beneficiaries'].map(
      (f) => [f, 'scalars' as const],
    ),
  ),
  bookingsDone: 'bookings',
  offHoursBookingsDone: 'bookings',
  ...Object.fromEntries(Object.keys(DASHBOARD_PARTS).map((p) => [p, p as DashboardPart])),
};

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

/**
 * dashboardFigures' text per selection (its cache name), written once per
 * process (a dashboard asks for one of a few selections), and sent prepared:
 * parsed once per pooled connection, and planned once when PostgreSQL finds
 * its generic plan no dearer (docs/benchmarks.md, "Q2 computed afresh, issue
 * 17 point 3": 0.7 ms less of PostgreSQL's CPU per dashboard on L).
 */
const figuresStatements = new Map<string, string>();
function figuresStatement(name: string, parts: readonly DashboardPart[], units: JsonRows<MemberUnit> | null): string {
  let sql = figuresStatements.get(name);
  if (sql === undefined) figuresStatements.set(name, (sql = prepared(dashboardFigures(parts, units ? { unit: units.jsonArray('u') } : undefined))));
  return sql;
}

export class DashboardService {
  /**
   * The figures asked for (`fields`: the Dashboard fields selected), those
   * without arguments of their own in one statement (dashboardFigures), and
   * topUnits with them when asked (`topUnitsFirst`: the `first` of each
   * topUnits selected, under any alias); overdueNeedsByUnit comes from its own.
   */
  async dashboard(
    ctx: RequestContext,
    from: string | null | undefined,
    to: string | null | undefined,
    fields: Iterable<string>,
    topUnitsFirst: readonly number[] = [],
  ): Promise<Dashboard> {
    const range = resolveRange(from, to);
    // The single numbers always, as before the parts: computedAt is theirs, also for a selection of other modules' figures.
    const parts = [...new Set<DashboardPart>(['scalars', ...[...fields].flatMap((f) => PART_OF[f] ?? [])])];
    // The longest ranking asked for; a bad `first` is left to its field, which refuses it there alone.
    const ranked = Math.max(0, ...topUnitsFirst.filter((first) => !checkIntRange(first, LIMITS.pageSize)));
    const { figures, computedAt } = await this.parts(ctx, range, parts, ranked);
    return Object.assign(new Dashboard(), figures.scalars, { range, from: range.from, to: range.to, computedAt, figures });
  }

  /** `ranked`: topUnits' first rows too (0: not), each with its unit's row, hydrated once per computation. */
  private async parts(ctx: RequestContext, range: DashboardRange, parts: DashboardPart[], ranked = 0): Promise<{ figures: DashboardFigures; computedAt: Date }> {
    const { allianceId, manager } = ctx.primary.scope;
    const units = EntityRows.of(manager, MemberUnit).json(null);
    const params = [...rangeParams(range.from, range.to), ...(ranked ? [ranked] : [])];
    const name = `figures:${parts.join(',')}${ranked ? ',topUnits' : ''}`;
    const { rows, computedAt } = await ctx.deps.dashboardCache.figures(allianceId, name, params, async () => {
      const [{ figures }]: { figures: Omit<DashboardFigures, 'topUnits'> & { topUnits?: (UnitRank & { unit: unknown[] })[] } }[] = await manager.query(
        figuresStatement(name, parts, ranked ? units : null),
        [allianceId, ...params],
      );
      const { topUnits, ...rest } = figures;
      return { ...rest, ...(topUnits && { topUnits: { first: ranked, rows: topUnits.map((r) => ({ ...r, unit: units.fromJsonArray(r.unit) })) } }) } as DashboardFigures;
    });
    return { figures: rows, computedAt };
  }

  /** A part of the dashboard's statement; computed on its own only if the selection did not show it (it always does). */
  async part<P extends DashboardPart>(ctx: RequestContext, d: Dashboard, name: P): Promise<NonNullable<DashboardFigures[P]>> {
    const figures = d.figures[name] ? d.figures : (await this.parts(ctx, d.range, [name])).figures;
    return figures[name]!;
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

  async topUnits(ctx: RequestContext, d: Dashboard, first: number): Promise<UnitRank[]> {
    ensure({ first: checkIntRange(first, LIMITS.pageSize) });
    const ranked = d.figures.topUnits;
    if (ranked && ranked.first >= first) {
      // The dashboard's statement ranked at least this many: the same order, so its first rows are these.
      const rows = ranked.rows.slice(0, first);
      for (const r of rows) ctx.primary.loaders.unit.prime(r.unitId, r.unit);
      return rows.map(({ unitId, points, activities }) => Object.assign(new UnitRank(), { unitId, points, activities }));
    }
    const rows = await figuresNaming(
      ctx,
      'topUnits',
      TOP_UNITS,
      [...rangeParams(d.range.from, d.range.to), first],
      (r: { unitId: string; points: number; activities: number }) => r.unitId,
      ctx.primary.loaders.unit,
    );
    return rows.map((r) => Object.assign(new UnitRank(), r));
  }
}

export const dashboardService = new DashboardService();
