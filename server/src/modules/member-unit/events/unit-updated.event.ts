import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** A member unit's fields changed (its name and status move the dashboard: the unit count, the names of topUnits). */
export class UnitUpdated extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly unitId: string,
    /** The input fields given. */
    readonly fields: readonly string[],
  ) {
    super(origin);
  }
}
