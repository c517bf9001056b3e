import { VENUE_RESERVATION_LIFECYCLE, type VenueReservationAction, type VenueReservationStatus } from '@alliance/shared';
import type { EventOrigin } from '../../common/events/domain-event.js';
import { publish } from '../../common/events/event-bus.js';
import { actorIdOf, destination, enforce, type StepTaker } from '../../common/lifecycle.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { VenueReservationCancelled } from './events/venue-reservation-cancelled.event.js';
import { VenueReservationConfirmed } from './events/venue-reservation-confirmed.event.js';
import { VenueReservationDeclined } from './events/venue-reservation-declined.event.js';
import type { VenueReservationTransitioned } from './events/venue-reservation-transitioned.js';
import { VenueReservation } from './venue-reservation.entity.js';

type Args = [origin: EventOrigin, reservationId: string, venueId: string, unitId: string | null, from: VenueReservationStatus, to: VenueReservationStatus];

const EVENT_OF: { [A in VenueReservationAction]: (...args: Args) => VenueReservationTransitioned } = {
  confirm: (...a) => new VenueReservationConfirmed(...a),
  decline: (...a) => new VenueReservationDeclined(...a),
  cancel: (...a) => new VenueReservationCancelled(...a),
};

/**
 * The reservation's one transition function, in one transaction: lock, check
 * VENUE_RESERVATION_LIFECYCLE's row (FORBIDDEN / CONFLICT; a unit reaches the
 * reservations made for it), run the step's guards, set the status from the
 * row, save, publish the action's event. A confirmation that would overlap a
 * confirmed reservation is refused by the exclusion constraint at save: the
 * caller turns that into CONFLICT naming the other one.
 */
export function transitionVenueReservation(
  ctx: RequestContext,
  id: string,
  action: VenueReservationAction,
  guard?: (r: VenueReservation, tx: TenantScope) => void | Promise<void>,
  by: StepTaker = ctx.me,
): Promise<VenueReservation> {
  return ctx.scope.transaction(async (tx) => {
    const r = await tx.lock(VenueReservation, id, 'VenueReservation');
    enforce(VENUE_RESERVATION_LIFECYCLE, action, by, { status: r.status, unitIds: r.unitId ? [r.unitId] : [] });
    await guard?.(r, tx);
    const from = r.status;
    r.status = destination(VENUE_RESERVATION_LIFECYCLE, action, from);
    r.updatedAt = new Date();
    await tx.manager.save(r);
    const origin = { allianceId: tx.allianceId, actorId: actorIdOf(by), at: r.updatedAt };
    await publish(ctx, tx, EVENT_OF[action](origin, r.id, r.venueId, r.unitId, from, r.status));
    return r;
  });
}
