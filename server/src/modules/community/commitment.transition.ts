import { COMMITMENT_LIFECYCLE, type CommitmentAction, type CommitmentStatus } from '@alliance/shared';
import type { EventOrigin, TransitionDetails } from '../../common/events/domain-event.js';
import { publish } from '../../common/events/event-bus.js';
import { destination, enforce } from '../../common/lifecycle.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { staleVersion } from '../../graphql/errors.js';
import { Commitment } from './commitment.entity.js';
import { CommitmentEdited } from './events/commitment-edited.event.js';
import { CommitmentEvaluated } from './events/commitment-evaluated.event.js';
import { CommitmentProgressAdded } from './events/commitment-progress-added.event.js';
import { CommitmentPublished } from './events/commitment-published.event.js';
import type { CommitmentTransitioned } from './events/commitment-transitioned.js';

type Args = [origin: EventOrigin, commitmentId: string, memberId: string, year: number, from: CommitmentStatus, to: CommitmentStatus, details: TransitionDetails];

/** The event of each action of COMMITMENT_LIFECYCLE. */
const EVENT_OF: { [A in CommitmentAction]: (...args: Args) => CommitmentTransitioned } = {
  edit: (...a) => new CommitmentEdited(...a),
  publish: (...a) => new CommitmentPublished(...a),
  addProgress: (...a) => new CommitmentProgressAdded(...a),
  evaluate: (...a) => new CommitmentEvaluated(...a),
};

/**
 * The commitment's one transition function, in one transaction: lock, check
 * COMMITMENT_LIFECYCLE's row (FORBIDDEN / CONFLICT), the `version` when given
 * (stale: CONFLICT), run the step, set the status from the row, save, publish
 * the action's event (docs/architecture.md "Lifecycles and domain events").
 */
export function transitionCommitment(
  ctx: RequestContext,
  id: string,
  action: CommitmentAction,
  version: number | null,
  /** The step's own checks and changes; it returns what changed besides the status and the decision's fields. */
  apply: (c: Commitment, tx: TenantScope) => TransitionDetails | void | Promise<TransitionDetails | void>,
): Promise<Commitment> {
  return ctx.scope.transaction(async (tx) => {
    const commitment = await tx.lock(Commitment, id, 'Commitment');
    enforce(COMMITMENT_LIFECYCLE, action, ctx.me, { status: commitment.status });
    if (version !== null && commitment.version !== version) throw staleVersion();
    const from = commitment.status;
    const step = (await apply(commitment, tx)) ?? {};
    commitment.status = destination(COMMITMENT_LIFECYCLE, action, from);
    commitment.updatedAt = new Date();
    const saved = await tx.manager.save(commitment);
    const origin = { allianceId: tx.allianceId, actorId: ctx.me.id, at: commitment.updatedAt };
    await publish(ctx, tx, EVENT_OF[action](origin, commitment.id, commitment.memberId, commitment.year, from, commitment.status, step));
    return saved;
  });
}
