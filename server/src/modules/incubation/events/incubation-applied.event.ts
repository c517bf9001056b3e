import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** A social organisation applied to the incubator (the incubation begins, APPLIED). */
export class IncubationApplied extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly incubationId: string,
    readonly unitId: string,
    readonly unitName: string,
    readonly appliedOn: string,
  ) {
    super(origin);
  }
}
