import { NEED_LIFECYCLE, type NeedAction, type NeedStatus } from '@alliance/shared';
import type { EventOrigin, TransitionDetails } from '../../common/events/domain-event.js';
import { publish } from '../../common/events/event-bus.js';
import { destination, enforce } from '../../common/lifecycle.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { staleVersion } from '../../graphql/errors.js';
import { NeedAccepted } from './events/need-accepted.event.js';
import { NeedAssigned } from './events/need-assigned.event.js';
import { NeedClaimed } from './events/need-claimed.event.js';
import { NeedFollowedUp } from './events/need-followed-up.event.js';
import { NeedOrderWithdrawn } from './events/need-order-withdrawn.event.js';
import { NeedOrdered } from './events/need-ordered.event.js';
import { NeedPlanned } from './events/need-planned.event.js';
import { NeedReassigned } from './events/need-reassigned.event.js';
import { NeedRejected } from './events/need-rejected.event.js';
import { NeedReopened } from './events/need-reopened.event.js';
import { NeedReplanned } from './events/need-replanned.event.js';
import { NeedResolved } from './events/need-resolved.event.js';
import type { NeedFacts, NeedTransitioned } from './events/need-transitioned.js';
import { ResidentNeedVerified } from './events/resident-need-verified.event.js';
import { NeedEvent } from './need-event.entity.js';
import { Need } from './need.entity.js';

/** What a step of the loop did, besides moving the status. */
export interface Step extends TransitionDetails {
  /** Only where the table's row offers a choice (`otherwise`: a follow-up that reopens); else the row's `to` applies. */
  to: NeedStatus | null;
  comment?: string | null;
  /** The delivering units its plan named (resolve, a follow-up that closes): they earn the points. */
  deliveringUnitIds?: readonly string[];
  /** A follow-up's satisfaction. */
  satisfaction?: number;
}

type Args = [origin: EventOrigin, needId: string, from: NeedStatus, to: NeedStatus, facts: NeedFacts, details: TransitionDetails];

/** The event of each action of NEED_LIFECYCLE: exactly one per step taken. */
const EVENT_OF: { [A in NeedAction]: (args: Args, step: Step) => NeedTransitioned } = {
  accept: (a) => new NeedAccepted(...a),
  reject: (a) => new NeedRejected(...a),
  order: (a) => new NeedOrdered(...a),
  claim: (a) => new NeedClaimed(...a),
  plan: (a) => new NeedPlanned(...a),
  assign: (a) => new NeedAssigned(...a),
  resolve: (a, s) => new NeedResolved(...a, s.deliveringUnitIds ?? []),
  followUp: (a, s) => new NeedFollowedUp(...a, s.satisfaction!, s.deliveringUnitIds ?? []),
  replan: (a) => new NeedReplanned(...a),
  reassign: (a) => new NeedReassigned(...a),
  withdrawOrder: (a) => new NeedOrderWithdrawn(...a),
  reopen: (a) => new NeedReopened(...a),
  verify: (a) => new ResidentNeedVerified(...a),
};

const subjectOf = (n: Need) => ({ status: n.status, gridId: n.gridId, assigneeId: n.assigneeId });

/**
 * The need's one transition function, in one transaction: lock the need,
 * check NEED_LIFECYCLE's row for the action (roles and reach: FORBIDDEN;
 * from: CONFLICT), check the caller's `version` when given (stale:
 * CONFLICT), run the step's own guards and changes, set the status from the
 * row's `to`, save, write the history event, and publish the action's
 * domain event (the points ledger and the audit log subscribe to it). A step
 * refused anywhere publishes nothing and writes nothing. Given `within`
 * (a transaction already open), the step joins it.
 */
export function transitionNeed(
  ctx: RequestContext,
  id: string,
  action: NeedAction,
  version: number | null | undefined,
  apply: (tx: TenantScope, need: Need, now: Date) => Promise<Step>,
  within?: TenantScope,
): Promise<Need> {
  // `within`: the transaction of a caller that takes several steps at once (orderPlanAssignNeed), joined.
  return (within ?? ctx.scope).transaction(async (tx) => {
    const need = await tx.lock(Need, id, 'Need');
    enforce(NEED_LIFECYCLE, action, ctx.me, subjectOf(need));
    if (version !== null && version !== undefined && version !== need.version) throw staleVersion();
    const from = need.status;
    const now = new Date();
    const step = await apply(tx, need, now);
    const to = destination(NEED_LIFECYCLE, action, from, step.to);
    need.status = to;
    need.updatedAt = now;
    const saved = await tx.manager.save(need);
    const comment = step.comment ?? null;
    await writeHistory(ctx, tx, need.id, from, to, comment, now);
    const origin = { allianceId: tx.allianceId, actorId: ctx.me.id, at: now };
    const facts = { title: need.title, comment, requesterPhone: need.requesterPhone };
    const details = { before: step.before, after: step.after, decided: step.decided };
    await publish(ctx, tx, EVENT_OF[action]([origin, need.id, from, to, facts, details], step));
    return saved;
  });
}

/** The need's history (need_event): every step, and the report that began it (from null). */
export async function writeHistory(
  ctx: RequestContext,
  tx: TenantScope,
  needId: string,
  from: NeedStatus | null,
  to: NeedStatus,
  comment: string | null,
  at: Date,
): Promise<void> {
  await tx.manager.insert(NeedEvent, tx.create(NeedEvent, { needId, actorId: ctx.me.id, at, from, to, comment }));
}
