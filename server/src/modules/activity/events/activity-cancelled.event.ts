import { ActivityTransitioned } from './activity-transitioned.js';

/** DRAFT|OPEN|ONGOING -> CANCELLED with a reason; every live sign-up ended (SignupEndedByCancellation each). */
export class ActivityCancelled extends ActivityTransitioned {
  readonly action = 'cancel' as const;
}
