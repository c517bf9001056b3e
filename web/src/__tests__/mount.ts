import { mount, flushPromises, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { ApolloClient, ApolloLink, InMemoryCache, Observable, type FetchResult, type Operation } from '@apollo/client/core';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import type { Component } from 'vue';
import type { Role } from '@alliance/shared';
import { i18n, setLocale } from '../i18n';
import { useSessionStore, type SessionUser } from '../stores/session';

export type Handler = (op: Operation) => FetchResult | Promise<FetchResult>;

/** The alliance every mounted component sees (categories and grids for forms). */
export const ALLIANCE = {
  __typename: 'Alliance',
  id: 'a1',
  name: '松山社区区域化党建联盟',
  regionName: '呼伦贝尔市海拉尔区健康街道松山社区',
  categories: [
    { __typename: 'ServiceCategory', id: 'c1', code: 'PARTY_MASS_SERVICE', name: '党群服务' },
    { __typename: 'ServiceCategory', id: 'c2', code: 'ENVIRONMENT_SANITATION', name: '环境卫生' },
    { __typename: 'ServiceCategory', id: 'c3', code: 'LIVELIHOOD_SECURITY', name: '民生保障' },
  ],
  grids: [
    { __typename: 'Grid', id: 'grid-1', name: '第一网格', branchName: '第一网格党支部' },
    { __typename: 'Grid', id: 'grid-2', name: '第二网格', branchName: '第二网格党支部' },
  ],
};

/** An Apollo client whose every request is answered by `handler` (and recorded). */
export function mockClient(handler: Handler) {
  const calls: Operation[] = [];
  const link = new ApolloLink(
    (op) =>
      new Observable((observer) => {
        calls.push(op);
        Promise.resolve(op.operationName === 'Alliance' ? { data: { alliance: ALLIANCE } } : handler(op))
          .then((r) => {
            observer.next(r);
            observer.complete();
          })
          .catch((e) => observer.error(e));
      }),
  );
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), calls };
}

export function user(role: Role, extra: Partial<SessionUser> = {}): SessionUser {
  return { id: `u-${role}`, username: role.toLowerCase(), displayName: role, role, unit: null, grid: null, ...extra };
}

/** Mounts with pinia (signed in as `as`), i18n, a router and a mocked Apollo client. */
export async function mountAs<C extends Component>(
  component: C,
  as: SessionUser | null,
  options: ComponentMountingOptions<C> & { handler?: Handler; locale?: 'zh-CN' | 'en'; routes?: RouteRecordRaw[] } = {},
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  if (as) session.signIn('token', as);
  else session.signOut('loggedOut');
  await setLocale(options.locale ?? 'zh-CN');
  const { client, calls } = mockClient(options.handler ?? (() => ({ data: {} })));
  const blank = { render: () => null };
  const router = createRouter({ history: createMemoryHistory(), routes: [...(options.routes ?? []), { path: '/:any(.*)*', name: 'any', component: blank }] });
  const wrapper = mount(component, {
    ...options,
    attachTo: document.body,
    global: {
      plugins: [pinia, i18n, router],
      provide: { [DefaultApolloClient as symbol]: client },
      stubs: { transition: false, 'transition-group': false, 'router-link': { template: '<a><slot /></a>' }, RouterLink: { template: '<a><slot /></a>' } },
      ...(options.global ?? {}),
    },
  } as ComponentMountingOptions<C>);
  await flushPromises();
  return { wrapper, calls, client, session, router };
}
