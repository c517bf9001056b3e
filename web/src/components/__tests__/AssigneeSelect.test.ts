import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import AssigneeSelect from '../needs/AssigneeSelect.vue';
import { mountAs, user } from '../../__tests__/mount';

const person = (id: string, displayName: string, role: string, extra: { grid?: string; unit?: string } = {}) => ({
  __typename: 'User',
  id,
  displayName,
  role,
  grid: extra.grid ? { __typename: 'Grid', id: extra.grid, name: extra.grid } : null,
  unit: extra.unit ? { __typename: 'MemberUnit', id: extra.unit, name: extra.unit } : null,
});
const USERS = [
  person('u-power', '孙强（供电服务站）', 'UNIT_ADMIN', { unit: 'unit-power' }),
  person('u-school', '林晓燕（松风小学）', 'UNIT_ADMIN', { unit: 'unit-school' }),
  person('u-grid1', '张建国（第一网格）', 'GRID_WORKER', { grid: 'grid-1' }),
  person('u-viewer', '王主任（健康街道）', 'VIEWER'),
];
const NEED = { grid: { id: 'grid-1' }, claimedBy: [{ id: 'unit-power' }], orderedProjects: [] };
const body = () => document.body;
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 50));
  await flushPromises();
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('AssigneeSelect (派单 and 改派 share it)', () => {
  it('groups the need\'s people first, names its data-test attributes by testId, greys out the excluded person and sets the model', async () => {
    const { wrapper } = await mountAs(AssigneeSelect, user('COMMITTEE_ADMIN'), {
      props: { need: NEED, testId: 'reassign', excludeId: 'u-grid1', modelValue: '', 'onUpdate:modelValue': (v: string) => wrapper.setProps({ modelValue: v }) },
      handler: () => ({ data: { users: USERS } }),
    });
    await settle();
    body().querySelector<HTMLElement>('[data-test="reassign-select"] .el-select__wrapper')?.click();
    await settle();
    const groups = [...body().querySelectorAll('[data-test^="reassign-group-"]')].map((g) => [
      g.getAttribute('data-test'),
      [...g.querySelectorAll('[data-test^="reassign-option-"]')].map((o) => o.getAttribute('data-test')),
    ]);
    expect(groups).toEqual([
      ['reassign-group-suggested', ['reassign-option-u-grid1', 'reassign-option-u-power']],
      ['reassign-group-UNIT_ADMIN', ['reassign-option-u-school']],
    ]);
    expect(body().querySelector('[data-test="reassign-option-u-grid1"]')!.classList.contains('is-disabled')).toBe(true);
    expect(body().querySelector('[data-test="reassign-option-u-power"]')!.classList.contains('is-disabled')).toBe(false);
    body().querySelector<HTMLElement>('[data-test="reassign-option-u-power"]')!.click();
    await settle();
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['u-power']);
  });

  it('says when the users cannot be loaded', async () => {
    await mountAs(AssigneeSelect, user('COMMITTEE_ADMIN'), {
      props: { need: NEED, testId: 'assign', modelValue: '' },
      handler: () => ({ errors: [new GraphQLError('boom', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] }),
    });
    await settle();
    expect(body().querySelector('.load-error')?.textContent).toContain('加载失败');
  });
});
