import { NeedTransitioned } from './need-transitioned.js';

/** 重新受理: REJECTED -> REPORTED, to be screened again. */
export class NeedReopened extends NeedTransitioned {
  readonly action = 'reopen' as const;
}
