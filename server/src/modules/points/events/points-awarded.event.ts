import type { PointsSource } from '@alliance/shared';
import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** Ledger rows written: each named unit earned `pointsEach` for the source (units a replay credited again are not named). */
export class PointsAwarded extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly source: PointsSource,
    /** The activity or need that earned them. */
    readonly sourceId: string,
    readonly pointsEach: number,
    /** By name, as the audit log shows them. */
    readonly units: readonly { id: string; name: string }[],
  ) {
    super(origin);
  }
}
