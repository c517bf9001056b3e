import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JSONObjectResolver } from 'graphql-scalars';
import { AuditAction, AuditSubject } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

/**
 * One act in the audit log (操作日志): who, when, from where, what, on what,
 * and a short before/after summary. Append-only: the database refuses to
 * change a row, and nothing in the API writes one except alongside the act.
 */
@ObjectType('AuditEntry')
@Entity('audit_entry')
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'alliance_id' })
  allianceId: string;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** `actor` resolves it; null for a failed sign-in, whose caller is not known. */
  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'The actor display name at the time of the act.' })
  @Column({ type: 'varchar', name: 'actor_name', nullable: true })
  actorName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', name: 'client_address', nullable: true })
  clientAddress: string | null;

  @Field(() => AuditAction)
  @Column({ type: 'varchar' })
  action: AuditAction;

  @Field(() => AuditSubject)
  @Column({ type: 'varchar', name: 'subject_type' })
  subjectType: AuditSubject;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', name: 'subject_id', nullable: true })
  subjectId: string | null;

  @Field(() => JSONObjectResolver, { description: 'A short before/after summary; no password material, phones masked.' })
  @Column({ type: 'jsonb' })
  summary: Record<string, unknown>;
}
