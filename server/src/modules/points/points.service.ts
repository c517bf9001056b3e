import type { AuditSubject } from '@alliance/shared';
import type { TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { auditService } from '../audit/audit.service.js';
import type { PointsSource } from './points-entry.entity.js';

/** domain.md's points rules, in one place. */
export const POINTS_RULES = {
  /** Each unit whose sign-up is CONFIRMED when the activity completes. */
  ACTIVITY_COMPLETED: 10,
  /** Each unit with an ordered project on, or a claim of, a need that gets RESOLVED. */
  NEED_RESOLVED: 5,
  /** Each such unit again when the follow-up gives satisfaction 5. */
  FOLLOW_UP_SATISFIED: 2,
} as const satisfies Record<PointsSource, number>;

/** One award: every named unit earns the source's points once. */
export interface Credit {
  source: PointsSource;
  /** The activity or need that earned it. */
  sourceId: string;
  unitIds: string[];
}

const SUBJECT_OF: Record<PointsSource, AuditSubject> = {
  ACTIVITY_COMPLETED: 'ACTIVITY',
  NEED_RESOLVED: 'NEED',
  FOLLOW_UP_SATISFIED: 'NEED',
};

export class PointsService {
  /**
   * Writes ledger rows inside the caller's transaction, one statement for any
   * number of units. A source credits a unit once: replays add nothing. What
   * was credited goes to the audit log in the same transaction, as an act of
   * the caller (nothing credited, no entry).
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
    await auditService.record(ctx, tx, {
      action: 'POINTS_AWARD',
      subjectType: SUBJECT_OF[credit.source],
      subjectId: credit.sourceId,
      summary: { source: credit.source, pointsEach: points, total: points * credited.length, units: credited },
    });
  }
}

export const pointsService = new PointsService();
