import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import NeedActions from '../needs/NeedActions.vue';
import type { NeedFieldsFragment } from '../../gql/graphql';
import { mountAs, user, type Handler } from '../../__tests__/mount';

// Shaped as the server answers (with __typename), for the Apollo cache.
const unit = (id: string, name: string) => ({ __typename: 'MemberUnit', id, name });
const need = (status: NeedFieldsFragment['status']) =>
  ({
    __typename: 'Need',
    id: 'n1',
    title: '5号楼楼道灯坏了',
    status,
    location: '5号楼3单元',
    reportedAt: '2025-03-01T08:00:00Z',
    dueAt: '2025-03-15T10:00:00Z',
    version: 4,
    description: '楼道灯坏了',
    requesterName: '王大爷',
    requesterPhone: '13847001234',
    plan: '更换声控灯',
    resolution: null,
    satisfaction: null,
    grid: { __typename: 'Grid', id: 'grid-1', name: '第一网格' },
    category: null,
    assignee: null,
    claimedBy: [unit('unit-power', '供电服务站')],
    orderedProjects: [{ __typename: 'ShelfProject', id: 'p1', title: '楼道照明维修', unit: unit('unit-hospital', '松林医院') }],
    history: [],
  }) as unknown as NeedFieldsFragment;

const person = (id: string, displayName: string, role: string, extra: { grid?: string; unit?: string } = {}) => ({
  __typename: 'User',
  id,
  displayName,
  role,
  grid: extra.grid ? { __typename: 'Grid', id: extra.grid, name: extra.grid } : null,
  unit: extra.unit ? unit(extra.unit, extra.unit) : null,
});
const USERS = [
  person('u-committee', '刘红梅（社区党委）', 'COMMITTEE_ADMIN'),
  person('u-hospital', '赵明远（松林医院）', 'UNIT_ADMIN', { unit: 'unit-hospital' }),
  person('u-power', '孙强（供电服务站）', 'UNIT_ADMIN', { unit: 'unit-power' }),
  person('u-school', '林晓燕（松风小学）', 'UNIT_ADMIN', { unit: 'unit-school' }),
  person('u-grid1', '张建国（第一网格）', 'GRID_WORKER', { grid: 'grid-1' }),
  person('u-grid2', '马丽（第二网格）', 'GRID_WORKER', { grid: 'grid-2' }),
  person('u-viewer', '王主任（健康街道）', 'VIEWER'),
];

const handler: Handler = (op) => {
  if (op.operationName === 'AssignableUsers') return { data: { users: USERS } };
  if (op.operationName === 'AssignNeed')
    return { data: { assignNeed: { ...need('IN_PROGRESS'), assignee: { __typename: 'User', id: op.variables.assigneeId, displayName: '孙强（供电服务站）' } } } };
  return { data: {} };
};

const body = () => document.body;
async function openAssign() {
  body().querySelector<HTMLElement>('[data-test="need-assign"]')!.click();
  await flushPromises();
  await new Promise((r) => setTimeout(r, 50));
  await flushPromises();
}
/** The groups of the assignee select as rendered: [group label, option texts]. */
const groups = () =>
  [...body().querySelectorAll('[data-test^="assign-group-"]')].map((g) => [
    g.querySelector('.el-select-group__title')?.textContent?.trim(),
    [...g.querySelectorAll('.el-select-dropdown__item')].map((o) => [...o.querySelectorAll('span')].map((s) => s.textContent?.replace(/\s+/g, ' ').trim()).join(' | ')),
  ]);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('派单 offers the alliance users who may be assignees', () => {
  it("the need's people first (with why), then every other assignee by role, never a viewer", async () => {
    const { calls } = await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: need('PLANNED') }, handler });
    // Asked only when the dialog opens.
    expect(calls.filter((c) => c.operationName === 'AssignableUsers')).toHaveLength(0);
    await openAssign();
    expect(calls.filter((c) => c.operationName === 'AssignableUsers')).toHaveLength(1);
    expect(groups()).toEqual([
      [
        '本需求相关人员',
        ['张建国（第一网格） | 网格员 · 本网格网格员', '孙强（供电服务站） | 成员单位联络员 · 所在单位已认领', '赵明远（松林医院） | 成员单位联络员 · 所在单位的项目已点单'],
      ],
      ['社区党委管理员', ['刘红梅（社区党委）']],
      ['成员单位联络员', ['林晓燕（松风小学）']],
      ['网格员', ['马丽（第二网格）']],
    ]);
    expect(body().textContent).not.toContain('王主任');
  });

  it('assigns the chosen person', async () => {
    const { calls, wrapper } = await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: need('PLANNED') }, handler });
    await openAssign();
    body().querySelector<HTMLElement>('[data-test="assign-option-u-power"]')!.click();
    await flushPromises();
    body().querySelector<HTMLElement>('[data-test="assign-confirm"]')!.click();
    await flushPromises();
    const sent = calls.filter((c) => c.operationName === 'AssignNeed');
    expect(sent.map((c) => c.variables)).toEqual([{ id: 'n1', version: 4, assigneeId: 'u-power' }]);
    expect(wrapper.emitted('changed')?.[0]?.[0]).toMatchObject({ status: 'IN_PROGRESS', assignee: { id: 'u-power' } });
  });

  it('in English, and a failed list says so', async () => {
    await mountAs(NeedActions, user('COMMITTEE_ADMIN'), {
      props: { need: need('PLANNED') },
      locale: 'en',
      handler: (op) => (op.operationName === 'AssignableUsers' ? { errors: [new GraphQLError('boom', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] } : { data: {} }),
    });
    await openAssign();
    expect(groups()).toEqual([]);
    expect(body().querySelector('[data-test="assign-dialog"]')?.textContent).toContain('Could not load');
  });
});

describe("核实: a resident's own report is verified by its grid worker before the committee screens it", () => {
  const residentNeed = (verifiedAt: string | null) =>
    ({ ...need('REPORTED'), source: 'RESIDENT', verifiedAt, verifiedBy: null, claimedBy: [], orderedProjects: [] }) as unknown as NeedFieldsFragment;
  const grid1 = user('GRID_WORKER', { grid: { id: 'grid-1', name: '第一网格' } });

  it('the committee cannot screen it unverified: both buttons disabled, 待网格员核实 shown', async () => {
    const { wrapper } = await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: residentNeed(null) }, handler });
    const accept = wrapper.find('[data-test="need-accept"]');
    const reject = wrapper.find('[data-test="need-reject"]');
    expect(accept.attributes('disabled')).toBeDefined();
    expect(reject.attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-test="screen-awaits-verification"]').text()).toContain('待网格员核实');
  });

  it('once verified the committee screens it; a staff report was never held', async () => {
    for (const n of [residentNeed('2025-03-01T09:00:00Z'), { ...need('REPORTED'), source: 'STAFF', verifiedAt: null } as unknown as NeedFieldsFragment]) {
      const { wrapper } = await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: n }, handler });
      expect(wrapper.find('[data-test="need-accept"]').attributes('disabled')).toBeUndefined();
      expect(wrapper.find('[data-test="screen-awaits-verification"]').exists()).toBe(false);
      expect(wrapper.find('[data-test="need-verify"]').exists()).toBe(false);
      wrapper.unmount();
    }
  });

  it("the grid's worker verifies it with an optional comment; another grid's worker is offered nothing", async () => {
    const verified = { ...residentNeed('2025-03-01T09:00:00Z'), verifiedBy: { __typename: 'User', id: 'u-grid1', displayName: '张建国（第一网格）' } };
    const { wrapper, calls } = await mountAs(NeedActions, grid1, {
      props: { need: residentNeed(null) },
      handler: (op) => (op.operationName === 'VerifyResidentNeed' ? { data: { verifyResidentNeed: verified } } : { data: {} }),
    });
    expect(wrapper.find('[data-test="need-accept"]').exists()).toBe(false);
    await wrapper.find('[data-test="need-verify"]').trigger('click');
    await flushPromises();
    const text = body().querySelector<HTMLTextAreaElement>('textarea[data-test="prompt-text"]')!;
    text.value = '已电话联系居民，情况属实';
    text.dispatchEvent(new Event('input'));
    await flushPromises();
    body().querySelector<HTMLElement>('[data-test="prompt-confirm"]')!.click();
    await flushPromises();
    await new Promise((r) => setTimeout(r, 20));
    await flushPromises();
    expect(calls.filter((c) => c.operationName === 'VerifyResidentNeed').map((c) => c.variables)).toEqual([{ id: 'n1', comment: '已电话联系居民，情况属实' }]);
    expect(wrapper.emitted('changed')?.[0]?.[0]).toMatchObject({ verifiedAt: '2025-03-01T09:00:00Z' });
    wrapper.unmount();

    const other = await mountAs(NeedActions, user('GRID_WORKER', { grid: { id: 'grid-2', name: '第二网格' } }), { props: { need: residentNeed(null) }, handler });
    expect(other.wrapper.find('[data-test="need-verify"]').exists()).toBe(false);
  });
});
