import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 服务类别: per alliance, seeded with the three shelf categories. */
@ObjectType('ServiceCategory')
@Entity('service_category')
export class ServiceCategory {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'alliance_id' })
  allianceId: string;

  @Field(() => String)
  @Column({ type: 'varchar' })
  code: string;

  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Column({ type: 'int', name: 'sort_order', default: 0 })
  sortOrder: number;
}
