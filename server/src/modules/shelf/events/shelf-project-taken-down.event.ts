import { ShelfProjectTransitioned } from './shelf-project-transitioned.js';

/** ON_SHELF -> OFF_SHELF, with a reason. */
export class ShelfProjectTakenDown extends ShelfProjectTransitioned {
  readonly action = 'takeDown' as const;
}
