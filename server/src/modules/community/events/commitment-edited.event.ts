import { CommitmentTransitioned } from './commitment-transitioned.js';

/** DRAFT, edited: its category or text changed before anyone outside the committee sees it. */
export class CommitmentEdited extends CommitmentTransitioned {
  readonly action = 'edit' as const;
}
