import type { TenantScope } from '../../common/tenant-scope.js';
import { badInput } from '../../graphql/errors.js';
import { ServiceCategory } from './service-category.entity.js';

/** The alliance's category with this code; an unknown code is bad input on `field`. */
export async function categoryByCode(scope: TenantScope, code: string, field = 'categoryCode'): Promise<ServiceCategory> {
  const category = await scope.qb(ServiceCategory, 'c').andWhere('c.code = :code', { code }).getOne();
  if (!category) throw badInput(field, 'INVALID_ID', `${field}: no category with code ${code}`);
  return category;
}

/** Same, for an optional code: null when none is given. */
export async function optionalCategoryId(scope: TenantScope, code: string | null | undefined, field = 'categoryCode'): Promise<string | null> {
  return code ? (await categoryByCode(scope, code, field)).id : null;
}
