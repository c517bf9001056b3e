import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../common/tenant-record.js';

/** 网格: a part of the community with its own party branch. */
@ObjectType('Grid')
@Entity('grid')
export class Grid extends TenantRecord {
  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Field(() => String)
  @Column({ type: 'varchar', name: 'branch_name' })
  branchName: string;

  @Column({ type: 'int', name: 'sort_order', default: 0 })
  sortOrder: number;
}
