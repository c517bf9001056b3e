import { BOOKING_LIFECYCLE, type BookingAction, type BookingStatus } from '@alliance/shared';
import type { EventOrigin } from '../../common/events/domain-event.js';
import { publish } from '../../common/events/event-bus.js';
import { actorIdOf, destination, enforce, type StepTaker } from '../../common/lifecycle.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { Booking } from './booking.entity.js';
import { BookingCancelled } from './events/booking-cancelled.event.js';
import { BookingCompleted } from './events/booking-completed.event.js';
import type { BookingTransitioned } from './events/booking-transitioned.js';
import { ServiceSlot } from './service-slot.entity.js';

type Args = [origin: EventOrigin, bookingId: string, slotId: string, unitId: string, offHours: boolean, from: BookingStatus, to: BookingStatus];

const EVENT_OF: { [A in BookingAction]: (...args: Args) => BookingTransitioned } = {
  complete: (...a) => new BookingCompleted(...a),
  cancel: (...a) => new BookingCancelled(...a),
};

/**
 * The booking's one transition function, in one transaction: lock the booking,
 * check BOOKING_LIFECYCLE's row against the slot's unit (FORBIDDEN /
 * CONFLICT), run the step's guard, set the status from the row (`chosen`
 * among the row's `otherwise`), save (the trigger frees or keeps the
 * place), publish the action's event.
 */
export function transitionBooking(
  ctx: RequestContext,
  id: string,
  action: BookingAction,
  chosen: BookingStatus | null,
  guard?: (b: Booking, slot: ServiceSlot) => void,
  by: StepTaker = ctx.me,
): Promise<Booking> {
  return ctx.scope.transaction(async (tx: TenantScope) => {
    const b = await tx.lock(Booking, id, 'Booking');
    const slot = await tx.get(ServiceSlot, b.slotId, 'ServiceSlot');
    enforce(BOOKING_LIFECYCLE, action, by, { status: b.status, unitIds: [slot.unitId] });
    guard?.(b, slot);
    const from = b.status;
    b.status = destination(BOOKING_LIFECYCLE, action, from, chosen);
    b.updatedAt = new Date();
    await tx.manager.save(b);
    const origin = { allianceId: tx.allianceId, actorId: actorIdOf(by), at: b.updatedAt };
    await publish(ctx, tx, EVENT_OF[action](origin, b.id, slot.id, slot.unitId, slot.offHours, from, b.status));
    return b;
  });
}
