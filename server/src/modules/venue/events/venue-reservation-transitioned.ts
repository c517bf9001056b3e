import type { VenueReservationAction, VenueReservationStatus } from '@alliance/shared';
import { TransitionEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** A move of a reservation in VENUE_RESERVATION_LIFECYCLE: one subclass per action. */
export abstract class VenueReservationTransitioned extends TransitionEvent<VenueReservationStatus, VenueReservationAction> {
  constructor(
    origin: EventOrigin,
    readonly reservationId: string,
    readonly venueId: string,
    readonly unitId: string | null,
    from: VenueReservationStatus,
    to: VenueReservationStatus,
  ) {
    super(origin, reservationId, from, to);
  }
}
