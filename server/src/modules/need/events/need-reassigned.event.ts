import { NeedTransitioned } from './need-transitioned.js';

/** 改派: another assignee, with a reason; the status stays. */
export class NeedReassigned extends NeedTransitioned {
  readonly action = 'reassign' as const;
}
