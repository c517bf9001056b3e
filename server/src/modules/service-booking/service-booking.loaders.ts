import { byIdLoader, groupLoader } from '../../common/loaders.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { Booking } from './booking.entity.js';
import { ServiceSlot } from './service-slot.entity.js';

export function createServiceBookingLoaders(scope: TenantScope) {
  return {
    serviceSlot: byIdLoader(scope, ServiceSlot),
    /** A slot's bookings, oldest first. */
    bookingsOfSlot: groupLoader(scope, Booking, 'slot_id', 'e.created_at, e.id'),
  };
}
