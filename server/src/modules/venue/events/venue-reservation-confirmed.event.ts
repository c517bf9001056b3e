import { VenueReservationTransitioned } from './venue-reservation-transitioned.js';

/** The committee confirmed a resident's request: the venue is now held (the exclusion constraint let it in). */
export class VenueReservationConfirmed extends VenueReservationTransitioned {
  readonly action = 'confirm' as const;
}
