import { Field, ID, InputType } from 'type-graphql';
import { LIMITS } from '@alliance/shared';
import { AuditAction, AuditSubject } from '../../graphql/enums.js';
import { DateScalar } from '../../graphql/scalars.js';
import { CalendarDay, TextPatch } from '../../graphql/validation.js';

@InputType('AuditFilter')
export class AuditFilter {
  /** Acts by this account. */
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  /** Any of these actions; empty or absent: all. */
  @Field(() => [AuditAction], { nullable: true })
  action?: AuditAction[] | null;

  @Field(() => AuditSubject, { nullable: true })
  subjectType?: AuditSubject | null;

  /** Acts on this record (with subjectType, one record's history). */
  @Field(() => String, { nullable: true })
  @TextPatch({ max: LIMITS.search })
  subjectId?: string | null;

  /** From this day on, in the alliance's time zone. */
  @Field(() => DateScalar, { nullable: true })
  @CalendarDay()
  from?: string | null;

  /** Up to and including this day. */
  @Field(() => DateScalar, { nullable: true })
  @CalendarDay()
  to?: string | null;
}
