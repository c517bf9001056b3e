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

  @Field(() => String, { nullable: true, description: "The residents' page's address, /r/<code>; none: the alliance has no public page." })
  @Column({ type: 'varchar', nullable: true })
  code: string | null;

  @Field(() => String)
  @Column({ type: 'varchar', name: 'region_name' })
  regionName: string;

  @Field(() => Int, {
    description: 'How many open claims (on needs not yet RESOLVED/CLOSED/REJECTED) a unit may hold at a time; 5 unless the committee changed it.',
  })
  @Column({ type: 'int', name: 'max_open_claims', default: 5 })
  maxOpenClaims: number;

  @Field(() => Int, { nullable: true, description: 'The community profile: 户数 (households).' })
  @Column({ type: 'int', nullable: true })
  households: number | null;

  @Field(() => Int, { nullable: true, description: 'The community profile: 居民人数 (residents).' })
  @Column({ type: 'int', nullable: true })
  residents: number | null;

  @Field(() => Int, { nullable: true, description: 'The community profile: the year the community was founded.' })
  @Column({ type: 'int', name: 'founded_year', nullable: true })
  foundedYear: number | null;

  @Field(() => Int, { description: 'The community profile\'s version (updateCommunityProfile takes it).' })
  @Column({ type: 'int', name: 'profile_version', default: 1 })
  profileVersion: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
