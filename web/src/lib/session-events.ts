/**
 * A tiny bridge so the Apollo link (outside any component) can send the user
 * back to the login page; the router registers the handler.
 */
let handler: (() => void) | null = null;

export function onSessionExpired(fn: () => void) {
  handler = fn;
}

export function sessionExpired() {
  handler?.();
}
