import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PointsSource } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

/**
 * 积分: one row of a unit's points ledger, naming what earned it. Its links
 * (unit, activity, need) are resolved in points.resolver.ts through loaders.
 */
@ObjectType('PointsEntry', { description: "One row of a unit's points ledger (红榜), naming its source." })
@Entity('points_entry')
export class PointsEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'alliance_id' })
  allianceId: string;

  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  points: number;

  @Field(() => PointsSource)
  @Column({ type: 'varchar' })
  source: PointsSource;

  /** The activity (ACTIVITY_COMPLETED) or need (the others) that earned it. */
  @Column({ type: 'uuid', name: 'source_id' })
  sourceId: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', name: 'earned_at', default: () => 'now()' })
  earnedAt: Date;
}
