import { Field, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';

@InputType()
export class ServiceSlotsInput {
  @Field(() => DateTimeScalar, { description: 'The first slot.' })
  startsAt: Date;

  @Field(() => DateTimeScalar)
  endsAt: Date;

  @Field(() => Int, { description: 'Residents per slot.' })
  capacity: number;

  @Field(() => Int, { nullable: true, description: 'Weekly: this many slots, a week apart (1–26); omitted or 1: one-off.' })
  weeks?: number | null;
}

@InputType()
export class BookingInput {
  @Field(() => String)
  residentName: string;

  @Field(() => String)
  residentPhone: string;

  @Field(() => String, { nullable: true, description: 'Building or address (楼栋或地址).' })
  location?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
