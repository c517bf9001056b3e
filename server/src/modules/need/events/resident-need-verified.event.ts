import { NeedTransitioned } from './need-transitioned.js';

/** 核实: a resident's own report called back by its grid's worker (or the committee); the status stays REPORTED. */
export class ResidentNeedVerified extends NeedTransitioned {
  readonly action = 'verify' as const;
}
