import { byIdLoader, firstPerKeyLoader, groupLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Agreement } from './agreement.entity.js';
import { MemberUnit } from './member-unit.entity.js';

export function createMemberUnitLoaders(scope: TenantScope) {
  return {
    unit: byIdLoader(scope, MemberUnit),
    /** The unit's current agreement: the one signed last. */
    currentAgreement: firstPerKeyLoader(scope, Agreement, 'unit_id', 'e.signed_at DESC, e.created_at DESC'),
    /** Every agreement of the unit, oldest first: what agreementStatus is judged on. */
    agreementsOfUnit: groupLoader(scope, Agreement, 'unit_id', 'e.signed_at, e.created_at, e.id'),
  };
}
