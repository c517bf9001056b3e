import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PointsSource = 'ACTIVITY_COMPLETED' | 'NEED_RESOLVED' | 'FOLLOW_UP_SATISFIED';

/** 积分: one row of a unit's points ledger, naming what earned it. */
@Entity('points_entry')
export class PointsEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'alliance_id' })
  allianceId: string;

  @Column({ type: 'uuid', name: 'unit_id' })
  unitId: string;

  @Column({ type: 'int' })
  points: number;

  @Column({ type: 'varchar' })
  source: PointsSource;

  @Column({ type: 'uuid', name: 'source_id' })
  sourceId: string;

  @Column({ type: 'varchar', nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', name: 'earned_at', default: () => 'now()' })
  earnedAt: Date;
}
