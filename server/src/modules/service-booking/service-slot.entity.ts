import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../common/tenant-record.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

/**
 * 错时约办: a time a shelf project's unit serves residents, with a capacity.
 * `booked` is kept by the database (trigger on booking, CHECK booked <= capacity).
 */
@ObjectType('ServiceSlot')
@Entity('service_slot')
export class ServiceSlot extends TenantRecord {
  @Column({ type: 'uuid', name: 'shelf_project_id' })
  projectId: string;

  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'starts_at' })
  startsAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'ends_at' })
  endsAt: Date;

  @Field(() => Int)
  @Column({ type: 'int' })
  capacity: number;

  @Field(() => Int, { description: 'Places held (BOOKED and DONE bookings).' })
  @Column({ type: 'int', insert: false, update: false })
  booked: number;

  @Field(() => Boolean, { description: 'Outside 08:30–17:30 on a workday, or on a weekend or public holiday (错时).' })
  @Column({ type: 'boolean', name: 'off_hours' })
  offHours: boolean;
}
