import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { TenantRecord } from '../../common/tenant-record.js';

/** 楼栋, in one grid; `grid`, `workers` and `covered` are resolved through loaders. */
@ObjectType('Building')
@Entity('building')
export class Building extends TenantRecord {
  @Column({ type: 'uuid', name: 'grid_id' })
  gridId: string;

  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  households: number;

  @Column({ type: 'int', name: 'sort_order', default: 0 })
  sortOrder: number;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version: number;
}
