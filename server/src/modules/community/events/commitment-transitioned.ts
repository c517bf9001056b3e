import type { CommitmentAction, CommitmentStatus } from '@alliance/shared';
import { TransitionEvent, type EventOrigin, type TransitionDetails } from '../../../common/events/domain-event.js';

/** A move of a commitment (1个承诺) in COMMITMENT_LIFECYCLE: one subclass per action. */
export abstract class CommitmentTransitioned extends TransitionEvent<CommitmentStatus, CommitmentAction> {
  constructor(
    origin: EventOrigin,
    readonly commitmentId: string,
    readonly memberId: string,
    readonly year: number,
    from: CommitmentStatus,
    to: CommitmentStatus,
    details: TransitionDetails = {},
  ) {
    super(origin, commitmentId, from, to, details);
  }
}
