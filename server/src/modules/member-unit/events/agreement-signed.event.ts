import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** A co-building agreement signed with a unit, valid from signedAt until validUntil. */
export class AgreementSigned extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly agreementId: string,
    readonly unitId: string,
    readonly signedAt: string,
    readonly validUntil: string,
  ) {
    super(origin);
  }
}
