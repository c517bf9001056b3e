import { SIGNUP_LIFECYCLE, type SignupAction, type SignupStatus } from '@alliance/shared';
import type { EventOrigin } from '../../common/events/domain-event.js';
import { publish } from '../../common/events/event-bus.js';
import { enforce } from '../../common/lifecycle.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { SignupEndedByCancellation } from './events/signup-ended-by-cancellation.event.js';
import { SignupPromoted } from './events/signup-promoted.event.js';
import type { SignupTransitioned } from './events/signup-transitioned.js';
import { SignupWithdrawn } from './events/signup-withdrawn.event.js';
import type { Signup } from './signup.entity.js';

type Args = [origin: EventOrigin, signupId: string, activityId: string, unitId: string, from: SignupStatus, to: SignupStatus];

const EVENT_OF: { [A in SignupAction]: (...args: Args) => SignupTransitioned } = {
  withdraw: (...a) => new SignupWithdrawn(...a),
  promote: (...a) => new SignupPromoted(...a),
  activityCancelled: (...a) => new SignupEndedByCancellation(...a),
};

/** Which sign-ups a move takes: one, or an activity's oldest first (all of them without a limit). */
export type Which = { signupId: string } | { activityId: string; limit?: number | null };

export interface MovedSignup {
  id: string;
  unitId: string;
  from: SignupStatus;
}

/**
 * The sign-up's one transition function: moves the sign-ups `which` names
 * that stand in one of the row's `from` statuses to its `to`, in one
 * statement, and publishes one event per sign-up moved. An action a person
 * takes (withdraw) names its locked sign-up and is checked against the row's
 * roles first; the system's (promote, activityCancelled) name no role.
 * Callers lock the activity first: sign-ups of one activity move in turn.
 */
export async function transitionSignups(
  ctx: RequestContext,
  tx: TenantScope,
  action: SignupAction,
  which: Which,
  taking?: Signup,
): Promise<MovedSignup[]> {
  const row = SIGNUP_LIFECYCLE[action];
  if (Object.keys(row.roles).length) {
    if (!taking || !('signupId' in which) || taking.id !== which.signupId) throw new Error(`${action} is taken by a person on one locked sign-up`);
    enforce(SIGNUP_LIFECYCLE, action, ctx.me, { status: taking.status, unitIds: [taking.unitId] });
  }
  const [target, params] =
    'signupId' in which
      ? [`id = $4`, [which.signupId]]
      : [`activity_id = $4 ORDER BY created_at, id LIMIT $5`, [which.activityId, which.limit ?? null]];
  // An UPDATE answers [rows, rowCount] through TypeORM; `old` is the row as it was.
  const [moved]: [{ id: string; unit_id: string; activity_id: string; from: SignupStatus }[], number] = await tx.manager.query(
    `UPDATE signup s SET status = $1, updated_at = now()
       FROM signup old
      WHERE old.id = s.id
        AND s.id IN (SELECT id FROM signup WHERE alliance_id = $2 AND status = ANY($3) AND ${target})
     RETURNING s.id, s.unit_id, s.activity_id, old.status AS from`,
    [row.to, tx.allianceId, row.from, ...params],
  );
  const origin = { allianceId: tx.allianceId, actorId: ctx.me.id, at: new Date() };
  for (const m of moved) await publish(ctx, tx, EVENT_OF[action](origin, m.id, m.activity_id, m.unit_id, m.from, row.to!));
  return moved.map((m) => ({ id: m.id, unitId: m.unit_id, from: m.from }));
}
