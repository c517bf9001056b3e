import { NeedTransitioned } from './need-transitioned.js';

/** 撤回派单: ORDERED or PLANNED -> ACCEPTED, the orders and the plan cleared. */
export class NeedOrderWithdrawn extends NeedTransitioned {
  readonly action = 'withdrawOrder' as const;
}
