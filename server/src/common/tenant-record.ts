import { Field, ID, ObjectType } from 'type-graphql';
import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What every tenant-owned record has: a UUID, and the alliance it belongs
 * to (never exposed: the caller's alliance is implied by the token).
 */
// Not emitted as a type of its own (the schema lists no orphaned types); its fields are inherited.
@ObjectType()
export abstract class TenantRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'alliance_id' })
  allianceId: string;
}
