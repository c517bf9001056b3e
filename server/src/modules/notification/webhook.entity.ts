import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationKind } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

/** Where the alliance's notifications of the chosen kinds are also sent. The secret is never read back. */
@ObjectType('AllianceWebhook')
@Entity('alliance_webhook')
export class AllianceWebhook {
  @PrimaryColumn({ type: 'uuid', name: 'alliance_id' })
  allianceId: string;

  @Field(() => String)
  @Column({ type: 'varchar' })
  url: string;

  @Column({ type: 'varchar', select: false })
  secret?: string;

  @Field(() => [NotificationKind])
  @Column({ type: 'text', array: true })
  kinds: NotificationKind[];

  @Field(() => Boolean)
  @Column({ type: 'boolean' })
  enabled: boolean;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

/** One event sent (or being sent) to the alliance's webhook. */
@ObjectType('WebhookDelivery')
@Entity('webhook_delivery')
export class WebhookDelivery {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'alliance_id' })
  allianceId: string;

  @Field(() => NotificationKind)
  @Column({ type: 'varchar' })
  kind: NotificationKind;

  @Field(() => String, { description: 'PENDING, DELIVERED or FAILED (given up after the last attempt).' })
  @Column({ type: 'varchar' })
  status: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  attempts: number;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', name: 'response_code', nullable: true })
  responseCode: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', name: 'last_error', nullable: true })
  lastError: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'next_attempt_at' })
  nextAttemptAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;
}
