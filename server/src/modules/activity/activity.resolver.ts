import type { GraphQLResolveInfo } from 'graphql';
import { whenLoaded } from '../../common/held-loader.js';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ACTIVITY_LIFECYCLE, ACTIVITY_RECORDERS, SIGNUP_LIFECYCLE, type Role } from '@alliance/shared';
import { rolesOf } from '../../common/lifecycle.js';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { SignupStatus } from '../../graphql/enums.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { ServiceCategory } from '../alliance/service-category.entity.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { Need } from '../need/need.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { visibleToCaller } from '../shelf/shelf.service.js';
import { Activity, ActivityOutcome } from './activity.entity.js';
import { ActivityFilter, ActivityInput, ActivityOutcomeInput, RecordPastActivityInput, UpdateActivityInput } from './activity.inputs.js';
import { activityService, outcomeOf } from './activity.service.js';
import { Signup } from './signup.entity.js';

export const ActivityConnection = ConnectionType('ActivityConnection', Activity);

@Resolver(() => Activity)
export class ActivityResolver {
  @Allow(...ALL_ROLES)
  @Query(() => ActivityConnection)
  activities(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ActivityFilter, { nullable: true }) filter: ActivityFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return activityService.list(ctx, filter, { first, after });
  }

  @Allow(...ALL_ROLES)
  @Query(() => Activity, { nullable: true })
  activity(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Info() info: GraphQLResolveInfo) {
    return activityService.find(ctx, id, info);
  }

  @Allow(...rolesOf(ACTIVITY_LIFECYCLE, 'edit'))
  @Mutation(() => Activity)
  createActivity(@Ctx() ctx: RequestContext, @Arg('input', () => ActivityInput) input: ActivityInput) {
    return activityService.create(ctx, input);
  }

  @Allow(...(Object.keys(ACTIVITY_RECORDERS) as Role[]))
  @Mutation(() => Activity, {
    description: 'Beyond the contract: 补录, record an activity that has already ended, straight as COMPLETED (recordedAfterwards); its units earn the completion points.',
  })
  recordPastActivity(@Ctx() ctx: RequestContext, @Arg('input', () => RecordPastActivityInput) input: RecordPastActivityInput) {
    return activityService.record(ctx, input);
  }

  @Allow(...rolesOf(ACTIVITY_LIFECYCLE, 'edit'))
  @Mutation(() => Activity, { description: 'Beyond the contract: edit a DRAFT or OPEN activity (optimistic version).' })
  updateActivity(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateActivityInput) input: UpdateActivityInput,
  ) {
    return activityService.update(ctx, id, version, input);
  }

  @Allow(...rolesOf(ACTIVITY_LIFECYCLE, 'publish'))
  @Mutation(() => Activity)
  publishActivity(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return activityService.publish(ctx, id);
  }

  @Allow(...rolesOf(ACTIVITY_LIFECYCLE, 'start'))
  @Mutation(() => Activity)
  startActivity(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return activityService.start(ctx, id);
  }

  @Allow(...rolesOf(ACTIVITY_LIFECYCLE, 'complete'))
  @Mutation(() => Activity)
  completeActivity(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('outcome', () => ActivityOutcomeInput) outcome: ActivityOutcomeInput,
  ) {
    return activityService.complete(ctx, id, outcome);
  }

  @Allow(...rolesOf(ACTIVITY_LIFECYCLE, 'cancel'))
  @Mutation(() => Activity)
  cancelActivity(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string) {
    return activityService.cancel(ctx, id, reason);
  }

  @Allow(...rolesOf(ACTIVITY_LIFECYCLE, 'signUp'))
  @Mutation(() => Signup)
  signUpForActivity(
    @Ctx() ctx: RequestContext,
    @Arg('activityId', () => ID) activityId: string,
    @Arg('headcount', () => Int) headcount: number,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | null,
  ) {
    return activityService.signUp(ctx, activityId, headcount, note, unitId);
  }

  @Allow(...rolesOf(SIGNUP_LIFECYCLE, 'withdraw'))
  @Mutation(() => Signup)
  withdrawSignup(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return activityService.withdraw(ctx, id);
  }

  @FieldResolver(() => ServiceCategory, { nullable: true })
  category(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return activity.categoryId ? ctx.loaders.category.get(activity.categoryId) : null;
  }

  @FieldResolver(() => [ShelfProject])
  shelfProjects(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return whenLoaded(ctx.loaders.activityProjects.get(activity.id), (projects) => projects.filter((p) => visibleToCaller(ctx, p)));
  }

  @FieldResolver(() => [Need])
  needs(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.activityNeeds.get(activity.id);
  }

  @FieldResolver(() => [Signup])
  signups(
    @Root() activity: Activity,
    @Ctx() ctx: RequestContext,
    @Arg('status', () => SignupStatus, { nullable: true }) status: SignupStatus | null,
  ) {
    return ctx.loaders.signupsOfActivity.get({ key: activity.id, status: status ?? null });
  }

  @FieldResolver(() => ActivityOutcome, { nullable: true })
  outcome(@Root() activity: Activity): ActivityOutcome | null {
    return outcomeOf(activity);
  }
}

@Resolver(() => Signup)
export class SignupResolver {
  @FieldResolver(() => Activity)
  activity(@Root() signup: Signup, @Ctx() ctx: RequestContext) {
    return ctx.loaders.activity.get(signup.activityId);
  }

  @FieldResolver(() => MemberUnit)
  unit(@Root() signup: Signup, @Ctx() ctx: RequestContext) {
    return ctx.loaders.unit.get(signup.unitId);
  }
}
