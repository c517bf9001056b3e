import type { TenantScope } from '../../common/tenant-scope.js';
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

export interface Award {
  unitId: string;
  source: PointsSource;
  /** The activity or need that earned it. */
  sourceId: string;
  note?: string | null;
}

export class PointsService {
  /**
   * Writes ledger rows inside the caller's transaction, one statement for any
   * number of units. A source credits a unit once: replays add nothing.
   */
  async award(tx: TenantScope, awards: Award[], at: Date = new Date()): Promise<void> {
    if (!awards.length) return;
    await tx.manager.query(
      `INSERT INTO points_entry (alliance_id, unit_id, points, source, source_id, note, earned_at)
       SELECT $1, a.unit_id, a.points, a.source, a.source_id, a.note, $2
         FROM unnest($3::uuid[], $4::int[], $5::text[], $6::uuid[], $7::text[]) AS a(unit_id, points, source, source_id, note)
       ON CONFLICT (unit_id, source, source_id) DO NOTHING`,
      [
        tx.allianceId,
        at,
        awards.map((a) => a.unitId),
        awards.map((a) => POINTS_RULES[a.source]),
        awards.map((a) => a.source),
        awards.map((a) => a.sourceId),
        awards.map((a) => a.note ?? null),
      ],
    );
  }
}

export const pointsService = new PointsService();
