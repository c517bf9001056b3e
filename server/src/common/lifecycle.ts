import { judge, type Actor, type Lifecycle, type Role, type Subject } from '@alliance/shared';
import { conflict, forbidden } from '../graphql/errors.js';
import type { AuthUser } from '../modules/auth/tokens.js';

export function actorOf(user: AuthUser): Actor {
  return { role: user.role, userId: user.id, unitId: user.unitId, gridId: user.gridId };
}

/** Refuses an action the lifecycle table does not allow: FORBIDDEN for the role, CONFLICT for the state. */
export function enforce<S extends string, A extends string>(
  lifecycle: Lifecycle<S, A>,
  action: A,
  user: AuthUser,
  subject: Subject<S>,
): void {
  const verdict = judge(lifecycle, action, actorOf(user), subject);
  if (verdict === 'FORBIDDEN') throw forbidden(`Your role may not ${action} this record`);
  if (verdict === 'CONFLICT') throw conflict(`Cannot ${action} a record in status ${subject.status}`);
}

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
