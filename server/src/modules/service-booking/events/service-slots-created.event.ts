import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** A unit (or the committee) published slots of an ON_SHELF project (the slots begin). */
export class ServiceSlotsCreated extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly projectId: string,
    readonly unitId: string,
    readonly slotIds: readonly string[],
  ) {
    super(origin);
  }
}
