import type { GraphQLResolveInfo } from 'graphql';
import { whenLoaded } from '../../common/held-loader.js';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  isOverdue,
  maskLocation,
  maskPersonName,
  maskPhone,
  maskResidentText,
  NEED_LIFECYCLE,
  NEED_REPORTERS,
  needsDeliveringUnits,
  seesRequesterPhone,
  seesResidentDetails,
  SETTABLE_INPUT_FIELDS,
  type Role,
} from '@alliance/shared';
import { actorOf, rolesOf } from '../../common/lifecycle.js';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { SettableFields } from '../../graphql/field-rules.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Grid } from '../alliance/grid.entity.js';
import { ServiceCategory } from '../alliance/service-category.entity.js';
import { User } from '../auth/user.entity.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { visibleToCaller } from '../shelf/shelf.service.js';
import { NeedEvent } from './need-event.entity.js';
import { Need } from './need.entity.js';
import { NeedFilter, ReportNeedInput } from './need.inputs.js';
import { needService } from './need.service.js';

export const NeedConnection = ConnectionType('NeedConnection', Need);

/** A need's free text as the caller may read it: for the viewer, the resident's name and phone masked in it. */
function residentText(ctx: RequestContext, need: Need, text: string | null): string | null {
  if (text === null || seesResidentDetails(ctx.me)) return text;
  return maskResidentText(text, { name: need.requesterName, phone: need.requesterPhone });
}

const REPORTER_ROLES = Object.keys(NEED_REPORTERS) as Role[];

@Resolver(() => Need)
export class NeedResolver {
  @Allow(...ALL_ROLES)
  @Query(() => NeedConnection)
  needs(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => NeedFilter, { nullable: true }) filter: NeedFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Info() info: GraphQLResolveInfo,
  ) {
    return needService.list(ctx, filter, { first, after }, info);
  }

  @Allow(...ALL_ROLES)
  @Query(() => Need, { nullable: true })
  need(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return needService.find(ctx, id);
  }

  @Allow(...REPORTER_ROLES)
  @SettableFields('input', SETTABLE_INPUT_FIELDS.reportNeed)
  @Mutation(() => Need)
  reportNeed(@Ctx() ctx: RequestContext, @Arg('input', () => ReportNeedInput) input: ReportNeedInput) {
    return needService.report(ctx, input);
  }

  @Allow(...rolesOf(NEED_LIFECYCLE, 'accept', 'reject'))
  @Mutation(() => Need)
  screenNeed(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Arg('version', () => Int, { nullable: true, description: 'The version read; when given and stale: CONFLICT, nothing written.' }) version: number | null,
  ) {
    return needService.screen(ctx, id, accept, comment, version);
  }

  @Allow(...rolesOf(NEED_LIFECYCLE, 'order'))
  @Mutation(() => Need)
  orderNeed(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('shelfProjectIds', () => [ID]) shelfProjectIds: string[],
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Arg('version', () => Int, { nullable: true, description: 'The version read; when given and stale: CONFLICT, nothing written.' }) version: number | null,
  ) {
    return needService.order(ctx, id, shelfProjectIds, comment, version);
  }

  @Allow(...rolesOf(NEED_LIFECYCLE, 'claim'))
  @Mutation(() => Need)
  claimNeed(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { nullable: true, description: 'The version read; when given and stale: CONFLICT, nothing written.' }) version: number | null,
    @Arg('note', () => String, { nullable: true, description: "What the unit offers (认领说明); kept in the need's history after the unit's name." })
    note: string | null,
  ) {
    return needService.claim(ctx, id, version, note);
  }

  @Allow(...rolesOf(NEED_LIFECYCLE, 'plan'))
  @Mutation(() => Need)
  planNeed(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('plan', () => String) plan: string,
    @Arg('dueAt', () => DateTimeScalar, { description: 'Later than now.' }) dueAt: Date,
    @Arg('deliveringUnitIds', () => [ID], {
      nullable: true,
      description:
        'The unit(s) that deliver the plan and alone earn its points (+5 when RESOLVED, +2 more on satisfaction 5): chosen among the units ' +
        'of the ordered projects and the units that claimed the need, at least one when any exists. Omitted (or null): all of those units.',
    })
    deliveringUnitIds: string[] | null,
    @Arg('version', () => Int, { nullable: true, description: 'The version read; when given and stale: CONFLICT, nothing written.' }) version: number | null,
  ) {
    return needService.plan(ctx, id, plan, dueAt, deliveringUnitIds, version);
  }

  @Allow(...rolesOf(NEED_LIFECYCLE, 'assign'))
  @Mutation(() => Need)
  assignNeed(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('assigneeId', () => ID) assigneeId: string,
    @Arg('version', () => Int, { nullable: true, description: 'The version read; when given and stale: CONFLICT, nothing written.' }) version: number | null,
  ) {
    return needService.assign(ctx, id, assigneeId, version);
  }

  @Allow(...rolesOf(NEED_LIFECYCLE, 'order', 'plan', 'assign'))
  @Mutation(() => Need, {
    description:
      'The one order form: orderNeed, planNeed and assignNeed of an ACCEPTED need in one transaction (ACCEPTED -> IN_PROGRESS, ' +
      'three events in its history); refused at any step (the error names the field), nothing is written.',
  })
  orderPlanAssignNeed(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { nullable: true, description: 'The version read; when given and stale: CONFLICT, nothing written.' }) version: number | null,
    @Arg('shelfProjectIds', () => [ID], { description: 'As orderNeed: ON_SHELF projects; none only when a unit has claimed the need.' })
    shelfProjectIds: string[],
    @Arg('comment', () => String, { nullable: true, description: "The order's comment (orderNeed)." }) comment: string | null,
    @Arg('plan', () => String) plan: string,
    @Arg('dueAt', () => DateTimeScalar, { description: 'Later than now.' }) dueAt: Date,
    @Arg('deliveringUnitIds', () => [ID], { nullable: true, description: 'As planNeed: omitted (or null), all the units of the ordered projects and the claims.' })
    deliveringUnitIds: string[] | null,
    @Arg('assigneeId', () => ID) assigneeId: string,
  ) {
    return needService.orderPlanAssign(ctx, id, { version, shelfProjectIds, comment, plan, dueAt, deliveringUnitIds, assigneeId });
  }

  @Allow(...rolesOf(NEED_LIFECYCLE, 'resolve'))
  @Mutation(() => Need)
  resolveNeed(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('resolution', () => String) resolution: string,
    @Arg('version', () => Int, { nullable: true, description: 'The version read; when given and stale: CONFLICT, nothing written.' }) version: number | null,
  ) {
    return needService.resolve(ctx, id, resolution, version);
  }

  @Allow(...rolesOf(NEED_LIFECYCLE, 'followUp'))
  @Mutation(() => Need)
  followUpNeed(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('satisfaction', () => Int) satisfaction: number,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Arg('version', () => Int, { nullable: true, description: 'The version read; when given and stale: CONFLICT, nothing written.' }) version: number | null,
  ) {
    return needService.followUp(ctx, id, satisfaction, comment, version);
  }

  // Corrections (docs/adoption.md): the committee's, each with a reason and the version read.

  @Allow(...rolesOf(NEED_LIFECYCLE, 'replan'))
  @Mutation(() => Need, { description: 'A new plan, a new due date, or both, while PLANNED or IN_PROGRESS; the status stays. Neither: BAD_USER_INPUT naming plan.' })
  replanNeed(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('plan', () => String, { nullable: true, description: 'The new plan; absent or null keeps the plan.' }) plan: string | null,
    @Arg('dueAt', () => DateTimeScalar, { nullable: true, description: 'The new due date, later than now; absent or null keeps it.' }) dueAt: Date | null,
    @Arg('reason', () => String) reason: string,
  ) {
    return needService.replan(ctx, id, version, plan, dueAt, reason);
  }

  @Allow(...rolesOf(NEED_LIFECYCLE, 'reassign'))
  @Mutation(() => Need, { description: 'Another assignee while IN_PROGRESS (the same rules as assignNeed).' })
  reassignNeed(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('assigneeId', () => ID) assigneeId: string,
    @Arg('reason', () => String) reason: string,
  ) {
    return needService.reassign(ctx, id, version, assigneeId, reason);
  }

  @Allow(...rolesOf(NEED_LIFECYCLE, 'withdrawOrder'))
  @Mutation(() => Need, {
    description: 'ORDERED or PLANNED -> ACCEPTED: the ordered projects, plan and due date are cleared (the history keeps them); claims stay.',
  })
  withdrawNeedOrder(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => String) reason: string,
  ) {
    return needService.withdrawOrder(ctx, id, version, reason);
  }

  @Allow(...rolesOf(NEED_LIFECYCLE, 'reopen'))
  @Mutation(() => Need, { description: 'REJECTED -> REPORTED: screened again.' })
  reopenNeed(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => String) reason: string,
  ) {
    return needService.reopen(ctx, id, version, reason);
  }

  @Allow(...rolesOf(NEED_LIFECYCLE, 'verify'))
  @Mutation(() => Need, {
    description:
      "核实: the grid's worker (of the need's grid) or the committee has called back the resident who reported it on the residents' page; " +
      'only a RESIDENT need while REPORTED, once (again: CONFLICT ALREADY_VERIFIED; a staff report: CONFLICT NOT_RESIDENT_NEED). ' +
      'Until then screenNeed refuses it (CONFLICT NOT_VERIFIED). The status stays; the history keeps the verification and the comment.',
  })
  verifyResidentNeed(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('comment', () => String, { nullable: true, description: 'What the call found (optional).' }) comment: string | null,
    @Arg('version', () => Int, { nullable: true, description: 'The version read; when given and stale: CONFLICT, nothing written.' }) version: number | null,
  ) {
    return needService.verifyResident(ctx, id, comment, version);
  }

  /**
   * Clear for the committee, the workers of the need's grid, its assignee and,
   * while it is open, the liaisons of its delivering units; masked for
   * everyone else (seesRequesterPhone in @alliance/shared).
   */
  @FieldResolver(() => String, { description: "Clear for the committee, the grid's workers, the assignee and the delivering units' liaisons while open; else masked." })
  requesterPhone(@Root() need: Need, @Ctx() ctx: RequestContext): string | Promise<string> {
    const actor = actorOf(ctx.me);
    const parties = { status: need.status, gridId: need.gridId, assigneeId: need.assigneeId };
    return whenLoaded(needsDeliveringUnits(actor, parties) ? ctx.loaders.needDeliveringUnits.get(need.id) : [], (deliveringUnitIds) =>
      seesRequesterPhone(actor, { ...parties, deliveringUnitIds }) ? need.requesterPhone : maskPhone(need.requesterPhone),
    );
  }

  /** Masked for the viewer (王**, 欧阳**). */
  @FieldResolver(() => String)
  requesterName(@Root() need: Need, @Ctx() ctx: RequestContext): string {
    return seesResidentDetails(ctx.me) ? need.requesterName : maskPersonName(need.requesterName);
  }

  /** Up to the building for the viewer (maskLocation). */
  @FieldResolver(() => String, { nullable: true })
  location(@Root() need: Need, @Ctx() ctx: RequestContext): string | null {
    return need.location === null || seesResidentDetails(ctx.me) ? need.location : maskLocation(need.location);
  }

  // The free texts: the resident's name and phone masked in them for the viewer.

  @FieldResolver(() => String)
  title(@Root() need: Need, @Ctx() ctx: RequestContext): string {
    return residentText(ctx, need, need.title)!;
  }

  @FieldResolver(() => String)
  description(@Root() need: Need, @Ctx() ctx: RequestContext): string {
    return residentText(ctx, need, need.description)!;
  }

  @FieldResolver(() => String, { nullable: true })
  plan(@Root() need: Need, @Ctx() ctx: RequestContext): string | null {
    return residentText(ctx, need, need.plan);
  }

  @FieldResolver(() => String, { nullable: true })
  resolution(@Root() need: Need, @Ctx() ctx: RequestContext): string | null {
    return residentText(ctx, need, need.resolution);
  }

  @FieldResolver(() => ServiceCategory, { nullable: true })
  category(@Root() need: Need, @Ctx() ctx: RequestContext) {
    return need.categoryId ? ctx.loaders.category.get(need.categoryId) : null;
  }

  @FieldResolver(() => Grid)
  grid(@Root() need: Need, @Ctx() ctx: RequestContext) {
    return ctx.loaders.grid.get(need.gridId);
  }

  /**
   * The projects the need was ordered against, as far as the caller may read
   * them through shelfProject(id). They were ON_SHELF when ordered, but one
   * may since have gone back to review (its content edited), been rejected or
   * taken down: it then drops out of this list for whoever could not open it
   * (a grid worker, another unit's admin), like everywhere else on the shelf.
   * The schema has no redacted project to show in its place, and a title
   * without its content would still be the unit's work in progress. The
   * order itself stays visible (the ORDERED step in history), the link stays
   * in need_project (the unit is still credited), and the committee, viewers
   * and the project's own unit still see the project here.
   */
  @FieldResolver(() => [ShelfProject])
  orderedProjects(@Root() need: Need, @Ctx() ctx: RequestContext) {
    return whenLoaded(ctx.loaders.needProjects.get(need.id), (projects) => projects.filter((p) => visibleToCaller(ctx, p)));
  }

  @FieldResolver(() => [MemberUnit])
  claimedBy(@Root() need: Need, @Ctx() ctx: RequestContext) {
    return ctx.loaders.needClaimUnits.get(need.id);
  }

  @FieldResolver(() => [MemberUnit], {
    description: 'The units its plan names as delivering it (empty before the plan): only they earn points for this need.',
  })
  deliveringUnits(@Root() need: Need, @Ctx() ctx: RequestContext) {
    return ctx.loaders.needDeliveryUnits.get(need.id);
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() need: Need, @Ctx() ctx: RequestContext) {
    return need.assigneeId ? ctx.loaders.user.get(need.assigneeId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who reported it (a grid worker or the committee).' })
  reportedBy(@Root() need: Need, @Ctx() ctx: RequestContext) {
    return need.reportedBy ? ctx.loaders.user.get(need.reportedBy) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "Who verified a resident's own report (verifyResidentNeed)." })
  verifiedBy(@Root() need: Need, @Ctx() ctx: RequestContext) {
    return need.verifiedBy ? ctx.loaders.user.get(need.verifiedBy) : null;
  }

  /** Every event; for the viewer, the comments with the resident's name and phone masked (copies: the loader's rows stay as read). */
  @FieldResolver(() => [NeedEvent])
  history(@Root() need: Need, @Ctx() ctx: RequestContext) {
    return whenLoaded(ctx.loaders.needHistory.get(need.id), (events) => {
      if (seesResidentDetails(ctx.me)) return events;
      return events.map((e) => Object.assign(Object.create(Object.getPrototypeOf(e)) as NeedEvent, e, { comment: residentText(ctx, need, e.comment) }));
    });
  }

  @FieldResolver(() => Boolean, { description: 'Not RESOLVED/CLOSED/REJECTED and dueAt in the past.' })
  overdue(@Root() need: Need): boolean {
    return isOverdue(need);
  }
}

@Resolver(() => NeedEvent)
export class NeedEventResolver {
  @FieldResolver(() => User)
  actor(@Root() event: NeedEvent, @Ctx() ctx: RequestContext) {
    return ctx.loaders.user.get(event.actorId);
  }
}
