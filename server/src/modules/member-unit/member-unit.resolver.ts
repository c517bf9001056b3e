import type { GraphQLResolveInfo } from 'graphql';
import { whenLoaded } from '../../common/held-loader.js';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { agreementStatus, localDate, maskPhone, seesUnitPhone, SETTABLE_INPUT_FIELDS } from '@alliance/shared';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { SettableFields } from '../../graphql/field-rules.js';
import { AgreementStatus, ShelfStatus } from '../../graphql/enums.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { DateScalar } from '../../graphql/scalars.js';
import { checkPeriod } from '../points/points.service.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { visibleToCaller } from '../shelf/shelf.service.js';
import { Agreement } from './agreement.entity.js';
import { MemberUnit } from './member-unit.entity.js';
import { AgreementInput, CreateMemberUnitInput, MemberUnitFilter, UpdateMemberUnitInput } from './member-unit.inputs.js';
import { memberUnitService } from './member-unit.service.js';

export const MemberUnitConnection = ConnectionType('MemberUnitConnection', MemberUnit);

@Resolver(() => MemberUnit)
export class MemberUnitResolver {
  @Allow(...ALL_ROLES)
  @Query(() => MemberUnitConnection)
  memberUnits(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => MemberUnitFilter, { nullable: true }) filter: MemberUnitFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return memberUnitService.list(ctx, filter, { first, after });
  }

  @Allow(...ALL_ROLES)
  @Query(() => MemberUnit, { nullable: true })
  memberUnit(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Info() info: GraphQLResolveInfo) {
    return memberUnitService.find(ctx, id, info);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => MemberUnit)
  createMemberUnit(@Ctx() ctx: RequestContext, @Arg('input', () => CreateMemberUnitInput) input: CreateMemberUnitInput) {
    return memberUnitService.create(ctx, input);
  }

  @Allow('COMMITTEE_ADMIN', 'UNIT_ADMIN')
  @SettableFields('input', SETTABLE_INPUT_FIELDS.updateMemberUnit)
  @Mutation(() => MemberUnit)
  updateMemberUnit(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateMemberUnitInput) input: UpdateMemberUnitInput,
  ) {
    return memberUnitService.update(ctx, id, version, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Agreement)
  signAgreement(
    @Ctx() ctx: RequestContext,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('input', () => AgreementInput) input: AgreementInput,
  ) {
    return memberUnitService.signAgreement(ctx, unitId, input);
  }

  @FieldResolver(() => String)
  contactPhone(@Root() unit: MemberUnit, @Ctx() ctx: RequestContext): string {
    return seesUnitPhone(ctx.me, unit.id) ? unit.contactPhone : maskPhone(unit.contactPhone);
  }

  @FieldResolver(() => Agreement, { nullable: true })
  agreement(@Root() unit: MemberUnit, @Ctx() ctx: RequestContext) {
    return ctx.loaders.currentAgreement.get(unit.id);
  }

  @FieldResolver(() => AgreementStatus, {
    description:
      "The unit's co-building agreement as of today (Asia/Shanghai): VALID, EXPIRING (ends within 30 days), EXPIRED (the latest ended), NONE.",
  })
  agreementStatus(@Root() unit: MemberUnit, @Ctx() ctx: RequestContext): AgreementStatus | Promise<AgreementStatus> {
    return whenLoaded(ctx.loaders.agreementsOfUnit.get(unit.id), (agreements) => agreementStatus(agreements, localDate()));
  }

  @FieldResolver(() => [ShelfProject])
  shelfProjects(
    @Root() unit: MemberUnit,
    @Ctx() ctx: RequestContext,
    @Arg('status', () => ShelfStatus, { nullable: true }) status: ShelfStatus | null,
  ) {
    return whenLoaded(ctx.loaders.projectsOfUnit.get({ key: unit.id, status: status ?? null }), (projects) => projects.filter((p) => visibleToCaller(ctx, p)));
  }

  @FieldResolver(() => Int, {
    description:
      'Points earned in the period: the sum of the ledger rows (pointsLedger) whose day, in the alliance time zone (Asia/Shanghai), ' +
      'falls in [from, to]; a missing end is open. Neither given: all time (累计). Equals dashboard(from, to).topUnits for the same days.',
  })
  points(
    @Root() unit: MemberUnit,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
  ) {
    return ctx.loaders.unitPoints.get({ unitId: unit.id, ...checkPeriod(from, to) });
  }
}
