import { byIdLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Venue } from './venue.entity.js';

export function createVenueLoaders(scope: TenantScope) {
  return {
    venue: byIdLoader(scope, Venue),
  };
}
