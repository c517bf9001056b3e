import { fastType } from '../../common/fast-path.js';
import { gridsInMemory } from '../alliance/alliance.fast.js';
import { User } from './user.entity.js';

/** What the fast path knows of an account (docs/architecture.md, "Fast path"); phone is masked by its field resolver. */
fastType<User>('User', {
  entity: User,
  plain: ['id', 'username', 'displayName', 'role', 'status', 'mustChangePassword', 'lastSignInAt', 'disabledReason', 'disabledAt', 'createdAt', 'phone'],
  // phone's mask reads the id (the caller's own phone is clear); the primes read the relations' keys.
  columns: { always: ['id'], reads: { unit: ['unitId'], grid: ['gridId'] } },
  relations: {
    unit: {
      many: false,
      where: (a) => `${a.c}.id = ${a.p}.unit_id`,
      prime: (ctx, user, unit) => user.unitId && ctx.loaders.unit.prime(user.unitId, unit),
    },
    grid: {
      many: false,
      where: (a) => `${a.c}.id = ${a.p}.grid_id`,
      inMemory: gridsInMemory,
      prime: (ctx, user, grid) => user.gridId && ctx.loaders.grid.prime(user.gridId, grid),
    },
  },
});
