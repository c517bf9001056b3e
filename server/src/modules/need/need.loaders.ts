import { groupLoader, throughJoinLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { NeedEvent } from './need-event.entity.js';

export function createNeedLoaders(scope: TenantScope) {
  return {
    /** A need's history, in time order. */
    needHistory: groupLoader(scope, NeedEvent, { column: 'need_id', key: (e) => e.needId }, { 'e.at': 'ASC', 'e.id': 'ASC' }),

    /** The shelf projects a need was ordered against (need_project), in the order they were added. */
    needProjects: throughJoinLoader('need_id', () =>
      scope
        .qb(ShelfProject, 'e')
        .innerJoin('need_project', 'j', 'j.shelf_project_id = e.id AND j.alliance_id = e.alliance_id')
        .orderBy('j.created_at', 'ASC')
        .addOrderBy('e.id', 'ASC'),
    ),

    /** The units that claimed a need (need_claim), first claim first. */
    needClaimUnits: throughJoinLoader('need_id', () =>
      scope
        .qb(MemberUnit, 'e')
        .innerJoin('need_claim', 'j', 'j.unit_id = e.id AND j.alliance_id = e.alliance_id')
        .orderBy('j.created_at', 'ASC')
        .addOrderBy('e.id', 'ASC'),
    ),
  };
}
