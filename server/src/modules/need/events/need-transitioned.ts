import type { NeedAction, NeedStatus } from '@alliance/shared';
import { TransitionEvent, type EventOrigin, type TransitionDetails } from '../../../common/events/domain-event.js';

/** The facts of a need every step's event carries besides the move. */
export interface NeedFacts {
  title: string;
  /** The history comment of the step. */
  comment: string | null;
  /** For the audit log, which keeps the resident's phone masked wherever a text repeats it. */
  requesterPhone: string;
}

/** A step of the need's loop (NEED_LIFECYCLE): one subclass per action. */
export abstract class NeedTransitioned extends TransitionEvent<NeedStatus, NeedAction> {
  constructor(
    origin: EventOrigin,
    readonly needId: string,
    from: NeedStatus,
    to: NeedStatus,
    readonly facts: NeedFacts,
    details: TransitionDetails = {},
  ) {
    super(origin, needId, from, to, details);
  }
}

/** Arguments of every need step event's constructor. */
export type NeedEventArgs = ConstructorParameters<typeof NeedTransitioned>;

