import { byIdLoader, groupLoader, throughJoinLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { NeedEvent } from './need-event.entity.js';
import { Need } from './need.entity.js';

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
