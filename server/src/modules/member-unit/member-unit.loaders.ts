import DataLoader from 'dataloader';
import { byIdLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Agreement } from './agreement.entity.js';
import { MemberUnit } from './member-unit.entity.js';

export function createMemberUnitLoaders(scope: TenantScope) {
  return {
    unit: byIdLoader(scope, MemberUnit),
    /** The unit's current agreement: the one signed last. */
    currentAgreement: new DataLoader<string, Agreement | null>(async (unitIds) => {
      const rows = await scope
        .qb(Agreement, 'a')
        .distinctOn(['a.unit_id'])
        .andWhere('a.unit_id = ANY(:unitIds)', { unitIds: [...unitIds] })
        .orderBy('a.unit_id')
        .addOrderBy('a.signed_at', 'DESC')
        .addOrderBy('a.created_at', 'DESC')
        .getMany();
      const byUnit = new Map(rows.map((a) => [a.unitId, a]));
      return unitIds.map((id) => byUnit.get(id) ?? null);
    }),
  };
}
