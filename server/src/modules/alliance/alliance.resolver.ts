import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { Alliance } from './alliance.entity.js';
import { Grid } from './grid.entity.js';
import { ServiceCategory } from './service-category.entity.js';

@Resolver(() => Alliance)
export class AllianceResolver {
  /** The caller's own alliance: the tenant is the token's, never an argument. */
  @Allow(...ALL_ROLES)
  @Query(() => Alliance)
  async alliance(@Ctx() ctx: RequestContext): Promise<Alliance> {
    const alliance = await ctx.scope.manager.findOneBy(Alliance, { id: ctx.scope.allianceId });
    if (!alliance) throw notFound('Alliance');
    return alliance;
  }

  @FieldResolver(() => [ServiceCategory])
  categories(@Root() _alliance: Alliance, @Ctx() ctx: RequestContext) {
    return ctx.scope.qb(ServiceCategory, 'c').orderBy('c.sort_order').addOrderBy('c.code').getMany();
  }

  @FieldResolver(() => [Grid])
  grids(@Root() _alliance: Alliance, @Ctx() ctx: RequestContext) {
    return ctx.scope.qb(Grid, 'g').orderBy('g.sort_order').addOrderBy('g.name').getMany();
  }
}
