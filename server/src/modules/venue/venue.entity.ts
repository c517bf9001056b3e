import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../common/tenant-record.js';
import { VenueKind } from '../../graphql/enums.js';

/** 党群服务中心的场地: a room residents and units book (篮球馆, 图书室, 心理咨询室 …). */
@ObjectType('Venue')
@Entity('venue')
export class Venue extends TenantRecord {
  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Field(() => VenueKind)
  @Column({ type: 'varchar' })
  kind: VenueKind;

  @Field(() => Int, { description: 'How many people the room holds.' })
  @Column({ type: 'int' })
  capacity: number;

  /** HH:MM:SS as PostgreSQL answers a time; the field answers HH:MM. */
  @Column({ type: 'time', name: 'opens_at' })
  opensAt: string;

  @Column({ type: 'time', name: 'closes_at' })
  closesAt: string;
}
