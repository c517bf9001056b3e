import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 区域化党建联盟: the tenant. Every other record belongs to exactly one. */
@ObjectType('Alliance')
@Entity('alliance')
export class Alliance {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Field(() => String)
  @Column({ type: 'varchar', name: 'region_name' })
  regionName: string;

  @Field(() => Int, {
    description: 'How many open claims (on needs not yet RESOLVED/CLOSED/REJECTED) a unit may hold at a time; 5 unless the committee changed it.',
  })
  @Column({ type: 'int', name: 'max_open_claims', default: 5 })
  maxOpenClaims: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
