import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { ApolloLink, Observable, execute, gql, type FetchResult } from '@apollo/client/core';
import { GraphQLError } from 'graphql';
import { guard, PASSWORD_CHANGE_ROUTE, type GuardSession } from '../guard';
import { useSessionStore } from '../../stores/session';
import { onPasswordChangeRequired, onSessionExpired, whileReauthenticating } from '../../lib/session-events';
import LoginView from '../../views/LoginView.vue';
import { mountAs, user } from '../../__tests__/mount';

const to = (name: string, meta: Record<string, unknown> = {}, fullPath = `/${name}`) => ({ name, meta, fullPath });
const session = (extra: Partial<GuardSession> = {}): GuardSession => ({ signedIn: true, role: 'GRID_WORKER', mustChangePassword: false, ...extra });

describe('the guard keeps a session with a temporary password on the change-password screen', () => {
  it('every route but that screen goes to it; the login page sends home, which goes to it too', () => {
    const must = session({ mustChangePassword: true });
    for (const route of [to('needs'), to('dashboard'), to('accounts', { roles: ['COMMITTEE_ADMIN'] }), to('notFound', {}, '/no/such/page'), to('home', {}, '/')]) {
      expect(guard(route, must)).toEqual({ name: PASSWORD_CHANGE_ROUTE });
    }
    expect(guard(to(PASSWORD_CHANGE_ROUTE), must)).toBe(true);
    expect(guard(to('login', { public: true }), must)).toEqual({ name: 'home' });
  });

  it('once changed, the screen leads home and the other routes are open again', () => {
    expect(guard(to(PASSWORD_CHANGE_ROUTE), session())).toEqual({ name: 'home' });
    expect(guard(to('needs'), session())).toBe(true);
    expect(guard(to('accounts', { roles: ['COMMITTEE_ADMIN'] }), session())).toEqual({ name: 'home' });
    expect(guard(to('accounts', { roles: ['COMMITTEE_ADMIN'] }), session({ role: 'COMMITTEE_ADMIN' }))).toBe(true);
  });

  it('signed out, the login page (with the way back); the screen is not public', () => {
    const out = session({ signedIn: false, role: null });
    expect(guard(to('login', { public: true }), out)).toBe(true);
    expect(guard(to(PASSWORD_CHANGE_ROUTE, {}, '/password'), out)).toEqual({ name: 'login', query: { redirect: '/password' } });
    expect(guard(to('needs'), out)).toEqual({ name: 'login', query: { redirect: '/needs' } });
  });
});

describe('the session link', () => {
  let expired: ReturnType<typeof vi.fn<(message: string | null, reason: string | null) => void>>;
  let mustChange: ReturnType<typeof vi.fn<() => void>>;
  beforeEach(() => {
    setActivePinia(createPinia());
    useSessionStore().signIn('token-1', user('UNIT_ADMIN'));
    expired = vi.fn<(message: string | null, reason: string | null) => void>();
    mustChange = vi.fn<() => void>();
    onSessionExpired(expired);
    onPasswordChangeRequired(mustChange);
  });

  async function request(answer: FetchResult, operationName = 'Needs', beforeAnswer?: () => void) {
    const { authLink, sessionLink } = await import('../../apollo');
    const terminating = new ApolloLink(
      () =>
        new Observable((o) => {
          beforeAnswer?.();
          o.next(answer);
          o.complete();
        }),
    );
    const link = ApolloLink.from([sessionLink, authLink, terminating]);
    await new Promise<void>((resolve) =>
      execute(link, { query: gql(`query ${operationName} { me { id } }`) }).subscribe({ complete: resolve, error: () => resolve() }),
    );
  }
  const failing = (code: string, message = 'text', reason?: string) => ({ errors: [new GraphQLError(message, { extensions: { code, reason } })] });

  it('PASSWORD_CHANGE_REQUIRED sends to the change-password screen', async () => {
    await request(failing('PASSWORD_CHANGE_REQUIRED'));
    expect(mustChange).toHaveBeenCalledTimes(1);
    expect(expired).not.toHaveBeenCalled();
  });

  it("UNAUTHENTICATED ends the session with the server's message and reason", async () => {
    const message = 'Your session has ended because the account was changed or disabled; please sign in again';
    await request(failing('UNAUTHENTICATED', message, 'SESSION_ENDED'));
    expect(expired).toHaveBeenCalledWith(message, 'SESSION_ENDED');
    expect(mustChange).not.toHaveBeenCalled();
  });

  it('not for the login itself, nor while signing in again, nor for a token replaced meanwhile', async () => {
    await request(failing('UNAUTHENTICATED'), 'Login');
    await whileReauthenticating(() => request(failing('UNAUTHENTICATED')));
    await request(failing('UNAUTHENTICATED'), 'Needs', () => useSessionStore().signIn('token-2', user('UNIT_ADMIN')));
    expect(expired).not.toHaveBeenCalled();
    await request(failing('UNAUTHENTICATED'));
    expect(expired).toHaveBeenCalledTimes(1);
  });
});

describe('the admin router', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('keeps a temporary-password session on /password whatever it asks for, and lets it go home after the change', async () => {
    const { router } = await import('../index');
    const s = useSessionStore();
    s.signIn('t', user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松风小学' }, mustChangePassword: true }));
    for (const path of ['/shelf', '/units', '/shelf/mine', '/accounts', '/']) {
      await router.push(path);
      expect(router.currentRoute.value.path, path).toBe('/password');
    }
    s.signIn('t2', user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松风小学' }, mustChangePassword: false }));
    await router.push('/shelf/mine');
    expect(router.currentRoute.value.name).toBe('myProjects');
    await router.push('/password');
    // Home for a liaison is 我的待办.
    expect(router.currentRoute.value.name).toBe('myTasks');
  });

  it('a request refused with PASSWORD_CHANGE_REQUIRED puts the session on /password', async () => {
    const { router } = await import('../index');
    const { passwordChangeRequired } = await import('../../lib/session-events');
    const s = useSessionStore();
    s.signIn('t', user('GRID_WORKER', { grid: { id: 'grid-1', name: '第一网格' } }));
    await router.push('/needs');
    expect(router.currentRoute.value.name).toBe('needs');
    passwordChangeRequired();
    await flushPromises();
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/password'));
    expect(s.mustChangePassword).toBe(true);
    expect(JSON.parse(localStorage.getItem('alliance.session')!).user.mustChangePassword).toBe(true);
  });

  it("an ended session goes to the login page with the server's message", async () => {
    const { router } = await import('../index');
    const { sessionExpired } = await import('../../lib/session-events');
    const s = useSessionStore();
    s.signIn('t', user('GRID_WORKER', { grid: { id: 'grid-1', name: '第一网格' } }));
    await router.push('/activities');
    sessionExpired('Your session has ended because the account was changed or disabled; please sign in again');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/activities'));
    expect(s.signedIn).toBe(false);
    expect(s.endedMessage).toContain('changed or disabled');
  });
});

describe('the login page', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });
  const routes = [
    { path: '/password', name: PASSWORD_CHANGE_ROUTE, component: { render: () => null } },
    { path: '/login', name: 'login', component: { render: () => null } },
  ];
  async function signIn(mustChangePassword: boolean) {
    const payload = { __typename: 'AuthPayload', token: 'tok', user: { __typename: 'User', ...user('GRID_WORKER', { username: 'grid-new', grid: { id: 'grid-1', name: '第一网格' } }), mustChangePassword } };
    // The login page signs in with one fetch, without Apollo (lib/sign-in.ts).
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ data: { login: payload } }), { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const mounted = await mountAs(LoginView, null, { routes });
    await mounted.router.push('/login?redirect=/needs');
    const set = (test: string, v: string) => {
      const el = document.body.querySelector<HTMLInputElement>(`input[data-test="${test}"], [data-test="${test}"] input`)!;
      el.value = v;
      el.dispatchEvent(new Event('input'));
    };
    set('login-username', 'grid-new');
    set('login-password', 'demo-password');
    document.body.querySelector<HTMLElement>('[data-test="login-submit"]')!.click();
    await vi.waitFor(() => expect(mounted.session.signedIn).toBe(true));
    await flushPromises();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(JSON.parse(init.body as string)).toMatchObject({ operationName: 'Login', variables: { username: 'grid-new', password: 'demo-password' } });
    return mounted;
  }

  it('a login whose user must change the password goes to the change-password screen, not to the page it came for', async () => {
    const { router, session } = await signIn(true);
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe(PASSWORD_CHANGE_ROUTE));
    expect(session.mustChangePassword).toBe(true);
  });

  it('any other login goes back to the page it came for', async () => {
    const { router } = await signIn(false);
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/needs'));
  });

  it("says why the session ended: the server's message under our sentence", async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const s = useSessionStore();
    s.signIn('x', user('UNIT_ADMIN'));
    s.signOut('accountChanged', 'Your session has ended because the account was changed or disabled; please sign in again');
    const { mount } = await import('@vue/test-utils');
    const { i18n } = await import('../../i18n');
    const { createRouter, createMemoryHistory } = await import('vue-router');
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:a(.*)*', component: { render: () => null } }] });
    mount(LoginView, { attachTo: document.body, global: { plugins: [pinia, i18n, router] } });
    await flushPromises();
    const alert = document.body.querySelector('[data-test="session-expired"]')!;
    expect(alert.textContent).toContain('账号已被修改或停用，本次登录已结束，请重新登录');
    expect(alert.textContent).toContain('服务器说明：Your session has ended because the account was changed or disabled');
  });
});
