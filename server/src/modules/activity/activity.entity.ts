import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { ActivityKind, ActivityStatus } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { TenantRecord } from '../../common/tenant-record.js';

@ObjectType('ActivityOutcome')
export class ActivityOutcome {
  @Field(() => Int)
  participants: number;

  @Field(() => Float)
  volunteerHours: number;

  @Field(() => Int)
  beneficiaries: number;

  @Field(() => String)
  summary: string;
}

/** numeric comes back from pg as a string. */
const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * 联建活动: a joint action units sign up to cooperate in. confirmedCount is
 * kept by a database trigger on signup, and a CHECK holds it to maxUnits.
 * Relation fields and `outcome` are resolved in activity.resolver.ts.
 */
@ObjectType('Activity')
@Entity('activity')
export class Activity extends TenantRecord {
  @Field(() => String)
  @Column({ type: 'varchar' })
  title: string;

  @Field(() => String)
  @Column({ type: 'text' })
  description: string;

  @Field(() => ActivityKind)
  @Column({ type: 'varchar' })
  kind: ActivityKind;

  @Column({ type: 'uuid', name: 'category_id', nullable: true })
  categoryId: string | null;

  @Field(() => ActivityStatus)
  @Column({ type: 'varchar' })
  status: ActivityStatus;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'starts_at' })
  startsAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'ends_at' })
  endsAt: Date;

  @Field(() => String)
  @Column({ type: 'varchar' })
  location: string;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', name: 'max_units', nullable: true })
  maxUnits: number | null;

  @Field(() => Int)
  @Column({ type: 'int', name: 'confirmed_count', default: 0, insert: false, update: false })
  confirmedCount: number;

  @Column({ type: 'int', name: 'outcome_participants', nullable: true })
  outcomeParticipants: number | null;

  @Column({ type: 'numeric', name: 'outcome_volunteer_hours', nullable: true, transformer: numeric })
  outcomeVolunteerHours: number | null;

  @Column({ type: 'int', name: 'outcome_beneficiaries', nullable: true })
  outcomeBeneficiaries: number | null;

  @Column({ type: 'text', name: 'outcome_summary', nullable: true })
  outcomeSummary: string | null;

  @Field(() => String, { nullable: true, description: 'Why the committee cancelled it (CANCELLED only).' })
  @Column({ type: 'text', name: 'cancel_reason', nullable: true })
  cancelReason: string | null;

  @Field(() => Boolean, { description: 'Recorded by the committee after it happened (补录), created straight as COMPLETED.' })
  @Column({ type: 'boolean', name: 'recorded_afterwards', default: false })
  recordedAfterwards: boolean;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version: number;
}
