import type { EventBus } from '../../common/events/event-bus.js';
import type { RequestContext } from '../../graphql/context.js';
import type { TenantScope } from '../../common/tenant-scope.js';
import { ActivityCancelled } from '../activity/events/activity-cancelled.event.js';
import { SignupPromoted } from '../activity/events/signup-promoted.event.js';
import { UnitSignedUp } from '../activity/events/unit-signed-up.event.js';
import { UserCreated } from '../account/events/user-created.event.js';
import { UserEnabled } from '../account/events/user-enabled.event.js';
import { UserPasswordReset } from '../account/events/user-password-reset.event.js';
import { NeedAssigned } from '../need/events/need-assigned.event.js';
import { NeedFollowedUp } from '../need/events/need-followed-up.event.js';
import { NeedReassigned } from '../need/events/need-reassigned.event.js';
import type { NeedTransitioned } from '../need/events/need-transitioned.js';
import { ShelfProjectApproved } from '../shelf/events/shelf-project-approved.event.js';
import { ShelfProjectRejected } from '../shelf/events/shelf-project-rejected.event.js';
import { ShelfProjectTakenDown } from '../shelf/events/shelf-project-taken-down.event.js';
import type { ShelfProjectTransitioned } from '../shelf/events/shelf-project-transitioned.js';
import type { EventClass } from '../../common/events/domain-event.js';
import type { NotificationKind } from '@alliance/shared';
import { notificationService, type Tidings } from './notification.service.js';

const tell = async (ctx: RequestContext, tx: TenantScope, t: Tidings): Promise<void> => void (await notificationService.tell(ctx, tx, t));

/** The need as the step left it: who works on it, and the units its plan names. */
async function needPeople(tx: TenantScope, needId: string): Promise<{ assigneeId: string | null; units: string[] }> {
  const [row] = await tx.manager.query(
    `SELECT n.assignee_id, ARRAY(SELECT d.unit_id FROM need_delivery d WHERE d.need_id = n.id) AS units
       FROM need n WHERE n.id = $1 AND n.alliance_id = $2`,
    [needId, tx.allianceId],
  );
  return { assigneeId: row?.assignee_id ?? null, units: row?.units ?? [] };
}

async function activityTitle(tx: TenantScope, activityId: string): Promise<string> {
  const [row] = await tx.manager.query(`SELECT title FROM activity WHERE id = $1 AND alliance_id = $2`, [activityId, tx.allianceId]);
  return row?.title ?? '';
}

const SHELF_DECISIONS: [EventClass<ShelfProjectTransitioned>, NotificationKind][] = [
  [ShelfProjectApproved, 'PROJECT_APPROVED'],
  [ShelfProjectRejected, 'PROJECT_REJECTED'],
  [ShelfProjectTakenDown, 'PROJECT_TAKEN_DOWN'],
];

/**
 * Who is told of what (docs/adoption.md "Notifications"), written in the
 * transaction of the event: a refused or rolled-back change tells nobody,
 * and a committed one cannot lose its notifications. The time-based ones
 * (due soon, follow-up due, agreement expiring) come from notification.job.ts.
 */
export function subscribeNotifications(bus: EventBus): void {
  const assigned = (kind: NotificationKind) => async (ctx: RequestContext, tx: TenantScope, e: NeedTransitioned) => {
    const { assigneeId, units } = await needPeople(tx, e.needId);
    await tell(ctx, tx, {
      kind,
      subjectType: 'NEED',
      subjectId: e.needId,
      // assigneeId: the admin says "assigned to you" to the assignee and "your unit takes part" to the liaisons.
      params: { title: e.facts.title, reason: e.details.decided?.reason ?? null, assigneeId },
      to: { users: [assigneeId], unitLiaisons: units },
      except: e.actorId,
    });
  };
  bus.inTransaction(NeedAssigned, assigned('NEED_ASSIGNED'));
  bus.inTransaction(NeedReassigned, assigned('NEED_REASSIGNED'));
  // A follow-up with satisfaction 1..2 reopens the need.
  bus.inTransaction(NeedFollowedUp, async (ctx, tx, e) => {
    if (e.to !== 'IN_PROGRESS') return;
    const { assigneeId } = await needPeople(tx, e.needId);
    await tell(ctx, tx, {
      kind: 'NEED_REOPENED',
      subjectType: 'NEED',
      subjectId: e.needId,
      params: { title: e.facts.title, satisfaction: e.satisfaction },
      to: { users: [assigneeId], committee: true },
      except: e.actorId,
    });
  });

  for (const [type, kind] of SHELF_DECISIONS) {
    bus.inTransaction(type, (ctx, tx, e) =>
      tell(ctx, tx, {
        kind,
        subjectType: 'SHELF_PROJECT',
        subjectId: e.projectId,
        params: { title: e.title, reason: e.details.decided?.reason ?? e.details.decided?.comment ?? null },
        to: { unitLiaisons: [e.unitId] },
        except: e.actorId,
      }),
    );
  }

  bus.inTransaction(UnitSignedUp, async (ctx, tx, e) => {
    if (e.status !== 'CONFIRMED' && e.status !== 'WAITLISTED') return;
    await tell(ctx, tx, {
      kind: e.status === 'CONFIRMED' ? 'SIGNUP_CONFIRMED' : 'SIGNUP_WAITLISTED',
      subjectType: 'ACTIVITY',
      subjectId: e.activityId,
      params: { title: e.activityTitle },
      to: { unitLiaisons: [e.unitId] },
      except: e.actorId,
    });
  });
  bus.inTransaction(SignupPromoted, async (ctx, tx, e) =>
    tell(ctx, tx, {
      kind: 'SIGNUP_PROMOTED',
      subjectType: 'ACTIVITY',
      subjectId: e.activityId,
      params: { title: await activityTitle(tx, e.activityId) },
      to: { unitLiaisons: [e.unitId] },
    }),
  );
  // The units whose sign-ups the cancellation ended (the sign-ups move before the activity's own event).
  bus.inTransaction(ActivityCancelled, async (ctx, tx, e) => {
    const rows: { unit_id: string }[] = await tx.manager.query(
      `SELECT unit_id FROM signup WHERE activity_id = $1 AND alliance_id = $2 AND status = 'ACTIVITY_CANCELLED'`,
      [e.activityId, tx.allianceId],
    );
    if (!rows.length) return;
    await tell(ctx, tx, {
      kind: 'ACTIVITY_CANCELLED',
      subjectType: 'ACTIVITY',
      subjectId: e.activityId,
      params: { title: e.title, reason: e.details.decided?.reason ?? null },
      to: { unitLiaisons: rows.map((r) => r.unit_id) },
      except: e.actorId,
    });
  });

  // The account's owner where reachable: a disabled account reads no inbox, so a disabling tells nobody.
  bus.inTransaction(UserCreated, (ctx, tx, e) =>
    tell(ctx, tx, { kind: 'ACCOUNT_CREATED', subjectType: 'USER', subjectId: e.userId, params: {}, to: { users: [e.userId] } }),
  );
  bus.inTransaction(UserPasswordReset, (ctx, tx, e) =>
    tell(ctx, tx, { kind: 'ACCOUNT_PASSWORD_RESET', subjectType: 'USER', subjectId: e.userId, params: {}, to: { users: [e.userId] } }),
  );
  bus.inTransaction(UserEnabled, (ctx, tx, e) =>
    tell(ctx, tx, { kind: 'ACCOUNT_ENABLED', subjectType: 'USER', subjectId: e.userId, params: {}, to: { users: [e.userId] } }),
  );
}
