import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
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

/**
 * Narrows a list to the category with this code (`column` holds the
 * category's id). While the instance holds the alliance's categories the
 * statement compares with the id found in memory (issue 17: no sub-select
 * evaluated for the count and again for the page); else with a sub-select.
 * An unknown code matches nothing either way, as a filter (not bad input).
 */
export function whereCategoryCode<T extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<T>, column: string, code: string): void {
  const held = ctx.loaders.category.inMemoryValues();
  if (!held) {
    qb.andWhere(`${column} = (SELECT c.id FROM service_category c WHERE c.alliance_id = :tenantId AND c.code = :code)`, { code });
    return;
  }
  for (const category of held) {
    if (category?.code === code) return void qb.andWhere(`${column} = :categoryId`, { categoryId: category.id });
  }
  qb.andWhere('false');
}
