import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NeedStatus } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

/** One transition of a need: who, when, from, to, why. Written in the transition's transaction. */
@ObjectType('NeedEvent')
@Entity('need_event')
export class NeedEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'alliance_id' })
  allianceId: string;

  @Column({ type: 'uuid', name: 'need_id' })
  needId: string;

  /** `actor` resolves it through the user loader. */
  @Column({ type: 'uuid', name: 'actor_id' })
  actorId: string;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Field(() => NeedStatus, { nullable: true })
  @Column({ type: 'varchar', name: 'from_status', nullable: true })
  from: NeedStatus | null;

  @Field(() => NeedStatus)
  @Column({ type: 'varchar', name: 'to_status' })
  to: NeedStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
