import { IncubationTransitioned } from './incubation-transitioned.js';

/** The organisation left the incubator before graduating (or its application was withdrawn). */
export class IncubationLeft extends IncubationTransitioned {
  readonly action = 'leave' as const;
}
