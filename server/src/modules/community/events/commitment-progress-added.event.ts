import { CommitmentTransitioned } from './commitment-transitioned.js';

/** PUBLISHED, with a progress note added. */
export class CommitmentProgressAdded extends CommitmentTransitioned {
  readonly action = 'addProgress' as const;
}
