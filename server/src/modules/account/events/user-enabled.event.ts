import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** DISABLED -> ACTIVE: the account may sign in again. */
export class UserEnabled extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly userId: string,
  ) {
    super(origin);
  }
}
