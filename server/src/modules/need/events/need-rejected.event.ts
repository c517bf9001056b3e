import { NeedTransitioned } from './need-transitioned.js';

/** 初审驳回: REPORTED -> REJECTED, with a reason. */
export class NeedRejected extends NeedTransitioned {
  readonly action = 'reject' as const;
}
