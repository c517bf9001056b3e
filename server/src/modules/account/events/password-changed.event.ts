import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** Someone changed their own password (never carried here); every session of the account ends. */
export class PasswordChanged extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly userId: string,
    readonly username: string,
  ) {
    super(origin);
  }
}
