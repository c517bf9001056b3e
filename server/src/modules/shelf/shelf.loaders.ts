import DataLoader from 'dataloader';
import type { ShelfStatus } from '@alliance/shared';
import { aggregateLoader, byIdLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { ShelfProject } from './shelf-project.entity.js';

export interface UnitProjectsKey {
  unitId: string;
  status: ShelfStatus | null;
}

export function createShelfLoaders(scope: TenantScope) {
  return {
    project: byIdLoader(scope, ShelfProject),
    /** A unit's projects, newest first, optionally of one status. */
    projectsOfUnit: new DataLoader<UnitProjectsKey, ShelfProject[], string>(
      async (keys) => {
        const unitIds = [...new Set(keys.map((k) => k.unitId))];
        const rows = await scope
          .qb(ShelfProject, 'p')
          .andWhere('p.unit_id = ANY(:unitIds)', { unitIds })
          .orderBy('p.created_at', 'DESC')
          .addOrderBy('p.id', 'DESC')
          .getMany();
        return keys.map((k) => rows.filter((r) => r.unitId === k.unitId && (k.status === null || r.status === k.status)));
      },
      { cacheKeyFn: (k) => `${k.unitId}:${k.status ?? ''}` },
    ),
    orderCount: aggregateLoader(
      scope,
      `SELECT shelf_project_id AS key, count(*) AS value FROM need_project
        WHERE shelf_project_id = ANY($1) AND alliance_id = $2 GROUP BY shelf_project_id`,
    ),
  };
}
