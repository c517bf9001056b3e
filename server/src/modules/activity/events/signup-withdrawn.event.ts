import { SignupTransitioned } from './signup-transitioned.js';

/** A unit withdrew its CONFIRMED or WAITLISTED sign-up while the activity was OPEN. */
export class SignupWithdrawn extends SignupTransitioned {
  readonly action = 'withdraw' as const;
}
