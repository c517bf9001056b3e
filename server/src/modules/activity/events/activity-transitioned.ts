import type { ActivityAction, ActivityStatus } from '@alliance/shared';
import { TransitionEvent, type EventOrigin, type TransitionDetails } from '../../../common/events/domain-event.js';

/** A move of an activity in ACTIVITY_LIFECYCLE: one subclass per action. */
export abstract class ActivityTransitioned extends TransitionEvent<ActivityStatus, ActivityAction> {
  constructor(
    origin: EventOrigin,
    readonly activityId: string,
    readonly title: string,
    from: ActivityStatus,
    to: ActivityStatus,
    details: TransitionDetails = {},
  ) {
    super(origin, activityId, from, to, details);
  }
}
