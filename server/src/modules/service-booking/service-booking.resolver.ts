import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BOOKERS, BOOKING_LIFECYCLE, SETTABLE_INPUT_FIELDS, SLOT_PUBLISHERS, maskPhone, seesBookingResidentPhone, type Role } from '@alliance/shared';
import { rolesOf } from '../../common/lifecycle.js';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { BookingStatus } from '../../graphql/enums.js';
import { SettableFields } from '../../graphql/field-rules.js';
import { DateScalar } from '../../graphql/scalars.js';
import { ShelfProject } from '../shelf/shelf-project.entity.js';
import { Booking } from './booking.entity.js';
import { BookingInput, ServiceSlotsInput } from './service-booking.inputs.js';
import { serviceBookingService } from './service-booking.service.js';
import { ServiceSlot } from './service-slot.entity.js';

@Resolver(() => ServiceSlot)
export class ServiceSlotResolver {
  @Allow(...ALL_ROLES)
  @Query(() => [ServiceSlot], { description: 'A project\'s slots starting on a local day in [from, to] (at most 62 days).' })
  serviceSlots(
    @Ctx() ctx: RequestContext,
    @Arg('projectId', () => ID) projectId: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
  ) {
    return serviceBookingService.slots(ctx, projectId, from, to);
  }

  @Allow(...(Object.keys(SLOT_PUBLISHERS) as Role[]))
  @SettableFields('input', SETTABLE_INPUT_FIELDS.createServiceSlots)
  @Mutation(() => [ServiceSlot], { description: 'One-off, or weekly for `weeks` weeks; each slot is marked off-hours by the alliance\'s office hours and holidays.' })
  createServiceSlots(@Ctx() ctx: RequestContext, @Arg('projectId', () => ID) projectId: string, @Arg('input', () => ServiceSlotsInput) input: ServiceSlotsInput) {
    return serviceBookingService.createSlots(ctx, projectId, input);
  }

  @Allow(...(Object.keys(BOOKERS) as Role[]))
  @SettableFields('input', SETTABLE_INPUT_FIELDS.bookServiceSlot)
  @Mutation(() => Booking, { description: 'A grid worker or the committee books for a resident; a full slot is CONFLICT (reason SLOT_FULL).' })
  bookServiceSlot(@Ctx() ctx: RequestContext, @Arg('slotId', () => ID) slotId: string, @Arg('input', () => BookingInput) input: BookingInput) {
    return serviceBookingService.book(ctx, slotId, input);
  }

  @Allow(...rolesOf(BOOKING_LIFECYCLE, 'cancel'))
  @Mutation(() => Booking)
  cancelBooking(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return serviceBookingService.cancel(ctx, id);
  }

  @Allow(...rolesOf(BOOKING_LIFECYCLE, 'complete'))
  @Mutation(() => Booking, { description: 'The slot\'s unit records how it went: DONE or NO_SHOW.' })
  completeBooking(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('outcome', () => BookingStatus) outcome: BookingStatus) {
    return serviceBookingService.complete(ctx, id, outcome);
  }

  @FieldResolver(() => [Booking], { description: 'Its bookings, oldest first: the unit\'s list for the day.' })
  bookings(@Root() slot: ServiceSlot, @Ctx() ctx: RequestContext) {
    return ctx.loaders.bookingsOfSlot.load(slot.id);
  }

  @FieldResolver(() => ShelfProject)
  project(@Root() slot: ServiceSlot, @Ctx() ctx: RequestContext) {
    return ctx.loaders.project.load(slot.projectId);
  }
}

@Resolver(() => Booking)
export class BookingResolver {
  @FieldResolver(() => ServiceSlot)
  slot(@Root() b: Booking, @Ctx() ctx: RequestContext) {
    return ctx.loaders.serviceSlot.load(b.slotId);
  }

  @FieldResolver(() => String, { description: 'Masked (139****1234) except for the committee, grid workers and the slot\'s unit.' })
  async residentPhone(@Root() b: Booking, @Ctx() ctx: RequestContext) {
    const slot = await ctx.loaders.serviceSlot.load(b.slotId);
    return slot && seesBookingResidentPhone(ctx.me, slot.unitId) ? b.residentPhone : maskPhone(b.residentPhone);
  }
}
