import { Field, ID, InputType, Int } from 'type-graphql';
import { LIMITS } from '@alliance/shared';
import { ShelfStatus } from '../../graphql/enums.js';
import { IntRange, Tags, Text, TextPatch } from '../../graphql/validation.js';

@InputType('ShelfProjectFilter')
export class ShelfProjectFilter {
  @Field(() => ShelfStatus, { nullable: true })
  status?: ShelfStatus | null;

  @Field(() => String, { nullable: true })
  categoryCode?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.search })
  search?: string | null;
}

@InputType('ShelfProjectInput')
export class ShelfProjectInput {
  @Field(() => String)
  @Text({ max: LIMITS.title, required: true })
  title: string;

  @Field(() => String)
  @Text({ max: LIMITS.description, required: true, multiline: true })
  description: string;

  @Field(() => String)
  @Text({ max: 50, required: true })
  categoryCode: string;

  @Field(() => Int, { nullable: true })
  @IntRange(LIMITS.capacityPerMonth)
  capacityPerMonth?: number | null;

  @Field(() => [String], { nullable: true })
  @Tags()
  tags?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: "The unit offering it: the committee must name one; a unit admin's own unit when omitted.",
  })
  unitId?: string | null;
}

/** A patch: an absent field is left as it is; null is REQUIRED for title, description and category. */
@InputType('UpdateShelfProjectInput')
export class UpdateShelfProjectInput {
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.title, required: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.description, required: true, multiline: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  @TextPatch({ max: 50, required: true })
  categoryCode?: string | null;

  /** null clears it (unlimited). */
  @Field(() => Int, { nullable: true })
  @IntRange(LIMITS.capacityPerMonth)
  capacityPerMonth?: number | null;

  /** null clears them (no tags). */
  @Field(() => [String], { nullable: true })
  @Tags()
  tags?: string[] | null;
}
