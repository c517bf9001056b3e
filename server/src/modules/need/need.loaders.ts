import { HeldLoader } from '../../common/held-loader.js';
import { byIdLoader, groupLoader, throughJoinLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { NeedEvent } from './need-event.entity.js';
import { Need } from './need.entity.js';

/**
 * The (need_id, unit_id) rows of the delivering units of the needs that
 * `needIs` picks (given a need_id column): the units the plan named
 * (need_delivery); before a plan, those of its ordered projects and those
 * that claimed it. `tenant` is the alliance's placeholder. The loader below
 * and the fast path (need.fast.ts) read them through this one statement.
 */
export function deliveringUnitRows(tenant: string, needIs: (needIdColumn: string) => string): string {
  return `SELECT d.need_id, d.unit_id FROM need_delivery d WHERE d.alliance_id = ${tenant} AND ${needIs('d.need_id')}
         UNION
         SELECT np.need_id, p.unit_id
           FROM need_project np JOIN shelf_project p ON p.id = np.shelf_project_id AND p.alliance_id = np.alliance_id
          WHERE np.alliance_id = ${tenant} AND ${needIs('np.need_id')}
            AND NOT EXISTS (SELECT 1 FROM need_delivery d WHERE d.need_id = np.need_id)
         UNION
         SELECT c.need_id, c.unit_id FROM need_claim c
          WHERE c.alliance_id = ${tenant} AND ${needIs('c.need_id')}
            AND NOT EXISTS (SELECT 1 FROM need_delivery d WHERE d.need_id = c.need_id)`;
}

export function createNeedLoaders(scope: TenantScope) {
  return {
    need: byIdLoader(scope, Need),

    /** A need's history, in time order. */
    needHistory: groupLoader(scope, NeedEvent, 'need_id', 'e.at, e.id'),

    /** The shelf projects a need was ordered against (need_project), in the order they were added. */
    needProjects: throughJoinLoader(scope, ShelfProject, {
      table: 'need_project',
      rowColumn: 'shelf_project_id',
      keyColumn: 'need_id',
      orderBy: 'j.created_at, e.id',
    }),

    /**
     * The ids of a need's delivering units (whose liaisons may see the
     * resident's phone): the units its plan named (need_delivery); before a
     * plan, the units that may be named, those of its ordered projects and
     * those that claimed it. One statement per batch.
     */
    needDeliveringUnits: new HeldLoader<string, string[]>(async (needIds) => {
      const rows: { need_id: string; unit_id: string }[] = await scope.manager.query(
        deliveringUnitRows('$1', (needId) => `${needId} = ANY($2)`),
        [scope.allianceId, [...needIds]],
      );
      const units = new Map<string, string[]>(needIds.map((id) => [id, []]));
      for (const r of rows) units.get(r.need_id)?.push(r.unit_id);
      return needIds.map((id) => units.get(id)!);
    }),

    /** The units that claimed a need (need_claim), first claim first. */
    needClaimUnits: throughJoinLoader(scope, MemberUnit, {
      table: 'need_claim',
      rowColumn: 'unit_id',
      keyColumn: 'need_id',
      orderBy: 'j.created_at, e.id',
    }),

    /** The units a need's plan names as delivering it (need_delivery), by name. */
    needDeliveryUnits: throughJoinLoader(scope, MemberUnit, {
      table: 'need_delivery',
      rowColumn: 'unit_id',
      keyColumn: 'need_id',
      orderBy: 'e.name, e.id',
    }),
  };
}
