import { checkPasswordShape, type InvalidReason } from '@alliance/shared';

/**
 * Why a new password would be refused, as far as the admin can tell: the
 * shared shape rules (length for the role, not the username, no control
 * characters), then not the current one (the server's SAME_AS_CURRENT). The
 * server adds its list of common passwords (TOO_COMMON).
 */
export function newPasswordReason(password: string, current: string, username: string, role: string): InvalidReason | null {
  return checkPasswordShape(password, username, role) ?? (current && password === current ? 'SAME_AS_CURRENT' : null);
}

/** A temporary password the server issued (createUser, resetUserPassword), shown once. */
export interface IssuedPassword {
  username: string;
  displayName: string;
  password: string;
  /** Created with the account, or a reset. */
  kind: 'created' | 'reset';
}
