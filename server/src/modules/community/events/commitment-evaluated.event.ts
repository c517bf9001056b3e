import { CommitmentTransitioned } from './commitment-transitioned.js';

/** PUBLISHED -> EVALUATED: the democratic evaluation's rating and comment (`details.decided`). */
export class CommitmentEvaluated extends CommitmentTransitioned {
  readonly action = 'evaluate' as const;
}
