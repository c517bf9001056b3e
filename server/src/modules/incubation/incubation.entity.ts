import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { TenantRecord } from '../../common/tenant-record.js';
import { IncubationStage } from '../../graphql/enums.js';
import { DateScalar, DateTimeScalar } from '../../graphql/scalars.js';

/**
 * 阳光驿站: a social organisation's stay in the incubator
 * (INCUBATION_LIFECYCLE). The unit, its mentor, its services given and its
 * history are resolved in incubation.resolver.ts through loaders.
 */
@ObjectType('Incubation')
@Entity('incubation')
export class Incubation extends TenantRecord {
  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;

  @Column({ type: 'uuid', name: 'mentor_unit_id', nullable: true })
  mentorUnitId: string | null;

  @Field(() => IncubationStage)
  @Column({ type: 'varchar' })
  stage: IncubationStage;

  @Field(() => DateScalar)
  @Column({ type: 'date', name: 'applied_on' })
  appliedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the committee took it in (INCUBATING).' })
  @Column({ type: 'date', name: 'started_on', nullable: true })
  startedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it graduated (出壳) or left.' })
  @Column({ type: 'date', name: 'ended_on', nullable: true })
  endedOn: string | null;

  /** Exposed through a field resolver: not for the viewer. */
  @Column({ type: 'varchar', nullable: true })
  notes: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version: number;
}

/** A move of an incubation: the application, then each step of the table. */
@ObjectType('IncubationEvent')
@Entity('incubation_event')
export class IncubationEvent extends TenantRecord {
  @Column({ type: 'uuid', name: 'incubation_id' })
  incubationId: string;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;

  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId: string | null;

  @Field(() => String, { description: 'apply, start, graduate or leave' })
  @Column({ type: 'varchar' })
  action: string;

  @Field(() => IncubationStage, { nullable: true })
  @Column({ type: 'varchar', name: 'from_stage', nullable: true })
  fromStage: IncubationStage | null;

  @Field(() => IncubationStage)
  @Column({ type: 'varchar', name: 'to_stage' })
  toStage: IncubationStage;

  /** Exposed through a field resolver: not for the viewer. */
  @Column({ type: 'varchar', nullable: true })
  comment: string | null;
}
