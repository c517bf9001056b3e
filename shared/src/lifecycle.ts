import type { Role } from './enums.js';

/**
 * Lifecycles are data. Each action names the states it may start from, the
 * state it leads to, and for each role that may take it, how far that role
 * reaches:
 * - 'any': any record of the alliance;
 * - 'ownUnit': only records of the actor's own member unit;
 * - 'ownGrid': only records of the actor's own grid;
 * - 'assignee': only records assigned to the actor.
 * The server enforces these tables; the web derives its buttons from them.
 */
export type Reach = 'any' | 'ownUnit' | 'ownGrid' | 'assignee';

export interface Transition<S extends string> {
  readonly from: readonly S[];
  /** null: the action keeps the status (it records something without moving). */
  readonly to: S | null;
  /**
   * Other statuses the action may lead to, chosen by its input (a follow-up
   * with satisfaction 1..2 reopens; an edit of what residents read sends a
   * project back to review). The server refuses any status not named here.
   */
  readonly otherwise?: readonly S[];
  readonly roles: Readonly<Partial<Record<Role, Reach>>>;
}

export type Lifecycle<S extends string, A extends string> = Readonly<Record<A, Transition<S>>>;

/** Who is acting, as far as the lifecycle tables care. */
export interface Actor {
  role: Role;
  userId: string;
  unitId?: string | null;
  gridId?: string | null;
}

/** The record acted on, as far as reach is concerned. */
export interface Subject<S extends string> {
  status: S;
  unitIds?: readonly string[];
  gridId?: string | null;
  assigneeId?: string | null;
}

export function reaches(reach: Reach | undefined, actor: Actor, subject: Omit<Subject<string>, 'status'>): boolean {
  switch (reach) {
    case 'any':
      return true;
    case 'ownUnit':
      return !!actor.unitId && (subject.unitIds ?? []).includes(actor.unitId);
    case 'ownGrid':
      return !!actor.gridId && subject.gridId === actor.gridId;
    case 'assignee':
      return !!subject.assigneeId && subject.assigneeId === actor.userId;
    default:
      return false;
  }
}

export type Verdict = 'ALLOWED' | 'FORBIDDEN' | 'CONFLICT';

/**
 * FORBIDDEN when the actor may never take this action on this record;
 * CONFLICT when the actor could, but not from the record's current status.
 */
export function judge<S extends string, A extends string>(
  lifecycle: Lifecycle<S, A>,
  action: A,
  actor: Actor,
  subject: Subject<S>,
): Verdict {
  const t = lifecycle[action];
  if (!reaches(t.roles[actor.role], actor, subject)) return 'FORBIDDEN';
  if (!t.from.includes(subject.status)) return 'CONFLICT';
  return 'ALLOWED';
}

/** The actions this actor can take on this record now: what the UI offers. */
export function allowedActions<S extends string, A extends string>(
  lifecycle: Lifecycle<S, A>,
  actor: Actor,
  subject: Subject<S>,
): A[] {
  return (Object.keys(lifecycle) as A[]).filter((a) => judge(lifecycle, a, actor, subject) === 'ALLOWED');
}
