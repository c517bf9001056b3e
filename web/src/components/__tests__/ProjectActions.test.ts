import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import ProjectActions from '../shelf/ProjectActions.vue';
import type { ProjectFieldsFragment } from '../../gql/graphql';
import { mountAs, user } from '../../__tests__/mount';

// Shaped as the server answers (with __typename), for the Apollo cache.
const project = (status: ProjectFieldsFragment['status'], unitId = 'unit-1') =>
  ({
    __typename: 'ShelfProject',
    id: 'p1',
    title: '楼道照明维修',
    description: '为老旧小区楼道更换照明',
    status,
    reviewComment: null,
    capacityPerMonth: 4,
    tags: ['照明'],
    orderCount: 0,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    version: 1,
    category: { __typename: 'ServiceCategory', id: 'c1', code: 'LIVELIHOOD_SECURITY', name: '民生保障' },
    unit: { __typename: 'MemberUnit', id: unitId, name: '松林医院' },
  }) as ProjectFieldsFragment;

const buttons = (root: { findAll: (s: string) => { attributes: (n: string) => string | undefined }[] }) =>
  root.findAll('[data-test^="action-"]').map((b) => b.attributes('data-test'));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ProjectActions shows exactly the allowed buttons', () => {
  it('a unit admin on its own draft: edit and submit', async () => {
    const { wrapper } = await mountAs(ProjectActions, user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松林医院' } }), { props: { project: project('DRAFT') } });
    expect(buttons(wrapper)).toEqual(['action-edit', 'action-submit']);
    expect(wrapper.text()).toContain('提交审核');
  });

  it("a unit admin on another unit's project: nothing", async () => {
    const { wrapper } = await mountAs(ProjectActions, user('UNIT_ADMIN', { unit: { id: 'unit-1', name: 'x' } }), { props: { project: project('DRAFT', 'unit-2') } });
    expect(buttons(wrapper)).toEqual([]);
  });

  it('the committee on a project under review: edit, approve, reject', async () => {
    const { wrapper } = await mountAs(ProjectActions, user('COMMITTEE_ADMIN'), { props: { project: project('PENDING_REVIEW') } });
    expect(buttons(wrapper)).toEqual(['action-edit', 'action-approve', 'action-reject']);
  });

  it('a viewer sees no button, whatever the status', async () => {
    for (const s of ['DRAFT', 'PENDING_REVIEW', 'ON_SHELF'] as const) {
      const { wrapper } = await mountAs(ProjectActions, user('VIEWER'), { props: { project: project(s) } });
      expect(buttons(wrapper)).toEqual([]);
      wrapper.unmount();
    }
  });

  it('the labels follow the locale', async () => {
    const { wrapper } = await mountAs(ProjectActions, user('COMMITTEE_ADMIN'), { props: { project: project('ON_SHELF') }, locale: 'en' });
    expect(wrapper.find('[data-test="action-takeDown"]').text()).toBe('Take down');
  });

  it('approving sends the mutation and reports the new project', async () => {
    const { wrapper, calls } = await mountAs(ProjectActions, user('COMMITTEE_ADMIN'), {
      props: { project: project('PENDING_REVIEW') },
      handler: (op) =>
        op.operationName === 'ReviewShelfProject' ? { data: { reviewShelfProject: { ...project('ON_SHELF'), version: 2 } } } : { data: null },
    });
    await wrapper.find('[data-test="action-approve"]').trigger('click');
    await flushPromises();
    const mutations = calls.filter((c) => c.operationName === 'ReviewShelfProject');
    expect(mutations.map((c) => c.variables)).toEqual([{ id: 'p1', approve: true }]);
    expect(wrapper.emitted('changed')?.[0]?.[0]).toMatchObject({ status: 'ON_SHELF' });
  });
});
