import { Field, InputType, Int } from 'type-graphql';
import { LIMITS } from '@alliance/shared';
import { AgreementStatus, UnitKind, UnitStatus } from '../../graphql/enums.js';
import { DateScalar } from '../../graphql/scalars.js';
import { CalendarDay, CreditCode, IntRange, NotNull, Phone, Text, TextPatch } from '../../graphql/validation.js';

@InputType('MemberUnitFilter')
export class MemberUnitFilter {
  @Field(() => UnitKind, { nullable: true })
  kind?: UnitKind | null;

  @Field(() => UnitStatus, { nullable: true })
  status?: UnitStatus | null;

  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.search })
  search?: string | null;

  /** Units whose agreementStatus is this one today (the same rule as the field). */
  @Field(() => AgreementStatus, { nullable: true })
  agreementStatus?: AgreementStatus | null;
}

@InputType('CreateMemberUnitInput')
export class CreateMemberUnitInput {
  @Field(() => String)
  @Text({ max: LIMITS.name, required: true })
  name: string;

  @Field(() => UnitKind)
  kind: UnitKind;

  @Field(() => String, { nullable: true })
  @CreditCode()
  creditCode?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ max: LIMITS.name })
  partyOrgName?: string | null;

  @Field(() => Int)
  @IntRange(LIMITS.partyMemberCount)
  partyMemberCount: number;

  @Field(() => String)
  @Text({ max: LIMITS.personName, required: true })
  contactName: string;

  @Field(() => String)
  @Phone()
  contactPhone: string;

  @Field(() => String, { nullable: true })
  @Text({ max: LIMITS.address })
  address?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @CalendarDay()
  joinedAt?: string | null;
}

/**
 * A patch: an absent field is left as it is. creditCode, partyOrgName and
 * address are cleared by null or ""; the other fields cannot be empty, so
 * null is REQUIRED. Which fields a unit admin may send at all:
 * SETTABLE_INPUT_FIELDS.updateMemberUnit (its contact fields).
 */
@InputType('UpdateMemberUnitInput')
export class UpdateMemberUnitInput {
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.name, required: true })
  name?: string | null;

  @Field(() => UnitKind, { nullable: true })
  @NotNull()
  kind?: UnitKind | null;

  /** null or "" clears it. */
  @Field(() => String, { nullable: true })
  @CreditCode()
  creditCode?: string | null;

  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.name })
  partyOrgName?: string | null;

  @Field(() => Int, { nullable: true })
  @IntRange(LIMITS.partyMemberCount)
  @NotNull()
  partyMemberCount?: number | null;

  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.personName, required: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @Phone({ optional: true })
  @NotNull()
  contactPhone?: string | null;

  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.address })
  address?: string | null;

  @Field(() => UnitStatus, { nullable: true })
  @NotNull()
  status?: UnitStatus | null;
}

@InputType('AgreementInput')
export class AgreementInput {
  @Field(() => DateScalar)
  @CalendarDay()
  signedAt: string;

  @Field(() => DateScalar)
  @CalendarDay()
  validUntil: string;

  @Field(() => String)
  @Text({ max: LIMITS.responsibilities, required: true, multiline: true })
  responsibilities: string;
}
