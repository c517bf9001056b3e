import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 网格: a part of the community with its own party branch. */
@ObjectType('Grid')
@Entity('grid')
export class Grid {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'alliance_id' })
  allianceId: string;

  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Field(() => String)
  @Column({ type: 'varchar', name: 'branch_name' })
  branchName: string;

  @Column({ type: 'int', name: 'sort_order', default: 0 })
  sortOrder: number;
}
