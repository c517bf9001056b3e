import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { INCUBATION_APPLICANTS, INCUBATION_LIFECYCLE, INCUBATION_READERS, SETTABLE_INPUT_FIELDS, seesIncubationNotes, type Role } from '@alliance/shared';
import { rolesOf } from '../../common/lifecycle.js';
import { Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { IncubationStage } from '../../graphql/enums.js';
import { SettableArgs } from '../../graphql/field-rules.js';
import { DateScalar } from '../../graphql/scalars.js';
import { Dashboard } from '../dashboard/dashboard.types.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { figures } from '../dashboard/dashboard.service.js';
import { Incubation, IncubationEvent } from './incubation.entity.js';
import { INCUBATOR_FIGURES } from './incubation.figures.js';
import { incubationService } from './incubation.service.js';

@Resolver(() => Incubation)
export class IncubationResolver {
  @Allow(...INCUBATION_READERS)
  @Query(() => [Incubation], { description: '阳光驿站: the incubated organisations, newest application first; a liaison sees its own unit\'s (as organisation or mentor).' })
  incubations(@Ctx() ctx: RequestContext, @Arg('stage', () => IncubationStage, { nullable: true }) stage: IncubationStage | null) {
    return incubationService.list(ctx, stage);
  }

  @Allow(...(Object.keys(INCUBATION_APPLICANTS) as Role[]))
  @SettableArgs(SETTABLE_INPUT_FIELDS.applyIncubation)
  @Mutation(() => Incubation, {
    description: 'A social organisation applies to the incubator (APPLIED): the committee for any, a liaison for its own unit (unitId omitted: its own). One application or incubation under way per unit (CONFLICT).',
  })
  applyIncubation(
    @Ctx() ctx: RequestContext,
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | null,
    @Arg('mentorUnitId', () => ID, { nullable: true }) mentorUnitId: string | null,
    @Arg('notes', () => String, { nullable: true }) notes: string | null,
  ) {
    return incubationService.apply(ctx, { unitId, mentorUnitId, notes });
  }

  @Allow(...rolesOf(INCUBATION_LIFECYCLE, 'start'))
  @Mutation(() => Incubation, { description: 'The committee takes an applicant in (INCUBATING) with a mentor unit; startedOn defaults to today.' })
  startIncubation(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('mentorUnitId', () => ID) mentorUnitId: string,
    @Arg('startedOn', () => DateScalar, { nullable: true }) startedOn: string | null,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
  ) {
    return incubationService.start(ctx, id, mentorUnitId, startedOn, comment, version);
  }

  @Allow(...rolesOf(INCUBATION_LIFECYCLE, 'graduate'))
  @Mutation(() => Incubation, { description: '出壳: the organisation stands on its own (GRADUATED); endedOn defaults to today.' })
  graduateIncubation(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('endedOn', () => DateScalar, { nullable: true }) endedOn: string | null,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
  ) {
    return incubationService.graduate(ctx, id, endedOn, comment, version);
  }

  @Allow(...rolesOf(INCUBATION_LIFECYCLE, 'leave'))
  @Mutation(() => Incubation, { description: 'The organisation leaves the incubator, or its application is withdrawn (LEFT), with a reason; endedOn defaults to today.' })
  leaveIncubation(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('endedOn', () => DateScalar, { nullable: true }) endedOn: string | null,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
  ) {
    return incubationService.leave(ctx, id, endedOn, reason, version);
  }

  @FieldResolver(() => MemberUnit, { description: 'The incubated social organisation.' })
  async unit(@Root() i: Incubation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.unit.load(i.unitId);
  }

  @FieldResolver(() => MemberUnit, { nullable: true, description: 'The member unit that mentors it (named when it is taken in).' })
  mentor(@Root() i: Incubation, @Ctx() ctx: RequestContext) {
    return i.mentorUnitId ? ctx.loaders.unit.load(i.mentorUnitId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Not shown to the viewer.' })
  notes(@Root() i: Incubation, @Ctx() ctx: RequestContext) {
    return seesIncubationNotes(ctx.me) ? i.notes : null;
  }

  @FieldResolver(() => Int, {
    description: "Services given during its stay (start date to end date or today): its shelf projects' completed bookings, the needs it delivered (resolved or closed) and the completed activities it joined.",
  })
  servicesGiven(@Root() i: Incubation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.incubationServicesGiven.load(i.id);
  }

  @FieldResolver(() => [IncubationEvent], { description: 'Its moves, oldest first.' })
  history(@Root() i: Incubation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.incubationHistory.load(i.id);
  }
}

@Resolver(() => IncubationEvent)
export class IncubationEventResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Not shown to the viewer.' })
  comment(@Root() e: IncubationEvent, @Ctx() ctx: RequestContext) {
    return seesIncubationNotes(ctx.me) ? e.comment : null;
  }
}

/** 阳光驿站 on the dashboard (docs/domain.md "Dashboard figures"). */
@ObjectType('IncubatorFigures')
export class IncubatorFigures {
  @Field(() => Int, { description: 'INCUBATING or GRADUATED, started on or before `to`' })
  organisationsIncubated: number;

  @Field(() => Int, { description: 'their services given during their stay, dated in [from, to]' })
  servicesGiven: number;
}

@Resolver(() => Dashboard)
export class IncubatorDashboardResolver {
  @FieldResolver(() => IncubatorFigures)
  async incubator(@Root() d: Dashboard, @Ctx() ctx: RequestContext) {
    const { rows } = await figures<IncubatorFigures[]>(ctx, 'incubator', INCUBATOR_FIGURES, [d.range.from, d.range.to]);
    return Object.assign(new IncubatorFigures(), rows[0]);
  }
}
