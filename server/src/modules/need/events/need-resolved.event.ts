import type { EventOrigin, TransitionDetails } from '../../../common/events/domain-event.js';
import type { NeedStatus } from '@alliance/shared';
import { NeedTransitioned, type NeedFacts } from './need-transitioned.js';

/** IN_PROGRESS -> RESOLVED by the assignee; names the delivering units its plan chose (they earn the points). */
export class NeedResolved extends NeedTransitioned {
  readonly action = 'resolve' as const;

  constructor(
    origin: EventOrigin,
    needId: string,
    from: NeedStatus,
    to: NeedStatus,
    facts: NeedFacts,
    details: TransitionDetails,
    readonly deliveringUnitIds: readonly string[],
  ) {
    super(origin, needId, from, to, facts, details);
  }
}
