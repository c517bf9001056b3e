import { aggregateLoader, groupLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { IncubationEvent } from './incubation.entity.js';
import { SERVICES_GIVEN_BY_INCUBATION } from './incubation.figures.js';

export function createIncubationLoaders(scope: TenantScope) {
  return {
    incubationHistory: groupLoader(scope, IncubationEvent, 'incubation_id', 'e.at, e.id'),
    incubationServicesGiven: aggregateLoader(scope, SERVICES_GIVEN_BY_INCUBATION),
  };
}
