import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIntRange, MAX_OPEN_CLAIMS_RANGE } from '@alliance/shared';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { ensure, notFound } from '../../graphql/errors.js';
import { Alliance } from './alliance.entity.js';
import { allianceService } from './alliance.service.js';
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

  /** The committee's settings of its alliance, audited with before and after. */
  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Alliance)
  async updateAllianceSettings(
    @Ctx() ctx: RequestContext,
    @Arg('maxOpenClaims', () => Int, { description: 'How many open claims a unit may hold at a time (1..100).' }) maxOpenClaims: number,
  ): Promise<Alliance> {
    ensure({ maxOpenClaims: checkIntRange(maxOpenClaims, MAX_OPEN_CLAIMS_RANGE) });
    return allianceService.updateSettings(ctx, { maxOpenClaims });
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
