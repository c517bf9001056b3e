import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** The committee opened an account; `account` is what the audit log keeps of it (phone masked, no password material). */
export class UserCreated extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly userId: string,
    readonly account: Record<string, unknown>,
  ) {
    super(origin);
  }
}
