import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Actor, Role } from '@alliance/shared';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: { id: string; name: string } | null;
  grid: { id: string; name: string } | null;
  /** Signed in with a temporary password: nothing but changing it until it is changed. */
  mustChangePassword?: boolean;
}

const STORAGE_KEY = 'alliance.session';

interface Saved {
  token: string;
  user: SessionUser;
}

function load(): Saved | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Saved) : null;
  } catch {
    return null;
  }
}

/**
 * Why the user was sent back to the login page, shown there once:
 * `expired` (the server refused the token; its message says why), `loggedOut`,
 * `passwordChanged` (the password was changed but signing in again with it failed).
 */
/** accountChanged: the server ended the session because the account was disabled or changed (SESSION_ENDED). */
export type EndedReason = 'expired' | 'accountChanged' | 'loggedOut' | 'passwordChanged';

/** The signed-in user and token, kept across reloads in localStorage. */
export const useSessionStore = defineStore('session', () => {
  const saved = load();
  const token = ref<string | null>(saved?.token ?? null);
  const user = ref<SessionUser | null>(saved?.user ?? null);
  const endedReason = ref<EndedReason | null>(null);
  /** The server's own words about the ended session (UNAUTHENTICATED's message), if it said any. */
  const endedMessage = ref<string | null>(null);

  const signedIn = computed(() => !!token.value && !!user.value);
  const role = computed<Role | null>(() => user.value?.role ?? null);
  const mustChangePassword = computed(() => !!user.value?.mustChangePassword);
  /** The user as the lifecycle tables of @alliance/shared see them. */
  const actor = computed<Actor | null>(() =>
    user.value
      ? { role: user.value.role, userId: user.value.id, unitId: user.value.unit?.id ?? null, gridId: user.value.grid?.id ?? null }
      : null,
  );

  function save() {
    if (token.value && user.value) globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ token: token.value, user: user.value } satisfies Saved));
  }

  function signIn(newToken: string, newUser: SessionUser) {
    token.value = newToken;
    user.value = newUser;
    endedReason.value = null;
    endedMessage.value = null;
    save();
  }

  /** The server answered PASSWORD_CHANGE_REQUIRED: this session may only change the password now. */
  function requirePasswordChange() {
    if (!user.value || user.value.mustChangePassword) return;
    user.value = { ...user.value, mustChangePassword: true };
    save();
  }

  function signOut(reason: EndedReason, message: string | null = null) {
    token.value = null;
    user.value = null;
    endedReason.value = reason;
    endedMessage.value = message;
    globalThis.localStorage?.removeItem(STORAGE_KEY);
  }

  return { token, user, role, actor, signedIn, mustChangePassword, endedReason, endedMessage, signIn, signOut, requirePasswordChange };
});
