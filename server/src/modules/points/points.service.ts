import { POINTS_RULES, type PointsSource } from '@alliance/shared';
import { publish } from '../../common/events/event-bus.js';
import { onOrAfterDay, onOrBeforeDay } from '../../common/local-days.js';
import { requireId, type TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { paginate, type Connection, type KeysetOrder, type PageArgs } from '../../graphql/pagination.js';
import { PointsAwarded } from './events/points-awarded.event.js';
import { PointsEntry } from './points-entry.entity.js';

/** docs/domain.md's points rules, in one place (shared with the seed and the bench generator). */
export { POINTS_RULES };

/** One award: every named unit earns the source's points once. */
export interface Credit {
  source: PointsSource;
  /** The activity or need that earned it. */
  sourceId: string;
  unitIds: string[];
}

/**
 * A period of local days (Asia/Shanghai), both ends inclusive; a missing end
 * is open. Both missing: all time (累计).
 */
export interface PointsPeriod {
  from: string | null;
  to: string | null;
}

/** `from` after `to` is bad input on `to`, as everywhere else. */
export function checkPeriod(from: string | null | undefined, to: string | null | undefined): PointsPeriod {
  if (from && to && to < from) throw badInput('to', 'DATE_ORDER', 'to: must not be before from');
  return { from: from ?? null, to: to ?? null };
}

/**
 * The SQL conditions putting `column` in the period, given a function that
 * turns a value into a parameter placeholder.
 */
export function periodConditions(column: string, period: PointsPeriod, param: (value: string) => string): string[] {
  const out: string[] = [];
  if (period.from) out.push(onOrAfterDay(column, param(period.from)));
  if (period.to) out.push(onOrBeforeDay(column, param(period.to)));
  return out;
}

/** Newest first; the id breaks ties. */
const NEWEST_FIRST: KeysetOrder<PointsEntry> = {
  direction: 'DESC',
  keys: [
    { sql: 'e.earned_at', value: (e) => e.earnedAt, type: 'date' },
    { sql: 'e.id', value: (e) => Number(e.id), type: 'number' },
  ],
};

export interface PointsLedger extends Connection<PointsEntry> {
  totalPoints: number;
}

export class PointsService {
  /**
   * Writes ledger rows inside the caller's transaction, one statement for any
   * number of units. A source credits a unit once: replays add nothing. What
   * was credited is published as PointsAwarded (nothing credited, no event):
   * the audit log writes it in the same transaction, as an act of the caller.
   */
  async award(ctx: RequestContext, tx: TenantScope, credit: Credit, at: Date = new Date()): Promise<void> {
    if (!credit.unitIds.length) return;
    const points = POINTS_RULES[credit.source];
    const credited: { id: string; name: string }[] = await tx.manager.query(
      `WITH credited AS (
         INSERT INTO points_entry (alliance_id, unit_id, points, source, source_id, earned_at)
         SELECT $1, u, $3, $4, $5, $2 FROM unnest($6::uuid[]) AS u
         ON CONFLICT (unit_id, source, source_id) DO NOTHING
         RETURNING unit_id)
       SELECT u.id, u.name FROM credited c JOIN member_unit u ON u.id = c.unit_id ORDER BY u.name, u.id`,
      [tx.allianceId, at, points, credit.source, credit.sourceId, credit.unitIds],
    );
    if (!credited.length) return;
    await publish(ctx, tx, new PointsAwarded({ allianceId: tx.allianceId, actorId: ctx.me.id, at }, credit.source, credit.sourceId, points, credited));
  }

  /**
   * A unit's ledger rows earned in the period, newest first, keyset-paged,
   * with the period's total. Any unit of the caller's alliance (points are
   * public there: the red list); a unit of another alliance is unknown.
   */
  async ledger(ctx: RequestContext, unitId: string, from: string | null | undefined, to: string | null | undefined, page: PageArgs): Promise<PointsLedger> {
    const id = requireId(unitId, 'unitId');
    const period = checkPeriod(from, to);
    const unit = await ctx.loaders.unit.load(id);
    if (!unit) throw badInput('unitId', 'INVALID_ID', 'unitId: no such unit in this alliance');
    const qb = ctx.scope.qb(PointsEntry, 'e').andWhere('e.unit_id = :unitId', { unitId: id });
    let n = 0;
    const params: Record<string, string> = {};
    for (const cond of periodConditions('e.earned_at', period, (v) => {
      const name = `day${n++}`;
      params[name] = v;
      return `:${name}`;
    })) {
      qb.andWhere(cond, params);
    }
    const [connection, sum] = await Promise.all([
      paginate(qb, page, NEWEST_FIRST),
      qb.clone().select('coalesce(sum(e.points), 0)::int', 'total').getRawOne<{ total: number }>(),
    ]);
    return { ...connection, totalPoints: sum?.total ?? 0 };
  }
}

export const pointsService = new PointsService();
