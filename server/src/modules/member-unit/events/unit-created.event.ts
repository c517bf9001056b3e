import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';
import type { UnitAuditView } from '../unit-audit-view.js';

/** A member unit joined the alliance, ACTIVE. */
export class UnitCreated extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly unitId: string,
    /** What it was created with, as the audit log keeps it. */
    readonly unit: UnitAuditView,
  ) {
    super(origin);
  }
}
