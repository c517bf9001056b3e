import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { TenantRecord } from '../../common/tenant-record.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CommitmentCategory, CommitmentRating, CommitmentStatus } from './community.enums.js';

/** 1个承诺: a member's public commitment for one year (one per member and year). */
@ObjectType('Commitment')
@Entity('commitment')
export class Commitment extends TenantRecord {
  @Column({ type: 'uuid', name: 'member_id' })
  memberId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => CommitmentCategory)
  @Column({ type: 'varchar' })
  category: CommitmentCategory;

  @Field(() => String)
  @Column({ type: 'varchar' })
  text: string;

  @Field(() => CommitmentStatus)
  @Column({ type: 'varchar' })
  status: CommitmentStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Field(() => CommitmentRating, { nullable: true, description: 'The democratic evaluation (民主评议), once EVALUATED.' })
  @Column({ type: 'varchar', nullable: true })
  rating: CommitmentRating | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', name: 'evaluation_comment', nullable: true })
  evaluationComment: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', name: 'evaluated_at', nullable: true })
  evaluatedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version: number;
}

/** A progress note on a published commitment, during the year. */
@ObjectType('CommitmentNote')
@Entity('commitment_note')
export class CommitmentNote extends TenantRecord {
  @Column({ type: 'uuid', name: 'commitment_id' })
  commitmentId: string;

  @Column({ type: 'uuid', name: 'author_id', nullable: true })
  authorId: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Field(() => String)
  @Column({ type: 'varchar' })
  text: string;
}
