import { ShelfProjectTransitioned } from './shelf-project-transitioned.js';

/** Edited; an ON_SHELF project whose title, description or category changed went back to PENDING_REVIEW. */
export class ShelfProjectEdited extends ShelfProjectTransitioned {
  readonly action = 'edit' as const;
}
