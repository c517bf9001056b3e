import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { RouteRecordRaw } from 'vue-router';
import OpenTabs from '../shell/OpenTabs.vue';
import AppBreadcrumb from '../shell/AppBreadcrumb.vue';
import { mountAs, user } from '../../__tests__/mount';

/** The shell's navigation (issue 16): 多标签页 and breadcrumbs, both made of real links. */

const blank = { render: () => null };
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', redirect: '/dashboard' },
  { path: '/dashboard', name: 'dashboard', component: blank, meta: { title: 'nav.dashboard' } },
  { path: '/needs', name: 'needs', component: blank, meta: { title: 'nav.needs' } },
  { path: '/needs/:id', name: 'need', component: blank, meta: { title: 'needs.detail', parent: 'needs' } },
];
// Real RouterLinks (mountAs stubs them by default): the tabs and crumbs must be <a href>.
const realLinks = { global: { stubs: { transition: false, 'transition-group': false } } };

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  document.body.innerHTML = '';
});

const tabTexts = (w: Awaited<ReturnType<typeof mountAs>>['wrapper']) => w.findAll('[data-test="open-tab"] .tab-link').map((a) => a.text());

describe('open tabs (多标签页)', () => {
  it('opens a tab per page visited, as links, highlights the current one and keeps them for the session', async () => {
    const { wrapper, router } = await mountAs(OpenTabs, user('COMMITTEE_ADMIN'), { routes, ...realLinks });
    for (const path of ['/dashboard', '/needs', '/needs/n1', '/needs?grid=g1']) {
      await router.push(path);
      await flushPromises();
    }
    // The board's tab follows its filter; the need has a tab of its own.
    expect(tabTexts(wrapper)).toEqual(['数据看板', '民生微实事', '需求详情']);
    expect(wrapper.findAll('[data-test="open-tab"] a').map((a) => a.attributes('href'))).toEqual(['/dashboard', '/needs?grid=g1', '/needs/n1']);
    const current = wrapper.findAll('[data-test="open-tab"].active');
    expect(current.map((t) => t.attributes('data-path'))).toEqual(['/needs']);
    expect(current[0]!.find('a').attributes('aria-current')).toBe('page');
    expect(JSON.parse(sessionStorage.getItem('alliance.tabs.u-COMMITTEE_ADMIN')!).map((t: { path: string }) => t.path)).toEqual(['/dashboard', '/needs', '/needs/n1']);

    // A reload (a new mount) finds them again.
    wrapper.unmount();
    const again = await mountAs(OpenTabs, user('COMMITTEE_ADMIN'), { routes, ...realLinks });
    await again.router.push('/dashboard');
    await flushPromises();
    expect(tabTexts(again.wrapper)).toEqual(['数据看板', '民生微实事', '需求详情']);
  });

  it('closing the current tab goes to the next one; close others keeps the current page only', async () => {
    const { wrapper, router } = await mountAs(OpenTabs, user('COMMITTEE_ADMIN'), { routes, ...realLinks });
    for (const path of ['/dashboard', '/needs/n1', '/needs']) {
      await router.push(path);
      await flushPromises();
    }
    await router.push('/needs/n1');
    await flushPromises();
    await wrapper.find('[data-test="open-tab"][data-path="/needs/n1"] [data-test="open-tab-close"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/needs');
    expect(tabTexts(wrapper)).toEqual(['数据看板', '民生微实事']);
    // The close button says which page it closes (it has no text of its own).
    expect(wrapper.find('[data-test="open-tab-close"]').attributes('aria-label')).toBe('关闭 数据看板');

    await wrapper.find('[data-test="open-tabs-menu-button"]').trigger('click');
    await flushPromises();
    (document.querySelector('[data-test="open-tabs-close-others"]') as HTMLElement).click();
    await flushPromises();
    expect(tabTexts(wrapper)).toEqual(['民生微实事']);
    // The last tab cannot be closed.
    expect(wrapper.find('[data-test="open-tab-close"]').exists()).toBe(false);
  });

  it("another account signing in on the same browser sees none of the previous one's tabs", async () => {
    sessionStorage.setItem('alliance.tabs.u-COMMITTEE_ADMIN', JSON.stringify([{ path: '/needs/secret', fullPath: '/needs/secret', title: 'needs.detail' }]));
    const { wrapper, router } = await mountAs(OpenTabs, user('VIEWER'), { routes, ...realLinks });
    await router.push('/dashboard');
    await flushPromises();
    expect(tabTexts(wrapper)).toEqual(['数据看板']);
  });
});

describe('breadcrumbs', () => {
  it("name the page under its parent and home, in the user's language, each step a link but the last", async () => {
    const { wrapper, router } = await mountAs(AppBreadcrumb, user('COMMITTEE_ADMIN'), { routes, ...realLinks });
    await router.push('/needs/n1');
    await flushPromises();
    const steps = (w: typeof wrapper) => w.findAll('.el-breadcrumb__inner').map((i) => i.text());
    expect(steps(wrapper)).toEqual(['首页', '民生微实事', '需求详情']);
    // Home is the role's own start page, through the / redirect.
    expect(wrapper.find('[data-test="breadcrumb-home"]').attributes('href')).toBe('/');
    expect(wrapper.find('[data-test="breadcrumb-link"]').attributes('href')).toBe('/needs');
    expect(wrapper.find('[data-test="breadcrumb-current"]').attributes('aria-current')).toBe('page');

    const en = await mountAs(AppBreadcrumb, user('COMMITTEE_ADMIN'), { routes, ...realLinks, locale: 'en' });
    await en.router.push('/dashboard');
    await flushPromises();
    expect(steps(en.wrapper)).toEqual(['Home', 'Dashboard']);
  });
});
