import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { DateScalar } from '../../graphql/scalars.js';
import { TenantRecord } from '../../common/tenant-record.js';

/** 共建协议 + 责任书: a unit's signed co-building agreement. */
@ObjectType('Agreement')
@Entity('agreement')
export class Agreement extends TenantRecord {
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
