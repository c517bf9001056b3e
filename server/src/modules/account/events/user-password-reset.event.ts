import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** The committee gave an account a temporary password (never carried here), to be changed at its next sign-in. */
export class UserPasswordReset extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly userId: string,
    readonly username: string,
  ) {
    super(origin);
  }
}
