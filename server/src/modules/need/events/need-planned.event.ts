import { NeedTransitioned } from './need-transitioned.js';

/** 定方案: ORDERED -> PLANNED with a plan, a due time and the delivering units. */
export class NeedPlanned extends NeedTransitioned {
  readonly action = 'plan' as const;
}
