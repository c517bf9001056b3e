import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { PageInfo } from '../../graphql/pagination.js';
import { DateScalar } from '../../graphql/scalars.js';
import { Activity } from '../activity/activity.entity.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { Need } from '../need/need.entity.js';
import { PointsEntry } from './points-entry.entity.js';
import { pointsService } from './points.service.js';

@ObjectType('PointsEntryConnection', { description: "A unit's ledger rows in a period, newest first." })
export class PointsEntryConnection {
  @Field(() => [PointsEntry])
  nodes: PointsEntry[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;

  @Field(() => Int, {
    description: 'The points of every row in the period (all pages): equals MemberUnit.points(from, to) and dashboard(from, to).topUnits.',
  })
  totalPoints: number;
}

@Resolver(() => PointsEntry)
export class PointsResolver {
  /**
   * 积分明细: a unit's ledger. Every role reads any unit of its alliance
   * (points are public there: the red list). `from`/`to` are local days
   * (Asia/Shanghai), inclusive; a missing end is open; neither: all time (累计).
   */
  @Allow(...ALL_ROLES)
  @Query(() => PointsEntryConnection, {
    description:
      "积分明细: a unit's points ledger, newest first, with the period's totalPoints. from/to: local days (Asia/Shanghai), inclusive; " +
      'a missing end is open; neither: all time (累计). Any unit of your alliance, whatever your role (the red list is public there).',
  })
  pointsLedger(
    @Ctx() ctx: RequestContext,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return pointsService.ledger(ctx, unitId, from, to, { first, after });
  }

  @FieldResolver(() => MemberUnit, { description: 'The unit that earned it.' })
  unit(@Root() e: PointsEntry, @Ctx() ctx: RequestContext) {
    return ctx.loaders.unit.load(e.unitId);
  }

  @FieldResolver(() => Activity, { nullable: true, description: 'The completed activity, for ACTIVITY_COMPLETED; null otherwise.' })
  activity(@Root() e: PointsEntry, @Ctx() ctx: RequestContext) {
    return e.source === 'ACTIVITY_COMPLETED' ? ctx.loaders.activity.load(e.sourceId) : null;
  }

  @FieldResolver(() => Need, {
    nullable: true,
    description: 'The need, for NEED_RESOLVED and FOLLOW_UP_SATISFIED (its requester phone masked as for need(id)); null otherwise.',
  })
  need(@Root() e: PointsEntry, @Ctx() ctx: RequestContext) {
    return e.source === 'ACTIVITY_COMPLETED' ? null : ctx.loaders.need.load(e.sourceId);
  }
}
