import {
  BOOKERS,
  BOOKING_LIFECYCLE,
  ORDERABLE_SHELF_STATUS,
  SLOT_PUBLISHERS,
  type BookingAction,
  type BookingStatus,
  ACTIVITY_LIFECYCLE,
  ACTIVITY_RECORDERS,
  NEED_LIFECYCLE,
  NEED_REPORTERS,
  ROLES_THAT_EDIT_UNITS,
  SHELF_LIFECYCLE,
  SIGNUP_LIFECYCLE,
  UNIT_CONTACT_FIELDS,
  allowedActions,
  reaches,
  type ActivityAction,
  type ActivityStatus,
  type Actor,
  type NeedAction,
  type NeedSource,
  type NeedStatus,
  type ShelfAction,
  type ShelfStatus,
  type SignupAction,
  type SignupStatus,
  type UserStatus,
} from '@alliance/shared';

/*
 * What the signed-in user may do, derived from the lifecycle tables of
 * @alliance/shared (the same tables the server enforces) and the role: the UI
 * offers exactly these buttons, so nothing is offered and then refused.
 */

type Ref = { id: string } | null | undefined;

export function shelfActions(actor: Actor | null, project: { status: ShelfStatus; unit: { id: string } }): ShelfAction[] {
  if (!actor) return [];
  return allowedActions(SHELF_LIFECYCLE, actor, { status: project.status, unitIds: [project.unit.id] });
}

export function needActions(
  actor: Actor | null,
  need: {
    status: NeedStatus;
    grid: { id: string };
    assignee?: Ref;
    claimedBy?: readonly { id: string }[];
    source?: NeedSource;
    verifiedAt?: string | null;
  },
): NeedAction[] {
  if (!actor) return [];
  const actions = allowedActions(NEED_LIFECYCLE, actor, {
    status: need.status,
    gridId: need.grid.id,
    assigneeId: need.assignee?.id ?? null,
  });
  // A unit claims a need once.
  const claimed = !!actor.unitId && (need.claimedBy ?? []).some((u) => u.id === actor.unitId);
  // 核实 is for a resident's own report, once.
  const verifiable = need.source === 'RESIDENT' && !need.verifiedAt;
  return actions.filter((a) => !(a === 'claim' && claimed) && !(a === 'verify' && !verifiable));
}

export function activityActions(actor: Actor | null, activity: { status: ActivityStatus }): ActivityAction[] {
  if (!actor) return [];
  // signUp is judged per unit (canSignUp). Here the actions on the activity itself
  // (edit = updateActivity, while DRAFT or OPEN).
  return allowedActions(ACTIVITY_LIFECYCLE, actor, { status: activity.status }).filter((a) => a !== 'signUp');
}

/**
 * Whether the user may sign a unit up: a unit admin its own unit (when it has
 * no live sign-up yet), the committee any unit.
 */
export function canSignUp(actor: Actor | null, activity: { status: ActivityStatus }, liveUnitIds: readonly string[]): boolean {
  if (!actor) return false;
  const roleReach = ACTIVITY_LIFECYCLE.signUp.roles[actor.role];
  if (!roleReach || !ACTIVITY_LIFECYCLE.signUp.from.includes(activity.status)) return false;
  if (roleReach === 'ownUnit') return !!actor.unitId && !liveUnitIds.includes(actor.unitId);
  return true;
}

export function signupActions(
  actor: Actor | null,
  activity: { status: ActivityStatus },
  signup: { status: SignupStatus; unit: { id: string } },
): SignupAction[] {
  if (!actor || activity.status !== ACTIVITY_LIFECYCLE.signUp.from[0]) return [];
  return allowedActions(SIGNUP_LIFECYCLE, actor, { status: signup.status, unitIds: [signup.unit.id] });
}

/** Who may put a project on the shelf: whoever may edit projects. */
export function canCreateProject(actor: Actor | null): boolean {
  return !!actor && !!SHELF_LIFECYCLE.edit.roles[actor.role];
}

export function canReview(actor: Actor | null): boolean {
  return !!actor && !!SHELF_LIFECYCLE.approve.roles[actor.role];
}

/** Report a need, into the given grid or (without one) into some grid. */
export function canReportNeed(actor: Actor | null, gridId?: string): boolean {
  if (!actor) return false;
  const reach = NEED_REPORTERS[actor.role];
  if (!reach) return false;
  return gridId === undefined ? true : reaches(reach, actor, { gridId });
}

export function canCreateActivity(actor: Actor | null): boolean {
  return !!actor && !!ACTIVITY_LIFECYCLE.edit.roles[actor.role];
}

/** 补录 (recordPastActivity): the roles of ACTIVITY_RECORDERS, the committee. */
export function canRecordPastActivity(actor: Actor | null): boolean {
  return !!actor && !!ACTIVITY_RECORDERS[actor.role];
}

/** Create and suspend units, sign agreements: the committee. */
export function canManageUnits(actor: Actor | null): boolean {
  return actor?.role === 'COMMITTEE_ADMIN';
}

/** The unit fields this user may edit: all for the committee, the contact fields of its own unit for a unit admin. */
export function editableUnitFields(actor: Actor | null, unitId: string): 'all' | readonly string[] | null {
  if (!actor || !ROLES_THAT_EDIT_UNITS.includes(actor.role)) return null;
  if (actor.role === 'COMMITTEE_ADMIN') return 'all';
  return actor.unitId === unitId ? UNIT_CONTACT_FIELDS : null;
}

/** 账号管理 and 操作日志: the committee runs its alliance's accounts and reads its log. */
export function canManageAccounts(actor: Actor | null): boolean {
  return actor?.role === 'COMMITTEE_ADMIN';
}

export function canReadAuditLog(actor: Actor | null): boolean {
  return actor?.role === 'COMMITTEE_ADMIN';
}

export type AccountAction = 'edit' | 'resetPassword' | 'disable' | 'enable';

/**
 * What the committee may do to an account: edit any; reset the password of
 * another account (its own it changes in 个人中心); disable another active
 * account (never its own: the server refuses), enable a disabled one.
 */
export function accountActions(actor: Actor | null, account: { id: string; status: UserStatus }): AccountAction[] {
  if (!canManageAccounts(actor)) return [];
  const self = account.id === actor!.userId;
  const actions: AccountAction[] = ['edit'];
  if (!self) actions.push('resetPassword');
  if (account.status === 'ACTIVE' && !self) actions.push('disable');
  if (account.status === 'DISABLED') actions.push('enable');
  return actions;
}

/** Role, unit and grid of one's own account are not changed from the accounts page (nobody locks themself out). */
export function canChangeBinding(actor: Actor | null, account: { id: string }): boolean {
  return canManageAccounts(actor) && account.id !== actor!.userId;
}

/**
 * 错时约办: what may be done to a booking now. The table says who and from
 * which status; the slot's time says which: recording how it went once the
 * slot has begun, cancelling only before (as the server holds).
 */
export function bookingActions(
  actor: Actor | null,
  booking: { status: BookingStatus; slot: { startsAt: string; project: { unit: { id: string } } } },
  now: number = Date.now(),
): BookingAction[] {
  if (!actor) return [];
  const begun = Date.parse(booking.slot.startsAt) <= now;
  return allowedActions(BOOKING_LIFECYCLE, actor, { status: booking.status, unitIds: [booking.slot.project.unit.id] }).filter((a) =>
    a === 'complete' ? begun : !begun,
  );
}

/** Publish slots of a project: its own unit or the committee, while it is on the shelf. */
export function canPublishSlots(actor: Actor | null, project: { status: ShelfStatus; unit: { id: string } }): boolean {
  return !!actor && project.status === ORDERABLE_SHELF_STATUS && reaches(SLOT_PUBLISHERS[actor.role], actor, { unitIds: [project.unit.id] });
}

/** Book a slot for a resident (代约): grid workers and the committee. */
export function canBookForResident(actor: Actor | null): boolean {
  return !!actor && reaches(BOOKERS[actor.role], actor, {});
}

/** Who may add a photo to a need (as the server's attachment service decides): its reporters at report, its assignee or the committee at resolution. */
export function canAttachToNeed(actor: Actor | null, need: { grid: { id: string }; assignee?: Ref }, stage: 'REPORT' | 'RESOLUTION'): boolean {
  if (!actor) return false;
  if (stage === 'REPORT') return canReportNeed(actor, need.grid.id);
  return actor.role === 'COMMITTEE_ADMIN' || reaches(NEED_LIFECYCLE.resolve.roles[actor.role], actor, { assigneeId: need.assignee?.id ?? null });
}
