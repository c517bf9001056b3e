import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Role } from '../../graphql/enums.js';
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

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
