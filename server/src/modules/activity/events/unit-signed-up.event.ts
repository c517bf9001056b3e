import type { SignupStatus } from '@alliance/shared';
import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** A unit signed up for an OPEN activity: CONFIRMED while places last, else WAITLISTED (the sign-up begins). */
export class UnitSignedUp extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly signupId: string,
    readonly activityId: string,
    readonly unitId: string,
    readonly status: SignupStatus,
    /** As read under the activity's lock: what the unit's notification names (no statement of its own). */
    readonly activityTitle: string,
  ) {
    super(origin);
  }
}
