import { Field, ID, InputType } from 'type-graphql';
import { LIMITS, PUBLIC_LIMITS } from '@alliance/shared';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Phone, Text } from '../../graphql/validation.js';

/** What every submission from the residents' page carries besides its own fields. */
// Not emitted as a type of its own (the schema lists no orphaned types); its fields are inherited.
@InputType()
abstract class PublicSubmission {
  @Field(() => String)
  @Text({ max: LIMITS.personName, required: true })
  residentName: string;

  @Field(() => String)
  @Phone()
  residentPhone: string;

  @Field(() => String, { description: 'The solved publicCaptcha challenge: the ALTCHA payload (base64 JSON).' })
  @Text({ max: 4000, required: true })
  captcha: string;

  @Field(() => String, { nullable: true, description: 'Leave empty: a field people do not see, which form-filling robots fill.' })
  website?: string | null;
}

@InputType()
export class PublicBookingInput extends PublicSubmission {
  @Field(() => ID)
  slotId: string;

  @Field(() => String, { nullable: true })
  @Text({ max: LIMITS.comment, multiline: true })
  note?: string | null;
}

@InputType()
export class PublicVenueRequestInput extends PublicSubmission {
  @Field(() => ID)
  venueId: string;

  @Field(() => DateTimeScalar)
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;

  @Field(() => String)
  @Text({ max: 200, required: true })
  purpose: string;
}

@InputType()
export class PublicNeedInput extends PublicSubmission {
  @Field(() => String)
  @Text({ max: PUBLIC_LIMITS.needTitle, required: true })
  title: string;

  @Field(() => String)
  @Text({ max: PUBLIC_LIMITS.needDescription, required: true, multiline: true })
  description: string;

  @Field(() => ID, { nullable: true, description: 'One of the buildings of publicAlliance; the need goes to its grid. Or gridId with an address.' })
  buildingId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For an address that is not one of the buildings: its grid.' })
  gridId?: string | null;

  @Field(() => String, { nullable: true, description: 'The address (with gridId), or the flat within the building.' })
  @Text({ max: LIMITS.address })
  address?: string | null;
}
