import { VenueReservationTransitioned } from './venue-reservation-transitioned.js';

/** A requested or confirmed reservation was called off; a confirmed one frees its time. */
export class VenueReservationCancelled extends VenueReservationTransitioned {
  readonly action = 'cancel' as const;
}
