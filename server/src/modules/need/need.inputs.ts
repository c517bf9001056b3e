import { Field, ID, InputType } from 'type-graphql';
import { LIMITS } from '@alliance/shared';
import { NeedStatus } from '../../graphql/enums.js';
import { Phone, Text, TextPatch } from '../../graphql/validation.js';

@InputType('NeedFilter')
export class NeedFilter {
  /** Any of these statuses; an empty list means no restriction. */
  @Field(() => [NeedStatus], { nullable: true })
  status?: NeedStatus[] | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  @Field(() => String, { nullable: true })
  categoryCode?: string | null;

  /** Contained in the title, description or location; taken literally. */
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.search })
  search?: string | null;

  /** true: open (not RESOLVED/CLOSED/REJECTED) and past dueAt; false: all the others. */
  @Field(() => Boolean, { nullable: true })
  overdue?: boolean | null;
}

@InputType('ReportNeedInput')
export class ReportNeedInput {
  @Field(() => String)
  @Text({ max: LIMITS.title, required: true })
  title: string;

  @Field(() => String)
  @Text({ max: LIMITS.description, required: true, multiline: true })
  description: string;

  @Field(() => ID)
  gridId: string;

  @Field(() => String, { nullable: true })
  @Text({ max: LIMITS.address })
  location?: string | null;

  @Field(() => String, { nullable: true })
  @Text({ max: 50 })
  categoryCode?: string | null;

  @Field(() => String)
  @Text({ max: LIMITS.personName, required: true })
  requesterName: string;

  @Field(() => String)
  @Phone()
  requesterPhone: string;
}
