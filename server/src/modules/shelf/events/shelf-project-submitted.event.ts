import { ShelfProjectTransitioned } from './shelf-project-transitioned.js';

/** DRAFT|REJECTED|OFF_SHELF -> PENDING_REVIEW. */
export class ShelfProjectSubmitted extends ShelfProjectTransitioned {
  readonly action = 'submit' as const;
}
