import type { ShelfAction, ShelfStatus } from '@alliance/shared';
import { TransitionEvent, type EventOrigin, type TransitionDetails } from '../../../common/events/domain-event.js';

/** A move of a shelf project in SHELF_LIFECYCLE: one subclass per action. */
export abstract class ShelfProjectTransitioned extends TransitionEvent<ShelfStatus, ShelfAction> {
  constructor(
    origin: EventOrigin,
    readonly projectId: string,
    readonly unitId: string,
    readonly title: string,
    from: ShelfStatus,
    to: ShelfStatus,
    details: TransitionDetails = {},
  ) {
    super(origin, projectId, from, to, details);
  }
}
