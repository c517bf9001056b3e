import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, VersionColumn } from 'typeorm';
import { TenantRecord } from '../../common/tenant-record.js';
import { DateScalar } from '../../graphql/scalars.js';
import { Gender, GridDuty, PartyMemberStatus } from './community.enums.js';

/**
 * 党员. Personal data is the committee's: name, gender, phone, joinedPartyOn
 * and the linked account are resolved in party-member.resolver.ts, masked
 * or withheld by role (shared/src/community.ts).
 */
@ObjectType('PartyMember')
@Entity('party_member')
export class PartyMember extends TenantRecord {
  @Column({ type: 'varchar' })
  name: string;

  @Column({ type: 'varchar' })
  gender: Gender;

  @Column({ type: 'varchar', nullable: true })
  phone: string | null;

  @Column({ type: 'uuid', name: 'branch_id' })
  branchId: string;

  @Column({ type: 'uuid', name: 'group_id', nullable: true })
  groupId: string | null;

  /** The grid a grid leader or red grid worker serves (for a grid branch's members, by default its grid). */
  @Column({ type: 'uuid', name: 'grid_id', nullable: true })
  gridId: string | null;

  @Column({ type: 'date', name: 'joined_party_on', nullable: true })
  joinedPartyOn: string | null;

  @Field(() => GridDuty)
  @Column({ type: 'varchar', name: 'grid_duty' })
  gridDuty: GridDuty;

  @Field(() => PartyMemberStatus)
  @Column({ type: 'varchar' })
  status: PartyMemberStatus;

  @Field(() => DateScalar, { nullable: true, description: 'The day the member left the community (TRANSFERRED_OUT).' })
  @Column({ type: 'date', name: 'transferred_out_on', nullable: true })
  transferredOutOn: string | null;

  /** A GRID_WORKER account that belongs to this member. */
  @Column({ type: 'uuid', name: 'account_id', nullable: true })
  accountId: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version: number;
}
