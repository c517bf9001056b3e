import { ShelfProjectTransitioned } from './shelf-project-transitioned.js';

/** PENDING_REVIEW -> ON_SHELF: it can be ordered, matched and attached. */
export class ShelfProjectApproved extends ShelfProjectTransitioned {
  readonly action = 'approve' as const;
}
