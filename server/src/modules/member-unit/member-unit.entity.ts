import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { UnitKind, UnitStatus } from '../../graphql/enums.js';
import { DateScalar } from '../../graphql/scalars.js';
import { TenantRecord } from '../../common/tenant-record.js';

/**
 * 成员单位/共建单位. Relation fields (agreement, shelfProjects, points) and the
 * masked contactPhone are resolved in member-unit.resolver.ts through loaders.
 */
@ObjectType('MemberUnit')
@Entity('member_unit')
export class MemberUnit extends TenantRecord {
  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Field(() => UnitKind)
  @Column({ type: 'varchar' })
  kind: UnitKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'char', name: 'credit_code', nullable: true })
  creditCode: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', name: 'party_org_name', nullable: true })
  partyOrgName: string | null;

  @Field(() => Int)
  @Column({ type: 'int', name: 'party_member_count' })
  partyMemberCount: number;

  @Field(() => String)
  @Column({ type: 'varchar', name: 'contact_name' })
  contactName: string;

  /** Exposed through a field resolver that masks it by role. */
  @Column({ type: 'varchar', name: 'contact_phone' })
  contactPhone: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  address: string | null;

  @Field(() => UnitStatus)
  @Column({ type: 'varchar' })
  status: UnitStatus;

  @Field(() => DateScalar)
  @Column({ type: 'date', name: 'joined_at' })
  joinedAt: string;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version: number;
}
