import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { TenantRecord } from '../../common/tenant-record.js';
import { PartyBranchKind } from './community.enums.js';

/** 党支部. A GRID branch is the party branch of one grid; `grid` resolves it. */
@ObjectType('PartyBranch')
@Entity('party_branch')
export class PartyBranch extends TenantRecord {
  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Field(() => PartyBranchKind)
  @Column({ type: 'varchar' })
  kind: PartyBranchKind;

  @Column({ type: 'uuid', name: 'grid_id', nullable: true })
  gridId: string | null;

  @Column({ type: 'int', name: 'sort_order', default: 0 })
  sortOrder: number;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version: number;
}
