import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Role, UserStatus } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { TenantRecord } from '../../common/tenant-record.js';

/** A person who signs in: one role, in one alliance. */
@ObjectType('User')
@Entity('app_user')
export class User extends TenantRecord {
  @Field(() => String)
  @Column({ type: 'varchar' })
  username: string;

  @Column({ type: 'varchar', name: 'password_hash', select: false })
  passwordHash: string;

  @Field(() => String)
  @Column({ type: 'varchar', name: 'display_name' })
  displayName: string;

  @Field(() => Role)
  @Column({ type: 'varchar' })
  role: Role;

  /** Set for UNIT_ADMIN; `unit` resolves it through a loader. */
  @Column({ type: 'uuid', name: 'unit_id', nullable: true })
  unitId: string | null;

  /** Set for GRID_WORKER; `grid` resolves it through a loader. */
  @Column({ type: 'uuid', name: 'grid_id', nullable: true })
  gridId: string | null;

  /** `phone` resolves it, masked for everyone but the committee and the person. */
  @Column({ type: 'varchar', nullable: true })
  phone: string | null;

  @Field(() => UserStatus)
  @Column({ type: 'varchar' })
  status: UserStatus;

  @Field(() => Boolean, { description: 'Signed in with a temporary password that must be changed before anything else.' })
  @Column({ type: 'boolean', name: 'must_change_password' })
  mustChangePassword: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', name: 'last_sign_in_at', nullable: true })
  lastSignInAt: Date | null;

  /** Raised by the database whenever what a session vouches for changes; tokens carry it. */
  @Column({ type: 'int', name: 'token_version' })
  tokenVersion: number;

  @Field(() => String, { nullable: true, description: 'Why the committee disabled the account (DISABLED only).' })
  @Column({ type: 'varchar', name: 'disabled_reason', nullable: true })
  disabledReason: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
