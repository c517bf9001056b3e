import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { ApolloError } from '@apollo/client/core';
import ErrorState from '../states/ErrorState.vue';
import NeedsBoardView from '../../views/needs/NeedsBoardView.vue';
import ShelfView from '../../views/shelf/ShelfView.vue';
import { mountAs, user } from '../../__tests__/mount';

/** A page's states (issue 16): the reason and 重试 instead of empty data, and empty states that say what to do. */

afterEach(() => {
  document.body.innerHTML = '';
});

const BOARD_KEYS = ['reported', 'accepted', 'ordered', 'planned', 'inProgress', 'resolved', 'closed', 'rejected'];
const emptyBoard = () => ({ data: Object.fromEntries(BOARD_KEYS.map((k) => [k, { __typename: 'NeedConnection', totalCount: 0, nodes: [] }])) });

describe('ErrorState', () => {
  it("says the error's reason in Chinese (from its code) and retries when asked", async () => {
    let retried = 0;
    const error = new ApolloError({ graphQLErrors: [new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } })] });
    const { wrapper } = await mountAs(ErrorState, user('VIEWER'), { props: { error, retry: () => retried++ } });
    expect(wrapper.find('[data-test="error-state"]').attributes('data-code')).toBe('FORBIDDEN');
    expect(wrapper.find('[data-test="error-reason"]').text()).toBe('您没有权限执行此操作');
    expect(wrapper.text()).toContain('加载失败');
    await wrapper.find('[data-test="error-retry"]').trigger('click');
    expect(retried).toBe(1);
  });

  it('names a lost connection as such, in English too', async () => {
    const error = new ApolloError({ networkError: new TypeError('Failed to fetch') });
    const { wrapper } = await mountAs(ErrorState, user('VIEWER'), { props: { error, retry: () => undefined }, locale: 'en' });
    expect(wrapper.find('[data-test="error-reason"]').text()).toBe('Cannot reach the server; check the connection and try again');
    expect(wrapper.find('[data-test="error-retry"]').text()).toBe('Retry');
  });

  it('keeps showing itself when the retry fails again (no unhandled rejection)', async () => {
    const error = new ApolloError({ networkError: new TypeError('Failed to fetch') });
    const { wrapper } = await mountAs(ErrorState, user('VIEWER'), { props: { error, retry: () => Promise.reject(error) } });
    await wrapper.find('[data-test="error-retry"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="error-state"]').exists()).toBe(true);
  });
});

describe('the needs board when the server fails', () => {
  it('shows the reason and 重试 instead of eight empty columns; 重试 asks again and then shows what is true', async () => {
    let asked = 0;
    const { wrapper } = await mountAs(NeedsBoardView, user('COMMITTEE_ADMIN'), {
      handler: (op) => {
        if (op.operationName !== 'NeedsBoard') return { data: {} };
        asked++;
        return asked === 1 ? { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } : emptyBoard();
      },
    });
    expect(wrapper.find('[data-test="error-reason"]').text()).toBe('服务器出错了，请稍后再试');
    // Nothing that looks like data: no board, no columns, no "0 暂无数据".
    expect(wrapper.find('[data-test="needs-board"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('暂无数据');

    await wrapper.find('[data-test="error-retry"]').trigger('click');
    await flushPromises();
    expect(asked).toBe(2);
    expect(wrapper.find('[data-test="error-state"]').exists()).toBe(false);
    // An alliance with no needs at all: what to do next, for those who may report.
    expect(wrapper.find('[data-test="empty-state"]').text()).toContain('暂无需求，点击“上报需求”登记居民反映的问题');
  });
});

describe('empty states say what to do next', () => {
  const emptyShelf = { data: { shelfProjects: { __typename: 'ShelfProjectConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false }, nodes: [] } } };

  it('an empty shelf tells a unit to use 新建项目, with the button there', async () => {
    const { wrapper } = await mountAs(ShelfView, user('UNIT_ADMIN', { unit: { __typename: 'MemberUnit', id: 'unit-1', name: '供电服务站' } as never }), { handler: () => emptyShelf });
    expect(wrapper.find('[data-test="empty-state"]').text()).toContain('暂无货架项目，点击“新建项目”上架');
    expect(wrapper.find('[data-test="empty-new-project"]').exists()).toBe(true);
  });

  it('the viewer, who cannot offer projects, is told where they come from', async () => {
    const { wrapper } = await mountAs(ShelfView, user('VIEWER'), { handler: () => emptyShelf });
    expect(wrapper.find('[data-test="empty-state"]').text()).toContain('成员单位上架后会显示在这里');
    expect(wrapper.find('[data-test="empty-new-project"]').exists()).toBe(false);
  });
});
