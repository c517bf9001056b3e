import type { DomainEvent, EventClass } from '../../common/events/domain-event.js';
import type { EventBus } from '../../common/events/event-bus.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { NeedOrdered } from '../need/events/need-ordered.event.js';
import { NeedOrderWithdrawn } from '../need/events/need-order-withdrawn.event.js';
import { NeedPlanned } from '../need/events/need-planned.event.js';
import type { NeedTransitioned } from '../need/events/need-transitioned.js';
import { ShelfProjectTransitioned } from '../shelf/events/shelf-project-transitioned.js';
import { bestProjectOfUnit, type MatchIndexes } from './matching.service.js';

/** The need's words as a project learns them (the same as the migration's backfill). */
const NEED_TEXT = `n.title || '。' || coalesce(n.description, '')`;

/** 开单子: every project the committee ordered the need to learns its words. */
async function learnFromOrder(tx: TenantScope, e: NeedTransitioned): Promise<string[]> {
  const rows: { shelf_project_id: string }[] = await tx.manager.query(
    `INSERT INTO project_learned_need (shelf_project_id, need_id, alliance_id, source, text)
     SELECT np.shelf_project_id, n.id, n.alliance_id, 'ORDER', ${NEED_TEXT}
       FROM need_project np JOIN need n ON n.id = np.need_id
      WHERE np.need_id = $1 AND np.alliance_id = $2
     ON CONFLICT DO NOTHING
     RETURNING shelf_project_id`,
    [e.needId, tx.allianceId],
  );
  return rows.map((r) => r.shelf_project_id);
}

/**
 * 定方案 accepting a claim: a unit that claimed the need and that the plan
 * names as delivering (without a project of its own ordered, which taught
 * already) was chosen by the committee. A claim names a unit, not a
 * project: the unit's ON_SHELF project that matches the need best learns
 * its words.
 */
async function learnFromClaims(tx: TenantScope, e: NeedTransitioned): Promise<string[]> {
  const units: { unit_id: string }[] = await tx.manager.query(
    `SELECT d.unit_id FROM need_delivery d
       JOIN need_claim c ON c.need_id = d.need_id AND c.unit_id = d.unit_id
      WHERE d.need_id = $1 AND d.alliance_id = $2
        AND NOT EXISTS (SELECT 1 FROM need_project np JOIN shelf_project p ON p.id = np.shelf_project_id
                         WHERE np.need_id = d.need_id AND p.unit_id = d.unit_id)`,
    [e.needId, tx.allianceId],
  );
  if (units.length === 0) return [];
  const [need]: { title: string; description: string | null; category_id: string | null }[] = await tx.manager.query(
    `SELECT title, description, category_id FROM need WHERE id = $1 AND alliance_id = $2`,
    [e.needId, tx.allianceId],
  );
  const chosen: string[] = [];
  for (const { unit_id } of units) {
    const best = await bestProjectOfUnit(tx, unit_id, { title: need!.title, description: need!.description ?? '', categoryId: need!.category_id });
    if (best) chosen.push(best);
  }
  if (chosen.length === 0) return [];
  const rows: { shelf_project_id: string }[] = await tx.manager.query(
    `INSERT INTO project_learned_need (shelf_project_id, need_id, alliance_id, source, text)
     SELECT p, n.id, n.alliance_id, 'CLAIM', ${NEED_TEXT}
       FROM need n, unnest($3::uuid[]) AS p
      WHERE n.id = $1 AND n.alliance_id = $2
     ON CONFLICT DO NOTHING
     RETURNING shelf_project_id`,
    [e.needId, tx.allianceId, chosen],
  );
  return rows.map((r) => r.shelf_project_id);
}

/** 撤回派单: the decision is taken back, and what it taught with it. */
async function forget(tx: TenantScope, e: NeedTransitioned): Promise<string[]> {
  const rows: { shelf_project_id: string }[] = await tx.manager.query(
    `WITH gone AS (DELETE FROM project_learned_need WHERE need_id = $1 AND alliance_id = $2 RETURNING shelf_project_id)
     SELECT shelf_project_id FROM gone`,
    [e.needId, tx.allianceId],
  );
  return rows.map((r) => r.shelf_project_id);
}

/**
 * Matching learns from the committee's decisions (docs/matching.md): inside
 * the decision's transaction, so what a project learned commits with it or
 * not at all (a refused order teaches nothing). Once committed, this
 * instance's index takes the projects' new entries on the next match; the
 * other instances hear of it from the table's trigger (MATCHING_CHANGED).
 */
export function subscribeMatching(bus: EventBus, indexes: MatchIndexes): void {
  const touched = new WeakMap<DomainEvent, string[]>();
  const learn = <E extends NeedTransitioned>(type: EventClass<E>, how: (tx: TenantScope, e: E) => Promise<string[]>) => {
    bus.inTransaction(type, async (_ctx, tx, e) => void touched.set(e, await how(tx, e)));
    bus.onCommitted(type, (e) => {
      for (const id of touched.get(e) ?? []) indexes.changed(e.allianceId, id);
    });
  };
  learn(NeedOrdered, learnFromOrder);
  learn(NeedPlanned, learnFromClaims);
  learn(NeedOrderWithdrawn, forget);
  bus.onCommitted(ShelfProjectTransitioned, (e) => indexes.changed(e.allianceId, e.projectId));
}
