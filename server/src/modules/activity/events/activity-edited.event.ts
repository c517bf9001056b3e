import { ActivityTransitioned } from './activity-transitioned.js';

/** A DRAFT or OPEN activity edited (raising maxUnits may have promoted waitlisted sign-ups: SignupPromoted each). */
export class ActivityEdited extends ActivityTransitioned {
  readonly action = 'edit' as const;
}
