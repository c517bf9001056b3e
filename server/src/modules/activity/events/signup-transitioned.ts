import type { SignupAction, SignupStatus } from '@alliance/shared';
import { TransitionEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** A move of a sign-up in SIGNUP_LIFECYCLE: one subclass per action. */
export abstract class SignupTransitioned extends TransitionEvent<SignupStatus, SignupAction> {
  constructor(
    origin: EventOrigin,
    readonly signupId: string,
    readonly activityId: string,
    readonly unitId: string,
    from: SignupStatus,
    to: SignupStatus,
  ) {
    super(origin, signupId, from, to);
  }
}
