import type { BookingAction, BookingStatus } from '@alliance/shared';
import { TransitionEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** A move of a booking in BOOKING_LIFECYCLE: one subclass per action. */
export abstract class BookingTransitioned extends TransitionEvent<BookingStatus, BookingAction> {
  constructor(
    origin: EventOrigin,
    readonly bookingId: string,
    readonly slotId: string,
    readonly unitId: string,
    readonly offHours: boolean,
    from: BookingStatus,
    to: BookingStatus,
  ) {
    super(origin, bookingId, from, to);
  }
}
