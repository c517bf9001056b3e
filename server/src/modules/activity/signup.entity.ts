import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { SignupStatus } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { TenantRecord } from '../../common/tenant-record.js';

/**
 * 合作报名: a unit's sign-up for an activity. The database holds the rules:
 * one live (CONFIRMED or WAITLISTED) sign-up per unit and activity (partial
 * unique index), never more CONFIRMED than maxUnits (trigger + CHECK).
 */
@ObjectType('Signup')
@Entity('signup')
export class Signup extends TenantRecord {
  @Column({ type: 'uuid', name: 'activity_id' })
  activityId: string;

  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;

  @Field(() => SignupStatus)
  @Column({ type: 'varchar' })
  status: SignupStatus;

  @Field(() => Int)
  @Column({ type: 'int' })
  headcount: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
