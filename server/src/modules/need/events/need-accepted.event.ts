import { NeedTransitioned } from './need-transitioned.js';

/** 初审通过: REPORTED -> ACCEPTED. */
export class NeedAccepted extends NeedTransitioned {
  readonly action = 'accept' as const;
}
