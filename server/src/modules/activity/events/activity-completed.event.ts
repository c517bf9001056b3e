import type { ActivityStatus } from '@alliance/shared';
import type { EventOrigin, TransitionDetails } from '../../../common/events/domain-event.js';
import { ActivityTransitioned } from './activity-transitioned.js';

/** ONGOING -> COMPLETED with its outcome; names the units whose sign-up is CONFIRMED (they earn the points). */
export class ActivityCompleted extends ActivityTransitioned {
  readonly action = 'complete' as const;

  constructor(
    origin: EventOrigin,
    activityId: string,
    title: string,
    from: ActivityStatus,
    to: ActivityStatus,
    details: TransitionDetails,
    readonly confirmedUnitIds: readonly string[],
  ) {
    super(origin, activityId, title, from, to, details);
  }
}
