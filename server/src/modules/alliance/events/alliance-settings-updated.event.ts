import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';

/** The committee changed its alliance's settings (today the open-claims cap), as they were and as they are. */
export class AllianceSettingsUpdated extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly name: string,
    readonly before: { maxOpenClaims: number },
    readonly after: { maxOpenClaims: number },
  ) {
    super(origin);
  }
}
