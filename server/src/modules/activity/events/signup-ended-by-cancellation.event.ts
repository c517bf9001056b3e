import { SignupTransitioned } from './signup-transitioned.js';

/** A live sign-up ended because the committee cancelled the activity; nobody is promoted. */
export class SignupEndedByCancellation extends SignupTransitioned {
  readonly action = 'activityCancelled' as const;
}
