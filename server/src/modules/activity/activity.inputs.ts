import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ValidateBy, ValidateNested } from 'class-validator';
import { LIMITS } from '@alliance/shared';
import { ActivityKind, ActivityStatus } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { IntRange, NotNull, Text, TextPatch } from '../../graphql/validation.js';

/** A finite number within the range (volunteerHours is a Float; the column keeps one decimal). */
const NumberRange = (range: { min: number; max: number }) =>
  ValidateBy({
    name: 'numberRange',
    validator: {
      validate: (v: unknown) => v === null || v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= range.min && v <= range.max),
      defaultMessage: (args) => (args?.value === null || args?.value === undefined ? 'REQUIRED' : 'OUT_OF_RANGE'),
    },
  });

/**
 * from/to select the activities whose time span [startsAt, endsAt] overlaps
 * [from, to] (startsAt <= to and endsAt >= from), so an activity running
 * across the range boundary is listed; either end may be left open.
 * unitId: the activities the unit has signed up for, whatever became of the
 * sign-up (live, withdrawn or rejected). An empty status list filters nothing.
 */
@InputType('ActivityFilter')
export class ActivityFilter {
  @Field(() => [ActivityStatus], { nullable: true })
  status?: ActivityStatus[] | null;

  @Field(() => DateTimeScalar, { nullable: true })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: Date | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => ActivityKind, { nullable: true })
  kind?: ActivityKind | null;

  /** A keyword in the title or the location (the list's search form). */
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.search })
  search?: string | null;
}

/** What every activity input describes: the activity itself and what it delivers. */
// Not emitted as a type of its own (the schema lists no orphaned types); its fields are inherited.
@InputType()
abstract class ActivityDetails {
  @Field(() => String)
  @Text({ max: LIMITS.title, required: true })
  title: string;

  @Field(() => String)
  @Text({ max: LIMITS.description, required: true, multiline: true })
  description: string;

  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => String, { nullable: true })
  @Text({ max: 50 })
  categoryCode?: string | null;

  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;

  @Field(() => String)
  @Text({ max: LIMITS.address, required: true })
  location: string;

  /** ON_SHELF projects of the alliance that the activity delivers. */
  @Field(() => [ID], { nullable: true })
  shelfProjectIds?: string[] | null;

  /** Needs of the alliance the activity addresses. */
  @Field(() => [ID], { nullable: true })
  needIds?: string[] | null;
}

@InputType('ActivityInput')
export class ActivityInput extends ActivityDetails {
  /** Confirmed units allowed; null = unlimited. */
  @Field(() => Int, { nullable: true })
  @IntRange(LIMITS.maxUnits)
  maxUnits?: number | null;
}

/**
 * Beyond the contract: a DRAFT or OPEN activity's details, each field
 * optional (absent: left as it is). null clears categoryCode and maxUnits and
 * is REQUIRED for the others.
 */
@InputType('UpdateActivityInput')
export class UpdateActivityInput {
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.title, required: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.description, required: true, multiline: true })
  description?: string | null;

  @Field(() => ActivityKind, { nullable: true })
  @NotNull()
  kind?: ActivityKind | null;

  /** null or "" clears it. */
  @Field(() => String, { nullable: true })
  @TextPatch({ max: 50 })
  categoryCode?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @NotNull()
  startsAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @NotNull()
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.address, required: true })
  location?: string | null;

  /** An explicit null makes it unlimited; never below the units already confirmed. */
  @Field(() => Int, { nullable: true })
  @IntRange(LIMITS.maxUnits)
  maxUnits?: number | null;
}

@InputType('ActivityOutcomeInput')
export class ActivityOutcomeInput {
  @Field(() => Int)
  @IntRange(LIMITS.outcome.participants)
  participants: number;

  @Field(() => Float)
  @NumberRange(LIMITS.outcome.volunteerHours)
  volunteerHours: number;

  @Field(() => Int)
  @IntRange(LIMITS.outcome.beneficiaries)
  beneficiaries: number;

  @Field(() => String)
  @Text({ max: LIMITS.description, required: true, multiline: true })
  summary: string;
}

/** A unit that took part in a recorded activity, and how many people it sent. */
@InputType('PastActivityUnitInput')
export class PastActivityUnitInput {
  @Field(() => ID)
  unitId: string;

  @Field(() => Int)
  @IntRange(LIMITS.headcount)
  headcount: number;
}

/**
 * 补录: an activity that already happened (endsAt not in the future),
 * recorded straight as COMPLETED with its outcome and the units that took
 * part (each gets a CONFIRMED sign-up and the completion's points).
 */
@InputType('RecordPastActivityInput')
export class RecordPastActivityInput extends ActivityDetails {
  @Field(() => [PastActivityUnitInput])
  @ValidateNested({ each: true })
  units: PastActivityUnitInput[];

  @Field(() => ActivityOutcomeInput)
  @ValidateNested()
  outcome: ActivityOutcomeInput;
}
