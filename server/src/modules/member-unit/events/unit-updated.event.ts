import { DomainEvent, type EventOrigin } from '../../../common/events/domain-event.js';
import type { UnitAuditView } from '../unit-audit-view.js';

/** A member unit's fields changed (its name and status move the dashboard: the unit count, the names of topUnits). */
export class UnitUpdated extends DomainEvent {
  constructor(
    origin: EventOrigin,
    readonly unitId: string,
    /** The input fields given. */
    readonly fields: readonly string[],
    /** Of the fields given, those whose values changed: before and after, as the audit log keeps them. */
    readonly before: Partial<UnitAuditView>,
    readonly after: Partial<UnitAuditView>,
  ) {
    super(origin);
  }
}
