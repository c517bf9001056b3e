import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '../../graphql/scalars.js';

/** 共建协议 + 责任书: a unit's signed co-building agreement. */
@ObjectType('Agreement')
@Entity('agreement')
export class Agreement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'alliance_id' })
  allianceId: string;

  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;

  @Field(() => DateScalar)
  @Column({ type: 'date', name: 'signed_at' })
  signedAt: string;

  @Field(() => DateScalar)
  @Column({ type: 'date', name: 'valid_until' })
  validUntil: string;

  @Field(() => String)
  @Column({ type: 'text' })
  responsibilities: string;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
