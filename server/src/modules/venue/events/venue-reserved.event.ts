import type { VenueReservationStatus } from '@alliance/shared';
import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** A venue was reserved (the reservation begins): CONFIRMED for the committee and units, REQUESTED for a resident. */
export class VenueReserved extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly reservationId: string,
    readonly venueId: string,
    readonly unitId: string | null,
    readonly status: VenueReservationStatus,
    readonly startsAt: Date,
    readonly endsAt: Date,
  ) {
    super(origin);
  }
}
