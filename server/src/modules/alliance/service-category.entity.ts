import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { TenantRecord } from '../../common/tenant-record.js';

/** 服务类别: per alliance, seeded with the three shelf categories. */
@ObjectType('ServiceCategory')
@Entity('service_category')
export class ServiceCategory extends TenantRecord {
  @Field(() => String)
  @Column({ type: 'varchar' })
  code: string;

  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Column({ type: 'int', name: 'sort_order', default: 0 })
  sortOrder: number;
}
