import { ShelfProjectTransitioned } from './shelf-project-transitioned.js';

/** PENDING_REVIEW -> REJECTED, with a comment. */
export class ShelfProjectRejected extends ShelfProjectTransitioned {
  readonly action = 'reject' as const;
}
