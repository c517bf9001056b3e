import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JSONObjectResolver } from 'graphql-scalars';
import { AuditSubject, NotificationKind } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

/**
 * One entry of a user's inbox: what happened (`kind` and its `params`, which
 * the admin renders in the reader's language) and what it is about (for the
 * admin's link). Written in the transaction of the event it tells of.
 */
@ObjectType('Notification')
@Entity('notification')
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'alliance_id' })
  allianceId: string;

  @Column({ type: 'uuid', name: 'recipient_id' })
  recipientId: string;

  @Field(() => NotificationKind)
  @Column({ type: 'varchar' })
  kind: NotificationKind;

  @Field(() => AuditSubject)
  @Column({ type: 'varchar', name: 'subject_type' })
  subjectType: AuditSubject;

  @Field(() => ID)
  @Column({ type: 'uuid', name: 'subject_id' })
  subjectId: string;

  @Field(() => JSONObjectResolver, { description: 'What the message is rendered from (a title, a date, a reason), by kind.' })
  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', name: 'read_at', nullable: true })
  readAt: Date | null;
}
