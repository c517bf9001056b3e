/**
 * A tiny bridge so the Apollo link (outside any component) can send the user
 * back to the login page, or to the change-password screen; the router
 * registers the handlers.
 */
let expiredHandler: ((message: string | null, reason: string | null) => void) | null = null;
let passwordHandler: (() => void) | null = null;
let holds = 0;

export function onSessionExpired(fn: (message: string | null, reason: string | null) => void) {
  expiredHandler = fn;
}

export function onPasswordChangeRequired(fn: () => void) {
  passwordHandler = fn;
}

/** A request was refused as UNAUTHENTICATED; `message` is the server's words, `reason` its code (SessionEndReason). */
export function sessionExpired(message: string | null = null, reason: string | null = null) {
  if (holds > 0) return;
  expiredHandler?.(message, reason);
}

/** A request was refused as PASSWORD_CHANGE_REQUIRED. */
export function passwordChangeRequired() {
  if (holds > 0) return;
  passwordHandler?.();
}

/**
 * Runs `fn` while the session is knowingly replaced (a password change ends
 * every session of the account, and the admin signs in again at once): a
 * request that fails meanwhile with the old token does not end the new session.
 */
export async function whileReauthenticating<T>(fn: () => Promise<T>): Promise<T> {
  holds++;
  try {
    return await fn();
  } finally {
    holds--;
  }
}
