import { byIdLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Grid } from './grid.entity.js';
import { ServiceCategory } from './service-category.entity.js';

export function createAllianceLoaders(scope: TenantScope) {
  return {
    grid: byIdLoader(scope, Grid),
    category: byIdLoader(scope, ServiceCategory),
  };
}
