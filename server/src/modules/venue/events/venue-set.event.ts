import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** What the audit log keeps of a room: all it is. */
export interface VenueFacts {
  name: string;
  kind: string;
  capacity: number;
  opensAt: string;
  closesAt: string;
}

/** A room added to the service centre, or changed (before is null when added). */
export class VenueSet extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly venueId: string,
    readonly before: VenueFacts | null,
    readonly after: VenueFacts,
  ) {
    super(origin);
  }
}
