import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../common/tenant-record.js';
import { VenueReservationStatus } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

/**
 * A venue held from startsAt to endsAt (half-open). The database refuses two
 * CONFIRMED ones of a venue that overlap (venue_reservation_no_overlap).
 * For a unit (unitId), or for a resident whose request a grid worker passed
 * on (residentName, residentPhone), who waits for the committee.
 */
@ObjectType('VenueReservation')
@Entity('venue_reservation')
export class VenueReservation extends TenantRecord {
  @Column({ type: 'uuid', name: 'venue_id' })
  venueId: string;

  @Column({ type: 'uuid', name: 'unit_id', nullable: true })
  unitId: string | null;

  @Column({ type: 'uuid', name: 'requested_by', nullable: true })
  requestedBy: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', name: 'resident_name', nullable: true })
  residentName: string | null;

  /** Exposed masked or clear by the resolver (seesResidentPhoneOfReservation). */
  @Column({ type: 'varchar', name: 'resident_phone', nullable: true })
  residentPhone: string | null;

  @Field(() => String)
  @Column({ type: 'varchar' })
  purpose: string;

  @Field(() => VenueReservationStatus)
  @Column({ type: 'varchar' })
  status: VenueReservationStatus;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'starts_at' })
  startsAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'ends_at' })
  endsAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
