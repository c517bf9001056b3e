import { Authorized, getMetadataStorage, type AuthChecker } from 'type-graphql';
import type { Role } from '@alliance/shared';
import { AppError, forbidden, sessionRefused, unauthenticated } from './errors.js';
import type { RequestContext } from './context.js';

export const ALL_ROLES: readonly Role[] = ['COMMITTEE_ADMIN', 'UNIT_ADMIN', 'GRID_WORKER', 'VIEWER'];

/** The roles that may call this operation (default deny: an undeclared one does not start). */
export function Allow(...roles: Role[]): MethodDecorator & PropertyDecorator {
  if (roles.length === 0) throw new Error('Allow() needs at least one role; use Public() for anonymous operations');
  return Authorized(...roles);
}

const publicOperations = new Set<string>();

/** An operation anyone may call without a token (login, the residents' page). Declared, not defaulted. */
export function Public(): MethodDecorator {
  return (target, propertyKey) => {
    publicOperations.add(`${(target as { constructor: { name: string } }).constructor.name}.${String(propertyKey)}`);
  };
}

/** What a session signed in with a temporary password may still do (docs/adoption.md: Accounts). */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['Query.me', 'Mutation.changePassword']);

export const authChecker: AuthChecker<RequestContext, Role> = ({ context, info }, roles) => {
  if (!context.user) throw context.authProblem ? sessionRefused(context.authProblem) : unauthenticated();
  if (context.user.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(`${info.parentType.name}.${info.fieldName}`)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Change your temporary password before anything else (changePassword)');
  }
  if (!roles.includes(context.user.role)) throw forbidden();
  return true;
};

export interface OperationDeclaration {
  kind: 'Query' | 'Mutation';
  name: string;
  roles: readonly Role[] | 'PUBLIC' | null;
}

/** Every query and mutation with the roles it declares (null: undeclared). */
export function operationDeclarations(): OperationDeclaration[] {
  const storage = getMetadataStorage();
  const authorized = new Map(storage.authorizedFields.map((f) => [`${f.target.name}.${f.fieldName}`, f.roles as Role[]]));
  const list = (kind: 'Query' | 'Mutation', defs: typeof storage.queries) =>
    defs.map((d) => {
      const key = `${d.target.name}.${d.methodName}`;
      const roles = authorized.get(key);
      return {
        kind,
        name: d.schemaName,
        roles: publicOperations.has(key) ? ('PUBLIC' as const) : roles && roles.length > 0 ? roles : null,
      };
    });
  return [...list('Query', storage.queries), ...list('Mutation', storage.mutations)];
}

export function assertEveryOperationDeclared(): void {
  const storage = getMetadataStorage();
  const both = storage.authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`).filter((key) => publicOperations.has(key));
  // Public() and Allow() together would leave the reader guessing which one holds: refuse to start.
  if (both.length) throw new Error(`operations declared both public and for roles: ${both.join(', ')}`);
  const missing = operationDeclarations().filter((d) => d.roles === null);
  if (missing.length) {
    throw new Error(`operations without declared roles (default deny): ${missing.map((m) => `${m.kind}.${m.name}`).join(', ')}`);
  }
}
