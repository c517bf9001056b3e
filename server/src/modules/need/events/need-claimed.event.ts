import { NeedTransitioned } from './need-transitioned.js';

/** 认领: a unit offered to help; the status stays. */
export class NeedClaimed extends NeedTransitioned {
  readonly action = 'claim' as const;
}
