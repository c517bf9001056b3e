import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  BOOKERS,
  BOOKING_LIFECYCLE,
  BOOKING_LIST_READERS,
  SETTABLE_INPUT_FIELDS,
  SLOT_PUBLISHERS,
  maskLocation,
  maskPersonName,
  maskPhone,
  seesBookingResidentPhone,
  seesResidentDetails,
  type Role,
} from '@alliance/shared';
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
  @Allow(...(Object.keys(BOOKING_LIST_READERS) as Role[]))
  @Query(() => [Booking], {
    description: 'The bookings of a unit\'s slots starting on a local day in [from, to] (at most 62 days), by slot start. A unit admin reads its own unit\'s (unitId omitted or its own); the other roles any unit\'s, or all without unitId.',
  })
  unitBookings(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('unitId', () => ID, { nullable: true }) unitId?: string | null,
  ) {
    return serviceBookingService.unitBookings(ctx, from, to, unitId);
  }

  @FieldResolver(() => ServiceSlot)
  slot(@Root() b: Booking, @Ctx() ctx: RequestContext) {
    return ctx.loaders.serviceSlot.load(b.slotId);
  }

  /** Masked for the viewer (王**), as a need's resident. */
  @FieldResolver(() => String)
  residentName(@Root() b: Booking, @Ctx() ctx: RequestContext): string {
    return seesResidentDetails(ctx.me) ? b.residentName : maskPersonName(b.residentName);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The resident\'s building or address; up to the building for the viewer.' })
  location(@Root() b: Booking, @Ctx() ctx: RequestContext): string | null {
    return b.location === null || seesResidentDetails(ctx.me) ? b.location : maskLocation(b.location);
  }

  @FieldResolver(() => String, { description: 'Masked (139****1234) except for the committee, grid workers and the slot\'s unit.' })
  async residentPhone(@Root() b: Booking, @Ctx() ctx: RequestContext) {
    const slot = await ctx.loaders.serviceSlot.load(b.slotId);
    return slot && seesBookingResidentPhone(ctx.me, slot.unitId) ? b.residentPhone : maskPhone(b.residentPhone);
  }
}
