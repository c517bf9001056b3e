import DataLoader from 'dataloader';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { groupLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { NeedEvent } from './need-event.entity.js';

/**
 * Rows joined to needs through a join table, grouped by need: one statement
 * per batch. `qb` selects the rows (alias `e`) joined to the join table
 * (alias `j`, with `need_id`), already restricted to the batch's needs.
 * A row reached from several needs comes once per need.
 */
async function groupedThroughJoin<T extends ObjectLiteral & { id: string }>(
  needIds: readonly string[],
  qb: SelectQueryBuilder<T>,
): Promise<T[][]> {
  const { raw, entities } = await qb.addSelect('j.need_id', 'j_need_id').getRawAndEntities();
  const byId = new Map(entities.map((e) => [e.id, e]));
  const groups = new Map<string, T[]>(needIds.map((k) => [k, []]));
  for (const row of raw as { j_need_id: string; e_id: string }[]) {
    const entity = byId.get(row.e_id);
    if (entity) groups.get(row.j_need_id)?.push(entity);
  }
  return needIds.map((k) => groups.get(k)!);
}

export function createNeedLoaders(scope: TenantScope) {
  return {
    /** A need's history, in time order. */
    needHistory: groupLoader(scope, NeedEvent, { column: 'need_id', key: (e) => e.needId }, { 'e.at': 'ASC', 'e.id': 'ASC' }),

    /** The shelf projects a need was ordered against (need_project), in the order they were added. */
    needProjects: new DataLoader<string, ShelfProject[]>((needIds) =>
      groupedThroughJoin(
        needIds,
        scope
          .qb(ShelfProject, 'e')
          .innerJoin('need_project', 'j', 'j.shelf_project_id = e.id AND j.alliance_id = e.alliance_id')
          .andWhere('j.need_id = ANY(:needIds)', { needIds: [...needIds] })
          .orderBy('j.created_at', 'ASC')
          .addOrderBy('e.id', 'ASC'),
      ),
    ),

    /** The units that claimed a need (need_claim), first claim first. */
    needClaimUnits: new DataLoader<string, MemberUnit[]>((needIds) =>
      groupedThroughJoin(
        needIds,
        scope
          .qb(MemberUnit, 'e')
          .innerJoin('need_claim', 'j', 'j.unit_id = e.id AND j.alliance_id = e.alliance_id')
          .andWhere('j.need_id = ANY(:needIds)', { needIds: [...needIds] })
          .orderBy('j.created_at', 'ASC')
          .addOrderBy('e.id', 'ASC'),
      ),
    ),
  };
}
