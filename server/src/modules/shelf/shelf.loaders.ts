import { aggregateLoader, byIdLoader, statusGroupLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { ShelfProject } from './shelf-project.entity.js';

export function createShelfLoaders(scope: TenantScope) {
  return {
    project: byIdLoader(scope, ShelfProject),
    /** A unit's projects, newest first, optionally of one status. */
    projectsOfUnit: statusGroupLoader(scope, ShelfProject, 'unit_id', 'e.created_at DESC, e.id DESC'),
    orderCount: aggregateLoader(
      scope,
      `SELECT shelf_project_id AS key, count(*) AS value FROM need_project
        WHERE shelf_project_id = ANY($1) AND alliance_id = $2 GROUP BY shelf_project_id`,
    ),
  };
}
