import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** ACTIVE -> DISABLED: the account's sessions end and it signs in no more, for the reason given. */
export class UserDisabled extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly userId: string,
    readonly reason: string,
  ) {
    super(origin);
  }
}
