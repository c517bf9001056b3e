import { NeedTransitioned } from './need-transitioned.js';

/** 调整方案: a new plan and due date, with a reason; the status stays. */
export class NeedReplanned extends NeedTransitioned {
  readonly action = 'replan' as const;
}
