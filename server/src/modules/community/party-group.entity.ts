import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { TenantRecord } from '../../common/tenant-record.js';
import { PartyGroupKind } from './community.enums.js';

/** 党小组 (the "X"), in one branch; `branch` resolves it. */
@ObjectType('PartyGroup')
@Entity('party_group')
export class PartyGroup extends TenantRecord {
  @Column({ type: 'uuid', name: 'branch_id' })
  branchId: string;

  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Field(() => PartyGroupKind)
  @Column({ type: 'varchar' })
  kind: PartyGroupKind;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version: number;
}
