import { IncubationTransitioned } from './incubation-transitioned.js';

/** The committee took the organisation into the incubator, with a mentor unit: it now counts as incubated. */
export class IncubationStarted extends IncubationTransitioned {
  readonly action = 'start' as const;
}
