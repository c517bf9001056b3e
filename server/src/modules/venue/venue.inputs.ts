import { Field, InputType, Int } from 'type-graphql';
import { LIMITS, VENUE_LIMITS } from '@alliance/shared';
import { VenueKind } from '../../graphql/enums.js';
import { IntRange, Text, TimeOfDay } from '../../graphql/validation.js';

/** A room of the service centre as the committee describes it (createVenue, updateVenue: every field, each time). */
@InputType('VenueInput')
export class VenueInput {
  @Field(() => String)
  @Text({ max: LIMITS.name, required: true })
  name: string;

  @Field(() => VenueKind)
  kind: VenueKind;

  @Field(() => Int, { description: 'How many people the room holds (1..10000).' })
  @IntRange(VENUE_LIMITS.capacity)
  capacity: number;

  @Field(() => String, { description: 'Opening time each day, HH:MM in the alliance time zone.' })
  @TimeOfDay()
  opensAt: string;

  @Field(() => String, { description: 'Closing time each day, HH:MM, later than opensAt.' })
  @TimeOfDay()
  closesAt: string;
}
