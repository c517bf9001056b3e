import { NeedTransitioned } from './need-transitioned.js';

/** 领任务: PLANNED -> IN_PROGRESS with an assignee. */
export class NeedAssigned extends NeedTransitioned {
  readonly action = 'assign' as const;
}
