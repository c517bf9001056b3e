import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** The committee changed an account: the fields that changed, as they were and as they are (phone masked). */
export class UserUpdated extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly userId: string,
    readonly before: Record<string, unknown>,
    readonly after: Record<string, unknown>,
  ) {
    super(origin);
  }
}
