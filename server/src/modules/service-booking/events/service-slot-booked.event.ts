import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** A resident's place in a slot was booked (the booking begins, BOOKED). */
export class ServiceSlotBooked extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly bookingId: string,
    readonly slotId: string,
    readonly unitId: string,
    readonly offHours: boolean,
  ) {
    super(origin);
  }
}
