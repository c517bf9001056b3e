import { judge, type Actor, type Lifecycle, type Role, type Subject } from '@alliance/shared';
import { conflict, forbidden } from '../graphql/errors.js';
import type { AuthUser } from '../modules/auth/tokens.js';

export function actorOf(user: AuthUser): Actor {
  return { role: user.role, userId: user.id, unitId: user.unitId, gridId: user.gridId };
}

/** Who takes a step: a signed-in user, or the resident who made the record (the residents' page, by its tracking code). */
export type StepTaker = AuthUser | 'RESIDENT';

/** Refuses an action the lifecycle table does not allow: FORBIDDEN for the role (or the resident), CONFLICT for the state. */
export function enforce<S extends string, A extends string>(
  lifecycle: Lifecycle<S, A>,
  action: A,
  by: StepTaker,
  subject: Subject<S>,
): void {
  const verdict = by === 'RESIDENT' ? judgeResident(lifecycle, action, subject) : judge(lifecycle, action, actorOf(by), subject);
  if (verdict === 'FORBIDDEN') throw forbidden(`${by === 'RESIDENT' ? 'A resident' : 'Your role'} may not ${action} this record`);
  if (verdict === 'CONFLICT') throw conflict(`Cannot ${action} a record in status ${subject.status}`);
}

/** judge() for the resident: the row must name them (`resident`), then the status must be one it starts from. */
function judgeResident<S extends string, A extends string>(lifecycle: Lifecycle<S, A>, action: A, subject: Subject<S>): 'ALLOWED' | 'FORBIDDEN' | 'CONFLICT' {
  const t = lifecycle[action];
  if (!t.resident) return 'FORBIDDEN';
  return t.from.includes(subject.status) ? 'ALLOWED' : 'CONFLICT';
}

/** The account behind a step, for its event and the audit log; none for a resident. */
export const actorIdOf = (by: StepTaker): string | null => (by === 'RESIDENT' ? null : by.id);

/** The roles a lifecycle action names: operations declare exactly these. */
export function rolesOf<S extends string, A extends string>(lifecycle: Lifecycle<S, A>, ...actions: A[]): Role[] {
  return [...new Set(actions.flatMap((a) => Object.keys(lifecycle[a].roles) as Role[]))];
}

/**
 * The status an allowed action leads to: the table's `to` (null: the status
 * stays), or one of its `otherwise` when the step's input chose it. Any other
 * is a bug in the caller, not the user's doing.
 */
export function destination<S extends string, A extends string>(lifecycle: Lifecycle<S, A>, action: A, from: S, chosen?: S | null): S {
  const row = lifecycle[action];
  if (chosen == null || chosen === (row.to ?? from)) return row.to ?? from;
  if (row.otherwise?.includes(chosen)) return chosen;
  throw new Error(`The lifecycle table does not let ${action} lead to ${chosen}`);
}
