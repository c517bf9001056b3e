import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/**
 * 补录: an activity that already happened, recorded straight as COMPLETED
 * with the units that took part CONFIRMED; they earn the completion's points
 * like any other.
 */
export class ActivityRecorded extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly activityId: string,
    readonly title: string,
    readonly startsAt: Date,
    readonly endsAt: Date,
    readonly confirmedUnitIds: readonly string[],
    /** The outcome figures, for the audit log. */
    readonly decided: Record<string, unknown>,
  ) {
    super(origin);
  }
}
