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

  @Field(() => String, {
    nullable: true,
    description: "The grid's shape in the community's schematic picture: SVG polygon points (x,y …) in a 1000 × 700 drawing.",
  })
  @Column({ type: 'varchar', nullable: true })
  outline: string | null;

  @Column({ type: 'int', name: 'sort_order', default: 0 })
  sortOrder: number;
}
