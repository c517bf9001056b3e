import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** A member unit joined the alliance, ACTIVE. */
export class UnitCreated extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly unitId: string,
  ) {
    super(origin);
  }
}
