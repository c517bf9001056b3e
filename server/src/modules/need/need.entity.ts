import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { NeedSource, NeedStatus } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { TenantRecord } from '../../common/tenant-record.js';

/**
 * 民生微实事: a resident's problem, taken round the closed loop. Relation
 * fields (grid, category, orderedProjects, claimedBy, assignee, history) and
 * the masked requesterPhone are resolved in need.resolver.ts through loaders.
 * Ordered projects and claims live in need_project and need_claim.
 */
@ObjectType('Need')
@Entity('need')
export class Need extends TenantRecord {
  @Column({ type: 'uuid', name: 'grid_id' })
  gridId: string;

  @Column({ type: 'uuid', name: 'category_id', nullable: true })
  categoryId: string | null;

  @Field(() => String)
  @Column({ type: 'varchar' })
  title: string;

  @Field(() => String)
  @Column({ type: 'text' })
  description: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  location: string | null;

  @Field(() => String)
  @Column({ type: 'varchar', name: 'requester_name' })
  requesterName: string;

  /** Exposed through a field resolver that masks it by role and grid. */
  @Column({ type: 'varchar', name: 'requester_phone' })
  requesterPhone: string;

  @Field(() => NeedStatus)
  @Column({ type: 'varchar' })
  status: NeedStatus;

  @Field(() => NeedSource, { description: "RESIDENT: reported by the resident on the residents' page, for the grid's worker to verify before screening." })
  @Column({ type: 'varchar', default: 'STAFF' })
  source: NeedSource;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  plan: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', name: 'due_at', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  satisfaction: number | null;

  @Column({ type: 'uuid', name: 'reported_by', nullable: true })
  reportedBy: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'reported_at', default: () => 'now()' })
  reportedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', name: 'followed_up_at', nullable: true })
  followedUpAt: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the grid's worker (or the committee) verified a resident's own report (verifyResidentNeed); null: not verified.",
  })
  @Column({ type: 'timestamptz', name: 'verified_at', nullable: true })
  verifiedAt: Date | null;

  /** `verifiedBy` resolves it through the user loader. */
  @Column({ type: 'uuid', name: 'verified_by', nullable: true })
  verifiedBy: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version: number;
}
