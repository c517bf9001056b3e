import { CommitmentTransitioned } from './commitment-transitioned.js';

/** DRAFT -> PUBLISHED: the promise is public (the year's published commitments). */
export class CommitmentPublished extends CommitmentTransitioned {
  readonly action = 'publish' as const;
}
