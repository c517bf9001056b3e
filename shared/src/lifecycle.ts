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
  /**
   * The resident who made the record may take this step too, from the
   * residents' page: with the record's tracking code and the last 4 digits
   * of the phone it was made with (no account).
   */
  readonly resident?: boolean;
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

/** One status-changing action on the way from one status to another. */
export interface LifecycleStep<S extends string, A extends string> {
  action: A;
  from: S;
  to: S;
}

/**
 * The legal way a record moves from `from` to `to` through the table: the
 * fewest status-changing actions, the table's order breaking ties, so the
 * ordinary loop wins over the corrections (which are never shorter). Used
 * wherever a history is written without the services (the demo seed, the
 * benchmark generator), so that history follows the same table the server
 * enforces. [] when already there; throws when the table has no such way.
 */
export function lifecyclePath<S extends string, A extends string>(
  lifecycle: Lifecycle<S, A>,
  from: S,
  to: S,
): LifecycleStep<S, A>[] {
  const cameBy = new Map<S, LifecycleStep<S, A> | null>([[from, null]]);
  const queue: S[] = [from];
  while (queue.length && !cameBy.has(to)) {
    const at = queue.shift()!;
    for (const action of Object.keys(lifecycle) as A[]) {
      const t = lifecycle[action];
      if (t.to === null || !t.from.includes(at) || cameBy.has(t.to)) continue;
      cameBy.set(t.to, { action, from: at, to: t.to });
      queue.push(t.to);
    }
  }
  if (!cameBy.has(to)) throw new Error(`no legal way from ${from} to ${to}`);
  const steps: LifecycleStep<S, A>[] = [];
  for (let step = cameBy.get(to); step; step = cameBy.get(step.from)) steps.unshift(step);
  return steps;
}

/** lifecyclePath through each of `statuses` in turn (e.g. DRAFT, OPEN, CANCELLED: published, then cancelled). */
export function lifecyclePathThrough<S extends string, A extends string>(lifecycle: Lifecycle<S, A>, statuses: readonly S[]): LifecycleStep<S, A>[] {
  return statuses.slice(1).flatMap((s, i) => lifecyclePath(lifecycle, statuses[i]!, s));
}
