import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** 转出: a party member left the community on `on` (a local date); counted nowhere since, looks after no building. */
export class PartyMemberTransferred extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly memberId: string,
    readonly name: string,
    readonly on: string,
  ) {
    super(origin);
  }
}
