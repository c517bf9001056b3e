import { aggregateLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';

export function createPointsLoaders(scope: TenantScope) {
  return {
    /** A unit's points: the sum of its ledger, never a stored counter. */
    unitPoints: aggregateLoader(
      scope,
      `SELECT unit_id AS key, sum(points) AS value FROM points_entry
        WHERE unit_id = ANY($1) AND alliance_id = $2 GROUP BY unit_id`,
    ),
  };
}
