import { Field, ID, InputType } from 'type-graphql';
import { LIMITS } from '@alliance/shared';
import { NeedSource, NeedStatus } from '../../graphql/enums.js';
import { DateScalar } from '../../graphql/scalars.js';
import { Phone, Text, TextPatch } from '../../graphql/validation.js';

@InputType('NeedFilter')
export class NeedFilter {
  /** Any of these statuses; an empty list means no restriction. */
  @Field(() => [NeedStatus], { nullable: true })
  status?: NeedStatus[] | null;

  @Field(() => ID, { nullable: true })
  gridId?: string | null;

  /** RESIDENT: the residents' own reports (群众点单), which the grid's worker verifies first. */
  @Field(() => NeedSource, { nullable: true })
  source?: NeedSource | null;

  /** true: verified by the grid's worker (verifyResidentNeed); false: not (every staff report among them). */
  @Field(() => Boolean, { nullable: true })
  verified?: boolean | null;

  @Field(() => String, { nullable: true })
  categoryCode?: string | null;

  /** Contained in the title, description or location; taken literally. */
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.search })
  search?: string | null;

  /** true: open (not RESOLVED/CLOSED/REJECTED) and past dueAt; false: all the others. */
  @Field(() => Boolean, { nullable: true })
  overdue?: boolean | null;

  /** true: assigned to the caller; false: all the others. */
  @Field(() => Boolean, { nullable: true })
  assignedToMe?: boolean | null;

  /**
   * true: assigned to the caller, claimed by the caller's unit, or with an
   * ordered project of the caller's unit (none for a caller without a unit);
   * false: all the others.
   */
  @Field(() => Boolean, { nullable: true })
  myUnit?: boolean | null;

  /**
   * true: the needs the caller's unit (an ACTIVE one) may claim now (ACCEPTED or ORDERED, not
   * yet claimed by it; none for a role that does not claim); false: all the others.
   */
  @Field(() => Boolean, { nullable: true })
  claimable?: boolean | null;

  /** Reported on or after this day (the alliance's local day, Asia/Shanghai). */
  @Field(() => DateScalar, { nullable: true })
  reportedFrom?: string | null;

  /** Reported on or before this day (inclusive, the alliance's local day); not before reportedFrom (DATE_ORDER). */
  @Field(() => DateScalar, { nullable: true })
  reportedTo?: string | null;

  /**
   * Resolved (办结: RESOLVED, and CLOSED after its follow-up) on or after this
   * day (the alliance's local day, Asia/Shanghai). A need reopened by its
   * follow-up counts again only once it is resolved again.
   */
  @Field(() => DateScalar, { nullable: true })
  resolvedFrom?: string | null;

  /** Resolved on or before this day (inclusive, the alliance's local day); not before resolvedFrom (DATE_ORDER). */
  @Field(() => DateScalar, { nullable: true })
  resolvedTo?: string | null;
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
