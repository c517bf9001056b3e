import type { ActivityStatus, BookingStatus, NeedSource, NeedStatus, Role, ShelfStatus, SignupStatus, VenueReservationStatus } from './enums.js';
import type { Lifecycle, Reach } from './lifecycle.js';
import type { CommitmentStatus } from './community.js';
import type { IncubationStage } from './incubation.js';

export type ShelfAction = 'edit' | 'submit' | 'approve' | 'reject' | 'takeDown';

/**
 * DRAFT -> PENDING_REVIEW -> ON_SHELF | REJECTED; REJECTED|OFF_SHELF -> PENDING_REVIEW;
 * ON_SHELF -> OFF_SHELF. Editing an ON_SHELF project's title, description or
 * category sends it back to review (the service applies that rule).
 */
export const SHELF_LIFECYCLE: Lifecycle<ShelfStatus, ShelfAction> = {
  edit: {
    from: ['DRAFT', 'PENDING_REVIEW', 'ON_SHELF', 'OFF_SHELF', 'REJECTED'],
    to: null,
    otherwise: ['PENDING_REVIEW'],
    roles: { COMMITTEE_ADMIN: 'any', UNIT_ADMIN: 'ownUnit' },
  },
  submit: {
    from: ['DRAFT', 'REJECTED', 'OFF_SHELF'],
    to: 'PENDING_REVIEW',
    roles: { COMMITTEE_ADMIN: 'any', UNIT_ADMIN: 'ownUnit' },
  },
  approve: { from: ['PENDING_REVIEW'], to: 'ON_SHELF', roles: { COMMITTEE_ADMIN: 'any' } },
  reject: { from: ['PENDING_REVIEW'], to: 'REJECTED', roles: { COMMITTEE_ADMIN: 'any' } },
  takeDown: { from: ['ON_SHELF'], to: 'OFF_SHELF', roles: { COMMITTEE_ADMIN: 'any' } },
};

/** Only ON_SHELF projects can be ordered, matched or attached to an activity. */
export const ORDERABLE_SHELF_STATUS: ShelfStatus = 'ON_SHELF';

export type NeedAction =
  | 'accept'
  | 'reject'
  | 'order'
  | 'claim'
  | 'plan'
  | 'assign'
  | 'resolve'
  | 'followUp'
  | 'replan'
  | 'reassign'
  | 'withdrawOrder'
  | 'reopen'
  | 'verify';

/** The committee's corrections of the loop (docs/adoption.md): each needs a reason, each an event in the history. */
export const NEED_CORRECTIONS: readonly NeedAction[] = ['replan', 'reassign', 'withdrawOrder', 'reopen'];

/** The closed loop 提问题 -> 开单子 -> 定方案 -> 领任务 -> 跑回访. */
export const NEED_LIFECYCLE: Lifecycle<NeedStatus, NeedAction> = {
  accept: { from: ['REPORTED'], to: 'ACCEPTED', roles: { COMMITTEE_ADMIN: 'any' } },
  reject: { from: ['REPORTED'], to: 'REJECTED', roles: { COMMITTEE_ADMIN: 'any' } },
  order: { from: ['ACCEPTED'], to: 'ORDERED', roles: { COMMITTEE_ADMIN: 'any' } },
  // A claim records the unit's offer; the committee's order step then moves the need on.
  claim: { from: ['ACCEPTED', 'ORDERED'], to: null, roles: { UNIT_ADMIN: 'any' } },
  plan: { from: ['ORDERED'], to: 'PLANNED', roles: { COMMITTEE_ADMIN: 'any' } },
  assign: { from: ['PLANNED'], to: 'IN_PROGRESS', roles: { COMMITTEE_ADMIN: 'any' } },
  resolve: {
    from: ['IN_PROGRESS'],
    to: 'RESOLVED',
    roles: { COMMITTEE_ADMIN: 'assignee', UNIT_ADMIN: 'assignee', GRID_WORKER: 'assignee' },
  },
  // Satisfaction 3..5 closes; 1..2 reopens to IN_PROGRESS with the same assignee.
  followUp: { from: ['RESOLVED'], to: 'CLOSED', otherwise: ['IN_PROGRESS'], roles: { COMMITTEE_ADMIN: 'any', GRID_WORKER: 'ownGrid' } },
  // Corrections, the committee's, each with a reason.
  // A new plan and/or due date; the status stays.
  replan: { from: ['PLANNED', 'IN_PROGRESS'], to: null, roles: { COMMITTEE_ADMIN: 'any' } },
  // Another assignee (the same rules as assign); the status stays.
  reassign: { from: ['IN_PROGRESS'], to: null, roles: { COMMITTEE_ADMIN: 'any' } },
  // The ordered projects, the plan and the due date are cleared (the history keeps them); claims stay.
  withdrawOrder: { from: ['ORDERED', 'PLANNED'], to: 'ACCEPTED', roles: { COMMITTEE_ADMIN: 'any' } },
  // A rejected need goes back to screening.
  reopen: { from: ['REJECTED'], to: 'REPORTED', roles: { COMMITTEE_ADMIN: 'any' } },
  // 核实: the grid's worker (or the committee) has called back the resident who reported a need on the
  // residents' page (source RESIDENT); until then it is not screened (awaitsVerification). The status stays.
  verify: { from: ['REPORTED'], to: null, roles: { COMMITTEE_ADMIN: 'any', GRID_WORKER: 'ownGrid' } },
};

/**
 * Whether a need still waits for its grid's worker to call the resident back
 * (verifyResidentNeed) before the committee screens it, accepted or rejected
 * (CONFLICT NOT_VERIFIED until then): a resident's own report (source
 * RESIDENT), REPORTED and not verified. Needs reported by staff never wait.
 */
export function awaitsVerification(need: { status: NeedStatus; source: NeedSource; verifiedAt?: Date | string | null }): boolean {
  return need.source === 'RESIDENT' && need.status === 'REPORTED' && !need.verifiedAt;
}

/**
 * Who may report (create) a need, and into which grids: not a transition of
 * an existing record, so it sits beside the table. Check it with `reaches()`
 * against `{ gridId }` of the grid reported into.
 */
export const NEED_REPORTERS: Readonly<Partial<Record<Role, Reach>>> = { COMMITTEE_ADMIN: 'any', GRID_WORKER: 'ownGrid' };

/** Satisfaction at or below this reopens a resolved need. */
export const REOPEN_SATISFACTION_MAX = 2;
export const OPEN_NEED_STATUSES: readonly NeedStatus[] = ['REPORTED', 'ACCEPTED', 'ORDERED', 'PLANNED', 'IN_PROGRESS'];
/** Statuses that never count as overdue. */
export const FINISHED_NEED_STATUSES: readonly NeedStatus[] = ['RESOLVED', 'CLOSED', 'REJECTED'];

/** The five steps of the loop as residents and workers name them: 提问题 -> 开单子 -> 定方案 -> 领任务 -> 跑回访. */
export const NEED_STEPS = ['report', 'order', 'plan', 'take', 'visit'] as const;
export type NeedStep = (typeof NEED_STEPS)[number];

/**
 * Where a need stands on the five steps (the progress bar on its card and
 * page): the step it has reached, and whether that step is still under way
 * (`process`), done (`finish`) or where the need stopped (`error`). The
 * reached step is the one its status names (NEED_STATUS_LABELS: ORDERED is
 * 开单子); screening belongs to 提问题, a resolved need has done 领任务 and
 * waits for 跑回访, a rejected one stopped at 提问题.
 */
export const NEED_PROGRESS: Readonly<Record<NeedStatus, { step: NeedStep; state: 'process' | 'finish' | 'error' }>> = {
  REPORTED: { step: 'report', state: 'process' },
  ACCEPTED: { step: 'report', state: 'finish' },
  REJECTED: { step: 'report', state: 'error' },
  ORDERED: { step: 'order', state: 'finish' },
  PLANNED: { step: 'plan', state: 'finish' },
  IN_PROGRESS: { step: 'take', state: 'process' },
  RESOLVED: { step: 'take', state: 'finish' },
  CLOSED: { step: 'visit', state: 'finish' },
};

export type NeedStepState = 'done' | 'current' | 'stopped' | 'todo';

/** Each of the five steps of a need in this status, in NEED_STEPS order: done, current (under way), stopped, or still to come. */
export function needStepStates(status: NeedStatus): { step: NeedStep; state: NeedStepState }[] {
  const { step, state } = NEED_PROGRESS[status];
  const reached = NEED_STEPS.indexOf(step);
  return NEED_STEPS.map((s, i) => ({
    step: s,
    state: i < reached ? 'done' : i > reached ? 'todo' : state === 'finish' ? 'done' : state === 'process' ? 'current' : 'stopped',
  }));
}

export function isOverdue(need: { status: NeedStatus; dueAt?: Date | string | null }, now: Date = new Date()): boolean {
  if (!need.dueAt || FINISHED_NEED_STATUSES.includes(need.status)) return false;
  return new Date(need.dueAt).getTime() < now.getTime();
}

export type ActivityAction = 'edit' | 'publish' | 'start' | 'complete' | 'cancel' | 'signUp';

export const ACTIVITY_LIFECYCLE: Lifecycle<ActivityStatus, ActivityAction> = {
  edit: { from: ['DRAFT', 'OPEN'], to: null, roles: { COMMITTEE_ADMIN: 'any' } },
  publish: { from: ['DRAFT'], to: 'OPEN', roles: { COMMITTEE_ADMIN: 'any' } },
  start: { from: ['OPEN'], to: 'ONGOING', roles: { COMMITTEE_ADMIN: 'any' } },
  complete: { from: ['ONGOING'], to: 'COMPLETED', roles: { COMMITTEE_ADMIN: 'any' } },
  cancel: { from: ['DRAFT', 'OPEN', 'ONGOING'], to: 'CANCELLED', roles: { COMMITTEE_ADMIN: 'any' } },
  // A unit signs up to cooperate (the subject's unitIds: the unit signing up); the activity keeps its status.
  signUp: { from: ['OPEN'], to: null, roles: { COMMITTEE_ADMIN: 'any', UNIT_ADMIN: 'ownUnit' } },
};

/**
 * Who may record an activity that already happened (补录): it is created
 * straight as COMPLETED, so it is not a transition of the table above.
 */
export const ACTIVITY_RECORDERS: Readonly<Partial<Record<Role, Reach>>> = { COMMITTEE_ADMIN: 'any' };

/** Sign-ups are taken only while the activity is OPEN. */
export const SIGNUP_OPEN_ACTIVITY_STATUS: ActivityStatus = 'OPEN';
export const LIVE_SIGNUP_STATUSES: readonly SignupStatus[] = ['CONFIRMED', 'WAITLISTED'];

export type SignupAction = 'withdraw' | 'promote' | 'activityCancelled';

export const SIGNUP_LIFECYCLE: Lifecycle<SignupStatus, SignupAction> = {
  withdraw: {
    from: ['CONFIRMED', 'WAITLISTED'],
    to: 'WITHDRAWN',
    roles: { COMMITTEE_ADMIN: 'any', UNIT_ADMIN: 'ownUnit' },
  },
  // Taken by the system when a confirmed unit withdraws; no person does this.
  promote: { from: ['WAITLISTED'], to: 'CONFIRMED', roles: {} },
  // Taken by the system when the committee cancels the activity: every live sign-up ends, nobody is promoted.
  activityCancelled: { from: ['CONFIRMED', 'WAITLISTED'], to: 'ACTIVITY_CANCELLED', roles: {} },
};

export type CommitmentAction = 'edit' | 'publish' | 'addProgress' | 'evaluate';

/**
 * DRAFT -> PUBLISHED (公开承诺; progress notes may be added) -> EVALUATED at
 * the year-end democratic evaluation (民主评议), which only the committee holds.
 */
export const COMMITMENT_LIFECYCLE: Lifecycle<CommitmentStatus, CommitmentAction> = {
  edit: { from: ['DRAFT'], to: null, roles: { COMMITTEE_ADMIN: 'any' } },
  publish: { from: ['DRAFT'], to: 'PUBLISHED', roles: { COMMITTEE_ADMIN: 'any' } },
  addProgress: { from: ['PUBLISHED'], to: null, roles: { COMMITTEE_ADMIN: 'any' } },
  evaluate: { from: ['PUBLISHED'], to: 'EVALUATED', roles: { COMMITTEE_ADMIN: 'any' } },
};

export type VenueReservationAction = 'confirm' | 'decline' | 'cancel';

/**
 * 党群服务中心的场地 (docs/adoption.md, Services): REQUESTED -> CONFIRMED |
 * DECLINED by the committee; a live reservation is cancelled by the committee
 * or the unit it is for. Two CONFIRMED reservations of one venue never
 * overlap (the venue_reservation_no_overlap exclusion constraint).
 */
export const VENUE_RESERVATION_LIFECYCLE: Lifecycle<VenueReservationStatus, VenueReservationAction> = {
  confirm: { from: ['REQUESTED'], to: 'CONFIRMED', roles: { COMMITTEE_ADMIN: 'any' } },
  decline: { from: ['REQUESTED'], to: 'DECLINED', roles: { COMMITTEE_ADMIN: 'any' } },
  cancel: { from: ['REQUESTED', 'CONFIRMED'], to: 'CANCELLED', roles: { COMMITTEE_ADMIN: 'any', UNIT_ADMIN: 'ownUnit' }, resident: true },
};

/**
 * Who may reserve a venue (a reservation begins, so it sits beside the
 * table): the committee and units are CONFIRMED at once; a grid worker
 * passes on a resident's request, which waits as REQUESTED for the committee.
 */
export const VENUE_RESERVERS: Readonly<Partial<Record<Role, Reach>>> = { COMMITTEE_ADMIN: 'any', UNIT_ADMIN: 'ownUnit', GRID_WORKER: 'any' };
export const VENUE_RESERVATION_STATUS_ON_REQUEST: Readonly<Partial<Record<Role, VenueReservationStatus>>> = {
  COMMITTEE_ADMIN: 'CONFIRMED',
  UNIT_ADMIN: 'CONFIRMED',
  GRID_WORKER: 'REQUESTED',
};

export type BookingAction = 'complete' | 'cancel';

/**
 * 错时约办 (docs/adoption.md, Services): BOOKED -> DONE | NO_SHOW by the unit
 * whose project the slot belongs to (its input chooses), or CANCELLED by the
 * resident (the residents' page), the grid worker or the committee before the
 * slot starts. BOOKED and DONE hold
 * a place: never more of them than the slot's capacity (the database's CHECK).
 */
export const BOOKING_LIFECYCLE: Lifecycle<BookingStatus, BookingAction> = {
  complete: { from: ['BOOKED'], to: 'DONE', otherwise: ['NO_SHOW'], roles: { UNIT_ADMIN: 'ownUnit', COMMITTEE_ADMIN: 'any' } },
  cancel: { from: ['BOOKED'], to: 'CANCELLED', roles: { COMMITTEE_ADMIN: 'any', GRID_WORKER: 'any' }, resident: true },
};
export const PLACE_HOLDING_BOOKING_STATUSES: readonly BookingStatus[] = ['BOOKED', 'DONE'];

/** Who books a slot for a resident (a booking begins, beside the table). */
export const BOOKERS: Readonly<Partial<Record<Role, Reach>>> = { COMMITTEE_ADMIN: 'any', GRID_WORKER: 'any' };
/**
 * Who reads the bookings of a unit's slots (the week's list, unitBookings): a
 * unit admin its own unit's only, the other roles any unit's (phones, names
 * and locations masked as for any booking).
 */
export const BOOKING_LIST_READERS: Readonly<Partial<Record<Role, Reach>>> = { COMMITTEE_ADMIN: 'any', GRID_WORKER: 'any', VIEWER: 'any', UNIT_ADMIN: 'ownUnit' };
/** Who publishes slots of an ON_SHELF project: the committee, or the project's own unit. */
export const SLOT_PUBLISHERS: Readonly<Partial<Record<Role, Reach>>> = { COMMITTEE_ADMIN: 'any', UNIT_ADMIN: 'ownUnit' };

export type IncubationAction = 'start' | 'graduate' | 'leave';

/**
 * 阳光驿站 (docs/adoption.md, Services): APPLIED -> INCUBATING (the committee
 * takes the organisation in, with a mentor unit) -> GRADUATED (出壳), or
 * LEFT from either live stage. The committee runs every step; the
 * application itself begins the record (INCUBATION_APPLICANTS).
 */
export const INCUBATION_LIFECYCLE: Lifecycle<IncubationStage, IncubationAction> = {
  start: { from: ['APPLIED'], to: 'INCUBATING', roles: { COMMITTEE_ADMIN: 'any' } },
  graduate: { from: ['INCUBATING'], to: 'GRADUATED', roles: { COMMITTEE_ADMIN: 'any' } },
  leave: { from: ['APPLIED', 'INCUBATING'], to: 'LEFT', roles: { COMMITTEE_ADMIN: 'any' } },
};
