import { VenueReservationTransitioned } from './venue-reservation-transitioned.js';

/** The committee declined a resident's request. */
export class VenueReservationDeclined extends VenueReservationTransitioned {
  readonly action = 'decline' as const;
}
