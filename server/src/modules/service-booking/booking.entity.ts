import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../common/tenant-record.js';
import { BookingStatus } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

/** A resident's booking of a service slot, made for them by a grid worker or the committee. */
@ObjectType('Booking')
@Entity('booking')
export class Booking extends TenantRecord {
  @Column({ type: 'uuid', name: 'slot_id' })
  slotId: string;

  /** Exposed masked or clear by the resolver (seesResidentDetails). */
  @Column({ type: 'varchar', name: 'resident_name' })
  residentName: string;

  /** Exposed masked or clear by the resolver (seesBookingResidentPhone). */
  @Column({ type: 'varchar', name: 'resident_phone' })
  residentPhone: string;

  /** The resident's building or address (楼栋或地址); exposed by the resolver (maskLocation for the viewer). */
  @Column({ type: 'varchar', nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => BookingStatus)
  @Column({ type: 'varchar' })
  status: BookingStatus;

  @Column({ type: 'uuid', name: 'booked_by', nullable: true })
  bookedBy: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
