import { BookingTransitioned } from './booking-transitioned.js';

/** The unit recorded how a booking went: DONE (served) or NO_SHOW. */
export class BookingCompleted extends BookingTransitioned {
  readonly action = 'complete' as const;
}
