import type { TenantScope } from '../common/tenant-scope.js';
import { createActivityLoaders } from '../modules/activity/activity.loaders.js';
import { createAllianceLoaders } from '../modules/alliance/alliance.loaders.js';
import { createAuthLoaders } from '../modules/auth/auth.loaders.js';
import { createMemberUnitLoaders } from '../modules/member-unit/member-unit.loaders.js';
import { createNeedLoaders } from '../modules/need/need.loaders.js';
import { createPointsLoaders } from '../modules/points/points.loaders.js';
import { createShelfLoaders } from '../modules/shelf/shelf.loaders.js';
import { createServiceBookingLoaders } from '../modules/service-booking/service-booking.loaders.js';
import { createVenueLoaders } from '../modules/venue/venue.loaders.js';

/** One fresh set per request: a loader's cache must never outlive its caller. */
export function createLoaders(scope: TenantScope) {
  return {
    ...createAllianceLoaders(scope),
    ...createAuthLoaders(scope),
    ...createMemberUnitLoaders(scope),
    ...createShelfLoaders(scope),
    ...createPointsLoaders(scope),
    ...createActivityLoaders(scope),
    ...createNeedLoaders(scope),
    ...createVenueLoaders(scope),
    ...createServiceBookingLoaders(scope),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
