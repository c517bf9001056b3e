import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** An activity planned as a DRAFT (not a move of the table: the record begins). */
export class ActivityCreated extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly activityId: string,
  ) {
    super(origin);
  }
}
