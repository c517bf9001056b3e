import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIntRange, MAX_OPEN_CLAIMS_RANGE } from '@alliance/shared';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { ensure, notFound } from '../../graphql/errors.js';
import { auditService } from '../audit/audit.service.js';
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

  /** The committee's settings of its alliance, audited with before and after. */
  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Alliance)
  async updateAllianceSettings(
    @Ctx() ctx: RequestContext,
    @Arg('maxOpenClaims', () => Int, { description: 'How many open claims a unit may hold at a time (1..100).' }) maxOpenClaims: number,
  ): Promise<Alliance> {
    ensure({ maxOpenClaims: checkIntRange(maxOpenClaims, MAX_OPEN_CLAIMS_RANGE) });
    return ctx.scope.transaction(async (tx) => {
      const alliance = await tx.manager
        .createQueryBuilder(Alliance, 'a')
        .where('a.id = :id', { id: tx.allianceId })
        .setLock('pessimistic_write')
        .getOne();
      if (!alliance) throw notFound('Alliance');
      const before = { maxOpenClaims: alliance.maxOpenClaims };
      if (before.maxOpenClaims === maxOpenClaims) return alliance;
      alliance.maxOpenClaims = maxOpenClaims;
      await tx.manager.query(`UPDATE alliance SET max_open_claims = $2 WHERE id = $1`, [tx.allianceId, maxOpenClaims]);
      await auditService.record(ctx, tx, {
        action: 'ALLIANCE_SETTINGS',
        subjectType: 'ALLIANCE',
        subjectId: tx.allianceId,
        summary: { name: alliance.name, before, after: { maxOpenClaims } },
      });
      return alliance;
    });
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
