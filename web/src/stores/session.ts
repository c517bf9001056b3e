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

/** The signed-in user and token, kept across reloads in localStorage. */
export const useSessionStore = defineStore('session', () => {
  const saved = load();
  const token = ref<string | null>(saved?.token ?? null);
  const user = ref<SessionUser | null>(saved?.user ?? null);
  /** Why the user was sent back to the login page, shown there once. */
  const endedReason = ref<'expired' | 'loggedOut' | null>(null);

  const signedIn = computed(() => !!token.value && !!user.value);
  const role = computed<Role | null>(() => user.value?.role ?? null);
  /** The user as the lifecycle tables of @alliance/shared see them. */
  const actor = computed<Actor | null>(() =>
    user.value
      ? { role: user.value.role, userId: user.value.id, unitId: user.value.unit?.id ?? null, gridId: user.value.grid?.id ?? null }
      : null,
  );

  function signIn(newToken: string, newUser: SessionUser) {
    token.value = newToken;
    user.value = newUser;
    endedReason.value = null;
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ token: newToken, user: newUser } satisfies Saved));
  }

  function signOut(reason: 'expired' | 'loggedOut') {
    token.value = null;
    user.value = null;
    endedReason.value = reason;
    globalThis.localStorage?.removeItem(STORAGE_KEY);
  }

  return { token, user, role, actor, signedIn, endedReason, signIn, signOut };
});
