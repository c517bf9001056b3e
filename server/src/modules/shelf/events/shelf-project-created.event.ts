import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** A project put on a unit's shelf as a DRAFT (not a move of the table: the record begins). */
export class ShelfProjectCreated extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly projectId: string,
    readonly unitId: string,
  ) {
    super(origin);
  }
}
