import { ActivityTransitioned } from './activity-transitioned.js';

/** OPEN -> ONGOING. */
export class ActivityStarted extends ActivityTransitioned {
  readonly action = 'start' as const;
}
