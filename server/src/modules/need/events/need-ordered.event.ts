import { NeedTransitioned } from './need-transitioned.js';

/** 开单子: ACCEPTED -> ORDERED against ON_SHELF projects (or the units that claimed it). */
export class NeedOrdered extends NeedTransitioned {
  readonly action = 'order' as const;
}
