import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';
import type { Role } from '@alliance/shared';

/** What the guard needs of the session store. */
export interface GuardSession {
  signedIn: boolean;
  role: Role | null;
  mustChangePassword: boolean;
}

/** The screen a session with a temporary password is kept on (its route name). */
export const PASSWORD_CHANGE_ROUTE = 'passwordChange';

/**
 * Where a navigation may go: public pages for everyone (the login page sends a
 * signed-in user home), the rest after signing in and for the route's roles.
 * A session that must change its password stays on the change-password screen
 * whatever it asks for (signing out is the way off it); afterwards that screen
 * leads home.
 */
export function guard(to: Pick<RouteLocationNormalized, 'name' | 'meta' | 'fullPath'>, session: GuardSession): true | RouteLocationRaw {
  if (to.meta.public) return to.name === 'login' && session.signedIn ? { name: 'home' } : true;
  if (!session.signedIn) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  if (session.mustChangePassword) return to.name === PASSWORD_CHANGE_ROUTE ? true : { name: PASSWORD_CHANGE_ROUTE };
  if (to.name === PASSWORD_CHANGE_ROUTE) return { name: 'home' };
  if (to.meta.roles && !to.meta.roles.includes(session.role!)) return { name: 'home' };
  return true;
}
