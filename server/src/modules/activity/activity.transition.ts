import { ACTIVITY_LIFECYCLE, type ActivityAction, type ActivityStatus } from '@alliance/shared';
import type { EventOrigin, TransitionDetails } from '../../common/events/domain-event.js';
import { publish } from '../../common/events/event-bus.js';
import { destination, enforce } from '../../common/lifecycle.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { staleVersion } from '../../graphql/errors.js';
import { Activity } from './activity.entity.js';
import { ActivityCancelled } from './events/activity-cancelled.event.js';
import { ActivityCompleted } from './events/activity-completed.event.js';
import { ActivityEdited } from './events/activity-edited.event.js';
import { ActivityPublished } from './events/activity-published.event.js';
import { ActivityStarted } from './events/activity-started.event.js';
import type { ActivityTransitioned } from './events/activity-transitioned.js';

/** The actions of ACTIVITY_LIFECYCLE that move an activity (signUp moves a sign-up: signup.transition.ts). */
export type ActivityMove = Exclude<ActivityAction, 'signUp'>;

/** What a step did besides moving the status. */
export interface ActivityStep {
  decided?: Record<string, unknown>;
  /** Completing: the units whose sign-up is CONFIRMED, who earn the points. */
  confirmedUnitIds?: readonly string[];
  /** Work that needs the activity saved first (an edit's promotions, held to the saved maxUnits by the CHECK). */
  afterSave?: (tx: TenantScope, activity: Activity) => Promise<void>;
}

type Args = [origin: EventOrigin, activityId: string, title: string, from: ActivityStatus, to: ActivityStatus, details: TransitionDetails];

const EVENT_OF: { [A in ActivityMove]: (args: Args, step: ActivityStep) => ActivityTransitioned } = {
  edit: (a) => new ActivityEdited(...a),
  publish: (a) => new ActivityPublished(...a),
  start: (a) => new ActivityStarted(...a),
  complete: (a, s) => new ActivityCompleted(...a, s.confirmedUnitIds ?? []),
  cancel: (a) => new ActivityCancelled(...a),
};

/**
 * The activity's one transition function, in one transaction: lock, check
 * ACTIVITY_LIFECYCLE's row (FORBIDDEN / CONFLICT), the `version` when given
 * (stale: CONFLICT), run the step's guards and changes, set the status from
 * the row, save, publish the action's event. Returns the activity re-read
 * (the trigger-kept confirmed_count is never written from here).
 */
export function transitionActivity(
  ctx: RequestContext,
  id: string,
  action: ActivityMove,
  version: number | null,
  apply: (a: Activity, tx: TenantScope) => ActivityStep | void | Promise<ActivityStep | void>,
): Promise<Activity> {
  return ctx.scope.transaction(async (tx) => {
    const activity = await tx.lock(Activity, id, 'Activity');
    enforce(ACTIVITY_LIFECYCLE, action, ctx.me, { status: activity.status });
    if (version !== null && activity.version !== version) throw staleVersion();
    const from = activity.status;
    const step = (await apply(activity, tx)) ?? {};
    activity.status = destination(ACTIVITY_LIFECYCLE, action, from);
    activity.updatedAt = new Date();
    await tx.manager.save(activity);
    await step.afterSave?.(tx, activity);
    const origin = { allianceId: tx.allianceId, actorId: ctx.me.id, at: activity.updatedAt };
    await publish(ctx, tx, EVENT_OF[action]([origin, activity.id, activity.title, from, activity.status, { decided: step.decided }], step));
    return tx.get(Activity, activity.id, 'Activity');
  });
}
