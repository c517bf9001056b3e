import { ActivityTransitioned } from './activity-transitioned.js';

/** DRAFT -> OPEN: units may sign up. */
export class ActivityPublished extends ActivityTransitioned {
  readonly action = 'publish' as const;
}
