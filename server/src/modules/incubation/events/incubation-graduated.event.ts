import { IncubationTransitioned } from './incubation-transitioned.js';

/** 出壳: the organisation stands on its own; its services given stop counting at the end date. */
export class IncubationGraduated extends IncubationTransitioned {
  readonly action = 'graduate' as const;
}
