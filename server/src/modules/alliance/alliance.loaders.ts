import { byIdLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Grid } from './grid.entity.js';
import type { ReferenceData } from './reference-data.js';
import { ServiceCategory } from './service-category.entity.js';

/** Grids and categories: held by the instance when it has its reference data (reference-data.ts), else read per request. */
export function createAllianceLoaders(scope: TenantScope, reference?: ReferenceData) {
  return reference ? reference.loaders(scope) : { grid: byIdLoader(scope, Grid), category: byIdLoader(scope, ServiceCategory) };
}
