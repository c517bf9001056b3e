import { SignupTransitioned } from './signup-transitioned.js';

/** WAITLISTED -> CONFIRMED by the system: a place was freed (a withdrawal, a raised maxUnits). */
export class SignupPromoted extends SignupTransitioned {
  readonly action = 'promote' as const;
}
