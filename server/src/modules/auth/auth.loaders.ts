import { byIdLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { User } from './user.entity.js';

export function createAuthLoaders(scope: TenantScope) {
  return { user: byIdLoader(scope, User) };
}
