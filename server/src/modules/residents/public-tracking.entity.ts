import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TrackedKind = 'BOOKING' | 'VENUE_RESERVATION' | 'NEED';

/** The code a resident got on the residents' page, and what it tracks. Never exposed as such. */
@Entity('public_tracking')
export class PublicTracking {
  @PrimaryColumn({ type: 'char', length: 8 })
  code: string;

  @Column({ type: 'uuid', name: 'alliance_id' })
  allianceId: string;

  @Column({ type: 'varchar' })
  kind: TrackedKind;

  @Column({ type: 'uuid', name: 'subject_id' })
  subjectId: string;

  @Column({ type: 'char', length: 4, name: 'phone_last4' })
  phoneLast4: string;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
