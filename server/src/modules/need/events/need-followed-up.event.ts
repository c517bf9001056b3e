import type { EventOrigin, TransitionDetails } from '../../../common/events/domain-event.js';
import type { NeedStatus } from '@alliance/shared';
import { NeedTransitioned, type NeedFacts } from './need-transitioned.js';

/**
 * 跑回访: RESOLVED -> CLOSED (satisfaction 3..5) or back to IN_PROGRESS
 * (1..2, reopened); names the delivering units when it closes.
 */
export class NeedFollowedUp extends NeedTransitioned {
  readonly action = 'followUp' as const;

  constructor(
    origin: EventOrigin,
    needId: string,
    from: NeedStatus,
    to: NeedStatus,
    facts: NeedFacts,
    details: TransitionDetails,
    readonly satisfaction: number,
    readonly deliveringUnitIds: readonly string[],
  ) {
    super(origin, needId, from, to, facts, details);
  }
}
