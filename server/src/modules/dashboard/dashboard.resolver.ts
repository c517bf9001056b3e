import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { DateScalar } from '../../graphql/scalars.js';
import { ServiceCategory } from '../alliance/service-category.entity.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { dashboardService } from './dashboard.service.js';
import { Grid } from '../alliance/grid.entity.js';
import {
  ActivityKindCount,
  CategoryCount,
  Dashboard,
  GridNeedCount,
  MonthCount,
  MonthSatisfaction,
  NeedStatusCount,
  UnitOverdueCount,
  UnitRank,
} from './dashboard.types.js';

@Resolver(() => Dashboard)
export class DashboardResolver {
  /** docs/domain.md: every role reads the dashboard. Default range: the last 12 months up to today. */
  @Allow(...ALL_ROLES)
  @Query(() => Dashboard)
  dashboard(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Info() info: GraphQLResolveInfo,
  ) {
    // The Dashboard fields selected (through fragments too), so that their figures come in one statement.
    const tree = parseResolveInfo(info) as ResolveTree | null;
    const selected = Object.values(tree?.fieldsByTypeName['Dashboard'] ?? {});
    const topUnitsFirst = selected.filter((f) => f.name === 'topUnits').map((f) => f.args['first'] as number);
    return dashboardService.dashboard(
      ctx,
      from,
      to,
      selected.map((f) => f.name),
      topUnitsFirst,
    );
  }

  @FieldResolver(() => [CategoryCount])
  async shelfProjectsByCategory(@Root() d: Dashboard, @Ctx() ctx: RequestContext) {
    return (await dashboardService.part(ctx, d, 'shelfProjectsByCategory')).map((r) => Object.assign(new CategoryCount(), r));
  }

  @FieldResolver(() => [MonthCount])
  async activitiesByMonth(@Root() d: Dashboard, @Ctx() ctx: RequestContext) {
    return (await dashboardService.part(ctx, d, 'activitiesByMonth')).map((r) => Object.assign(new MonthCount(), r));
  }

  @FieldResolver(() => [ActivityKindCount], { description: 'completed in [from, to], per kind, every kind listed; adds up to activitiesCompleted' })
  async activitiesByKind(@Root() d: Dashboard, @Ctx() ctx: RequestContext) {
    return (await dashboardService.part(ctx, d, 'activitiesByKind')).map((r) => Object.assign(new ActivityKindCount(), r));
  }

  @FieldResolver(() => [NeedStatusCount])
  async needsByStatus(@Root() d: Dashboard, @Ctx() ctx: RequestContext) {
    return (await dashboardService.part(ctx, d, 'needsByStatus')).map((r) => Object.assign(new NeedStatusCount(), r));
  }

  @FieldResolver(() => [MonthSatisfaction], { description: 'averageSatisfaction per local month of the follow-up, every month of [from, to] listed' })
  async satisfactionByMonth(@Root() d: Dashboard, @Ctx() ctx: RequestContext) {
    return (await dashboardService.part(ctx, d, 'satisfactionByMonth')).map((r) => Object.assign(new MonthSatisfaction(), r));
  }

  @FieldResolver(() => [GridNeedCount], { description: 'the needs reported in [from, to] per grid, every grid listed; adds up to needsReported' })
  async needsByGrid(@Root() d: Dashboard, @Ctx() ctx: RequestContext) {
    return (await dashboardService.part(ctx, d, 'needsByGrid')).map((r) => Object.assign(new GridNeedCount(), r));
  }

  @FieldResolver(() => [UnitOverdueCount], { description: 'the needs overdue now per delivering unit, the most first; units with none not listed' })
  overdueNeedsByUnit(@Ctx() ctx: RequestContext, @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number) {
    return dashboardService.overdueNeedsByUnit(ctx, first);
  }

  @FieldResolver(() => Int, { description: '错时约办: bookings DONE whose slot starts in [from, to]' })
  async bookingsDone(@Root() d: Dashboard, @Ctx() ctx: RequestContext) {
    return (await dashboardService.part(ctx, d, 'bookings')).bookingsDone;
  }

  @FieldResolver(() => Int, { description: 'of bookingsDone, those in an off-hours slot' })
  async offHoursBookingsDone(@Root() d: Dashboard, @Ctx() ctx: RequestContext) {
    return (await dashboardService.part(ctx, d, 'bookings')).offHoursBookingsDone;
  }

  @FieldResolver(() => [UnitRank])
  topUnits(@Root() d: Dashboard, @Ctx() ctx: RequestContext, @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number) {
    return dashboardService.topUnits(ctx, d, first);
  }
}

@Resolver(() => CategoryCount)
export class CategoryCountResolver {
  @FieldResolver(() => ServiceCategory)
  category(@Root() c: CategoryCount, @Ctx() ctx: RequestContext) {
    return ctx.loaders.category.get(c.categoryId);
  }
}

@Resolver(() => GridNeedCount)
export class GridNeedCountResolver {
  @FieldResolver(() => Grid)
  grid(@Root() g: GridNeedCount, @Ctx() ctx: RequestContext) {
    return ctx.loaders.grid.get(g.gridId);
  }
}

@Resolver(() => UnitOverdueCount)
export class UnitOverdueCountResolver {
  @FieldResolver(() => MemberUnit)
  unit(@Root() u: UnitOverdueCount, @Ctx() ctx: RequestContext) {
    return ctx.loaders.unit.load(u.unitId);
  }
}

@Resolver(() => UnitRank)
export class UnitRankResolver {
  @FieldResolver(() => MemberUnit)
  unit(@Root() r: UnitRank, @Ctx() ctx: RequestContext) {
    return ctx.loaders.unit.load(r.unitId);
  }
}
