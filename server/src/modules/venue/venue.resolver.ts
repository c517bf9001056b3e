import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SETTABLE_INPUT_FIELDS, VENUE_RESERVATION_LIFECYCLE, VENUE_RESERVERS, maskPhone, seesReservationResidentPhone, type Role } from '@alliance/shared';
import { rolesOf } from '../../common/lifecycle.js';
import { ALL_ROLES, Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { SettableArgs } from '../../graphql/field-rules.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { MemberUnit } from '../member-unit/member-unit.entity.js';
import { VenueReservation } from './venue-reservation.entity.js';
import { Venue } from './venue.entity.js';
import { VenueInput } from './venue.inputs.js';
import { venueService } from './venue.service.js';

@Resolver(() => Venue)
export class VenueResolver {
  @Allow(...ALL_ROLES)
  @Query(() => [Venue], { description: "The service centre's rooms, by name." })
  venues(@Ctx() ctx: RequestContext) {
    return venueService.venues(ctx);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Venue, { description: 'The committee adds a room of the service centre. A name the centre already has: BAD_USER_INPUT (DUPLICATE).' })
  createVenue(@Ctx() ctx: RequestContext, @Arg('input', () => VenueInput) input: VenueInput) {
    return venueService.setVenue(ctx, null, input);
  }

  @Allow('COMMITTEE_ADMIN')
  @Mutation(() => Venue, { description: 'The committee describes a room again (every field). New hours hold for reservations made from then on.' })
  updateVenue(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => VenueInput) input: VenueInput) {
    return venueService.setVenue(ctx, id, input);
  }

  @Allow(...ALL_ROLES)
  @Query(() => [VenueReservation], { description: 'Reservations overlapping [from, to) (at most 31 days), optionally of one venue: the week calendar.' })
  venueReservations(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
    @Arg('venueId', () => ID, { nullable: true }) venueId: string | null,
  ) {
    return venueService.reservations(ctx, from, to, venueId);
  }

  @Allow(...(Object.keys(VENUE_RESERVERS) as Role[]))
  @SettableArgs(SETTABLE_INPUT_FIELDS.reserveVenue)
  @Mutation(() => VenueReservation, {
    description:
      "CONFIRMED at once for the committee and units; a grid worker passes on a resident's request (residentName, residentPhone), REQUESTED until the committee confirms. Overlapping a confirmed reservation: CONFLICT (reason VENUE_TAKEN, extensions.conflictsWith).",
  })
  reserveVenue(
    @Ctx() ctx: RequestContext,
    @Arg('venueId', () => ID) venueId: string,
    @Arg('startsAt', () => DateTimeScalar) startsAt: Date,
    @Arg('endsAt', () => DateTimeScalar) endsAt: Date,
    @Arg('purpose', () => String) purpose: string,
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | null,
    @Arg('residentName', () => String, { nullable: true }) residentName: string | null,
    @Arg('residentPhone', () => String, { nullable: true }) residentPhone: string | null,
  ) {
    return venueService.reserve(ctx, venueId, startsAt, endsAt, purpose, { unitId, residentName, residentPhone });
  }

  @Allow(...rolesOf(VENUE_RESERVATION_LIFECYCLE, 'cancel'))
  @Mutation(() => VenueReservation)
  cancelVenueReservation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return venueService.cancel(ctx, id);
  }

  @Allow(...rolesOf(VENUE_RESERVATION_LIFECYCLE, 'confirm'))
  @Mutation(() => VenueReservation, { description: "The committee confirms a resident's request; overlapping a confirmed one: CONFLICT naming it." })
  confirmVenueReservation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return venueService.confirm(ctx, id);
  }

  @Allow(...rolesOf(VENUE_RESERVATION_LIFECYCLE, 'decline'))
  @Mutation(() => VenueReservation)
  declineVenueReservation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return venueService.decline(ctx, id);
  }

  @FieldResolver(() => String, { description: 'Opening time each day, HH:MM in the alliance time zone.' })
  opensAt(@Root() v: Venue) {
    return v.opensAt.slice(0, 5);
  }

  @FieldResolver(() => String, { description: 'Closing time each day, HH:MM in the alliance time zone.' })
  closesAt(@Root() v: Venue) {
    return v.closesAt.slice(0, 5);
  }
}

@Resolver(() => VenueReservation)
export class VenueReservationResolver {
  @FieldResolver(() => Venue)
  venue(@Root() r: VenueReservation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.venue.load(r.venueId);
  }

  @FieldResolver(() => MemberUnit, { nullable: true })
  unit(@Root() r: VenueReservation, @Ctx() ctx: RequestContext) {
    return r.unitId ? ctx.loaders.unit.load(r.unitId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The resident's phone: masked (139****1234) for units and viewers." })
  residentPhone(@Root() r: VenueReservation, @Ctx() ctx: RequestContext) {
    if (!r.residentPhone) return null;
    return seesReservationResidentPhone(ctx.me) ? r.residentPhone : maskPhone(r.residentPhone);
  }
}
