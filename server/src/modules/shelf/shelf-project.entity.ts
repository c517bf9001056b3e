import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { ShelfStatus } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { TenantRecord } from '../../common/tenant-record.js';

/** 货架项目: a service a member unit offers the neighbourhood. */
@ObjectType('ShelfProject')
@Entity('shelf_project')
export class ShelfProject extends TenantRecord {
  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;

  @Column({ type: 'uuid', name: 'category_id' })
  categoryId: string;

  @Field(() => String)
  @Column({ type: 'varchar' })
  title: string;

  @Field(() => String)
  @Column({ type: 'text' })
  description: string;

  @Field(() => ShelfStatus)
  @Column({ type: 'varchar' })
  status: ShelfStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'review_comment', nullable: true })
  reviewComment: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', name: 'capacity_per_month', nullable: true })
  capacityPerMonth: number | null;

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags: string[];

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version: number;
}
