import { BookingTransitioned } from './booking-transitioned.js';

/** A booking was called off before its slot began; its place is free again. */
export class BookingCancelled extends BookingTransitioned {
  readonly action = 'cancel' as const;
}
