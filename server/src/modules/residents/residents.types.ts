import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VenueKind } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

/*
 * What the residents' page may read. Types of their own, never the admin's
 * entities: a field added to an entity cannot reach the public by accident.
 * Nothing here names a person, a phone, an address, a unit's contact or an
 * internal note.
 */

@ObjectType('PublicServiceSlot')
export class PublicServiceSlot {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;

  @Field(() => Boolean, { description: '错时: outside 08:30–17:30 on a workday, or on a weekend or public holiday.' })
  offHours: boolean;

  @Field(() => Int)
  placesLeft: number;
}

@ObjectType('PublicShelfProject')
export class PublicShelfProject {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  @Field(() => String, { description: 'The member unit that provides it (its name only).' })
  unitName: string;

  @Field(() => [PublicServiceSlot], { description: 'The next slots with a free place, if the project offers slots.' })
  nextSlots: PublicServiceSlot[];
}

@ObjectType('PublicShelfCategory')
export class PublicShelfCategory {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => [PublicShelfProject], { description: 'ON_SHELF projects only.' })
  projects: PublicShelfProject[];
}

@ObjectType('PublicPlace', { description: 'A grid or a building, for a resident to say where a need is.' })
export class PublicPlace {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType('PublicVenue')
export class PublicVenue {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => VenueKind)
  kind: VenueKind;

  @Field(() => Int)
  capacity: number;

  @Field(() => String, { description: 'HH:MM in the alliance time zone.' })
  opensAt: string;

  @Field(() => String)
  closesAt: string;
}

@ObjectType('PublicAlliance', { description: "An alliance as its residents' page shows it." })
export class PublicAlliance {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  regionName: string;

  @Field(() => [PublicShelfCategory])
  categories: PublicShelfCategory[];

  @Field(() => [PublicPlace], { description: "The community's buildings (楼栋): a need there goes to the building's grid." })
  buildings: PublicPlace[];

  @Field(() => [PublicPlace], { description: 'The grids, for an address that is not one of the buildings.' })
  grids: PublicPlace[];

  @Field(() => [PublicVenue])
  venues: PublicVenue[];
}

@ObjectType('PublicBusyTime', { description: 'A time a venue is taken (confirmed reservations only; who took it is not shown).' })
export class PublicBusyTime {
  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;
}

@ObjectType('PublicCaptcha', { description: 'An ALTCHA proof-of-work challenge: solve it in the browser and send the payload as `captcha`.' })
export class PublicCaptcha {
  @Field(() => String, { description: 'The challenge as JSON (altcha-lib v2).' })
  challenge: string;
}

@ObjectType('PublicReceipt')
export class PublicReceipt {
  @Field(() => String, { description: '8 characters without ambiguous ones: with the phone\'s last 4 digits it opens publicTrack.' })
  trackingCode: string;
}

export const PublicTrackingKind = { BOOKING: 'BOOKING', VENUE_RESERVATION: 'VENUE_RESERVATION', NEED: 'NEED' } as const;
export type PublicTrackingKind = (typeof PublicTrackingKind)[keyof typeof PublicTrackingKind];
registerEnumType(PublicTrackingKind, { name: 'PublicTrackingKind' });

@ObjectType('PublicStep', { description: 'A step done: the status reached and when.' })
export class PublicStep {
  @Field(() => String, { description: 'A BookingStatus, VenueReservationStatus or NeedStatus, by kind.' })
  status: string;

  @Field(() => DateTimeScalar)
  at: Date;
}

@ObjectType('PublicTracking', { description: 'What a tracking code shows: steps and dates, nothing personal, no internal notes.' })
export class PublicTrackingView {
  @Field(() => String)
  code: string;

  @Field(() => PublicTrackingKind)
  kind: PublicTrackingKind;

  @Field(() => String, { nullable: true, description: "The project's title or the venue's name; null for a need (its text is the resident's own)." })
  subject: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the slot or the reservation begins.' })
  startsAt: Date | null;

  @Field(() => String)
  status: string;

  @Field(() => [PublicStep])
  steps: PublicStep[];
}
