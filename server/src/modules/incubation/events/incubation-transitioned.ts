import type { IncubationAction, IncubationStage } from '@alliance/shared';
import { TransitionEvent, type EventOrigin, type TransitionDetails } from '../../../common/events/domain-event.js';

/** A move of an incubation (阳光驿站) in INCUBATION_LIFECYCLE: one subclass per action. */
export abstract class IncubationTransitioned extends TransitionEvent<IncubationStage, IncubationAction> {
  constructor(
    origin: EventOrigin,
    readonly incubationId: string,
    readonly unitId: string,
    readonly mentorUnitId: string | null,
    from: IncubationStage,
    to: IncubationStage,
    details: TransitionDetails = {},
  ) {
    super(origin, incubationId, from, to, details);
  }
}
