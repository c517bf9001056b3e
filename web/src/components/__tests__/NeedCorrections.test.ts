import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { INVALID_REASON_LABELS } from '@alliance/shared';
import NeedActions from '../needs/NeedActions.vue';
import type { NeedFieldsFragment } from '../../gql/graphql';
import { confirmAction } from '../../lib/feedback';
import { mountAs, user, type Handler } from '../../__tests__/mount';

// The confirmation of 撤回派单 answers as each test says; the toasts and the reload offer stay real.
vi.mock('../../lib/feedback', async (original) => ({ ...(await original<typeof import('../../lib/feedback')>()), confirmAction: vi.fn(async () => true) }));

const zh = INVALID_REASON_LABELS['zh-CN'];
const FUTURE = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString();
const unit = (id: string, name: string) => ({ __typename: 'MemberUnit', id, name });
const person = (id: string, displayName: string, role: string, extra: { grid?: string; unit?: string } = {}) => ({
  __typename: 'User',
  id,
  displayName,
  role,
  grid: extra.grid ? { __typename: 'Grid', id: extra.grid, name: extra.grid } : null,
  unit: extra.unit ? unit(extra.unit, extra.unit) : null,
});
const need = (status: NeedFieldsFragment['status'], extra: Record<string, unknown> = {}) =>
  ({
    __typename: 'Need',
    id: 'n1',
    title: '5号楼楼道灯坏了',
    status,
    location: '5号楼3单元',
    reportedAt: '2025-03-01T08:00:00Z',
    dueAt: FUTURE,
    version: 7,
    description: '楼道灯坏了',
    requesterName: '王大爷',
    requesterPhone: '13847001234',
    plan: '更换声控灯',
    resolution: null,
    satisfaction: null,
    grid: { __typename: 'Grid', id: 'grid-1', name: '第一网格' },
    category: null,
    assignee: status === 'IN_PROGRESS' ? { __typename: 'User', id: 'u-grid1', displayName: '张建国（第一网格）' } : null,
    claimedBy: [unit('unit-power', '供电服务站')],
    orderedProjects: [{ __typename: 'ShelfProject', id: 'p1', title: '楼道照明维修', unit: unit('unit-hospital', '松林医院') }],
    deliveringUnits: [],
    history: [],
    ...extra,
  }) as unknown as NeedFieldsFragment;
const USERS = [person('u-grid1', '张建国（第一网格）', 'GRID_WORKER', { grid: 'grid-1' }), person('u-power', '孙强（供电服务站）', 'UNIT_ADMIN', { unit: 'unit-power' })];

const body = () => document.body;
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 120));
  await flushPromises();
};
const field = (test: string) => body().querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-test="${test}"] textarea, [data-test="${test}"] input, textarea[data-test="${test}"], input[data-test="${test}"]`)!;
async function type(test: string, value: string) {
  const el = field(test);
  el.value = value;
  el.dispatchEvent(new Event('input'));
  el.dispatchEvent(new FocusEvent('blur'));
  await flushPromises();
}
async function click(test: string) {
  const el = body().querySelector<HTMLElement>(`[data-test="${test}"]`);
  if (!el) throw new Error(`no ${test}`);
  el.click();
  await settle();
}
const errorOf = (test: string) => (field(test) ?? body().querySelector(`[data-test="${test}"]`))!.closest('.el-form-item')!.querySelector('.el-form-item__error')?.textContent?.trim() ?? null;
const sent = (calls: { operationName: string; variables: Record<string, unknown> }[], name: string) => calls.filter((c) => c.operationName === name).map((c) => c.variables);
const buttons = () => [...body().querySelectorAll('[data-test="need-actions"] [data-test^="need-"]')].map((b) => b.getAttribute('data-test'));

/** Answers every mutation with the need as it comes back (or with the error given). */
const answer =
  (error?: GraphQLError): Handler =>
  (op) => {
    if (op.operationName === 'AssignableUsers') return { data: { users: USERS } };
    if (error) return { errors: [error] };
    const key = op.operationName.charAt(0).toLowerCase() + op.operationName.slice(1);
    return { data: { [key]: need('PLANNED', { version: 8 }) } };
  };

beforeEach(() => vi.mocked(confirmAction).mockClear());
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the committee’s corrections', () => {
  it('are offered where NEED_LIFECYCLE allows them, to the committee only', async () => {
    await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: need('IN_PROGRESS') } });
    // Resolving is the assignee's (a grid worker here), not the committee's.
    expect(buttons()).toEqual(['need-replan', 'need-reassign']);
    document.body.innerHTML = '';
    await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: need('PLANNED') } });
    expect(buttons()).toEqual(['need-assign', 'need-replan', 'need-withdrawOrder']);
    document.body.innerHTML = '';
    await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: need('REJECTED') } });
    expect(buttons()).toEqual(['need-reopen']);
    document.body.innerHTML = '';
    await mountAs(NeedActions, user('GRID_WORKER', { grid: { id: 'grid-1', name: '第一网格' } as never }), { props: { need: need('REJECTED') } });
    expect(buttons()).toEqual([]);
  });

  it('调整方案: the reason is required; then the plan, due date and reason go with the version read', async () => {
    const { calls, wrapper } = await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: need('IN_PROGRESS') }, handler: answer() });
    await click('need-replan');
    expect((field('replan-plan') as HTMLTextAreaElement).value).toBe('更换声控灯');
    await click('replan-confirm');
    expect(sent(calls, 'ReplanNeed')).toEqual([]);
    expect(errorOf('replan-reason')).toBe(zh.REQUIRED);
    await type('replan-plan', '更换为LED声控灯');
    await type('replan-reason', '原灯具停产');
    await click('replan-confirm');
    // The due date left as it was is not sent: the need keeps it.
    expect(sent(calls, 'ReplanNeed')).toEqual([{ id: 'n1', version: 7, plan: '更换为LED声控灯', dueAt: null, reason: '原灯具停产' }]);
    expect(wrapper.emitted('changed')).toHaveLength(1);
  });

  it('调整方案 of an overdue need: a new plan alone is sent, its past due date is not checked; nothing changed sends nothing', async () => {
    const PAST = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString();
    const { calls } = await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: need('IN_PROGRESS', { dueAt: PAST }) }, handler: answer() });
    await click('need-replan');
    await type('replan-reason', '改派物业电工');
    await click('replan-confirm');
    expect(sent(calls, 'ReplanNeed')).toEqual([]);
    expect(document.body.textContent).toContain('方案和办结时限都没有改动');
    expect(errorOf('replan-due-item')).toBeNull();
    await type('replan-plan', '由物业电工维修');
    await click('replan-confirm');
    expect(sent(calls, 'ReplanNeed')).toEqual([{ id: 'n1', version: 7, plan: '由物业电工维修', dueAt: null, reason: '改派物业电工' }]);
  });

  it("调整方案: the server's NOT_IN_FUTURE shows under the due date, the dialog stays with what was typed", async () => {
    const refusal = new GraphQLError('dueAt: must be later than now', { extensions: { code: 'BAD_USER_INPUT', field: 'dueAt', reason: 'NOT_IN_FUTURE' } });
    const { calls, wrapper } = await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: need('PLANNED') }, handler: answer(refusal) });
    await click('need-replan');
    await type('replan-plan', '改为整体更换线路');
    await type('replan-reason', '居民要求延期');
    await click('replan-confirm');
    expect(sent(calls, 'ReplanNeed')).toHaveLength(1);
    expect(errorOf('replan-due-item')).toBe(zh.NOT_IN_FUTURE);
    expect(errorOf('replan-reason')).toBeNull();
    expect((field('replan-reason') as HTMLTextAreaElement).value).toBe('居民要求延期');
    expect(wrapper.emitted('changed')).toBeUndefined();
  });

  it('改派: picks from the assign dialog’s people (the current assignee not again) and sends the reason and version', async () => {
    const { calls } = await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: need('IN_PROGRESS') }, handler: answer() });
    await click('need-reassign');
    await click('reassign-confirm');
    expect(sent(calls, 'ReassignNeed')).toEqual([]);
    expect(errorOf('reassign-reason')).toBe(zh.REQUIRED);
    body().querySelector<HTMLElement>('[data-test="reassign-select"] .el-select__wrapper')!.click();
    await settle();
    expect(body().querySelector('[data-test="reassign-option-u-grid1"]')?.classList.contains('is-disabled')).toBe(true);
    await click('reassign-option-u-power');
    await type('reassign-reason', '网格员病假');
    await click('reassign-confirm');
    expect(sent(calls, 'ReassignNeed')).toEqual([{ id: 'n1', version: 7, assigneeId: 'u-power', reason: '网格员病假' }]);
  });

  it('撤回派单: asks the reason, then confirms; declined, nothing is sent', async () => {
    const { calls } = await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: need('ORDERED') }, handler: answer() });
    await click('need-withdrawOrder');
    expect(body().querySelector('[data-test="withdraw-dialog"] [data-test="prompt-message"]')?.textContent).toContain('点单项目、办理方案和办结时限将被清空');
    await click('prompt-confirm');
    expect(vi.mocked(confirmAction)).not.toHaveBeenCalled();
    expect(errorOf('prompt-text')).toBe(zh.REQUIRED);
    await type('prompt-text', '点错了项目');
    vi.mocked(confirmAction).mockResolvedValueOnce(false);
    await click('prompt-confirm');
    expect(vi.mocked(confirmAction)).toHaveBeenCalledTimes(1);
    expect(sent(calls, 'WithdrawNeedOrder')).toEqual([]);
    await click('prompt-confirm');
    expect(sent(calls, 'WithdrawNeedOrder')).toEqual([{ id: 'n1', version: 7, reason: '点错了项目' }]);
  });

  it('重新受理: a stale version offers the reload; a bad reason shows under the reason', async () => {
    let error: GraphQLError | undefined = new GraphQLError('stale', { extensions: { code: 'CONFLICT' } });
    const { calls, wrapper } = await mountAs(NeedActions, user('COMMITTEE_ADMIN'), { props: { need: need('REJECTED') }, handler: (op) => answer(error)(op) });
    await click('need-reopen');
    await type('prompt-text', '居民补充了材料');
    await click('prompt-confirm');
    expect(sent(calls, 'ReopenNeed')).toEqual([{ id: 'n1', version: 7, reason: '居民补充了材料' }]);
    const box = body().querySelector('.el-message-box')!;
    expect(box.textContent).toContain('请刷新后重试');
    [...box.querySelectorAll('button')].find((b) => b.textContent?.includes('重新加载'))!.click();
    await settle();
    expect(wrapper.emitted('reload')).toHaveLength(1);
    error = new GraphQLError('reason: too long', { extensions: { code: 'BAD_USER_INPUT', field: 'reason', reason: 'TOO_LONG' } });
    await click('prompt-confirm');
    expect(errorOf('prompt-text')).toBe(zh.TOO_LONG);
    expect(body().querySelector('[data-test="reopen-dialog"]')).not.toBeNull();
  });
});

describe('定方案 names the delivering units', () => {
  it('offers the units of the ordered projects and of the claims, all chosen by default, sent as deliveringUnitIds', async () => {
    const { calls } = await mountAs(NeedActions, user('COMMITTEE_ADMIN'), {
      props: { need: need('ORDERED', { plan: null, dueAt: null }) },
      handler: answer(),
    });
    await click('need-plan');
    const chosen = () => [...body().querySelectorAll('[data-test="plan-delivering"] .el-select__selected-item .el-tag__content')].map((e) => e.textContent?.trim());
    expect(chosen()).toEqual(['松林医院', '供电服务站']);
    await type('plan-text', '更换声控灯');
    await click('plan-confirm');
    const [vars] = sent(calls, 'PlanNeed');
    expect(vars).toMatchObject({ id: 'n1', version: 7, plan: '更换声控灯', deliveringUnitIds: ['unit-hospital', 'unit-power'] });
  });
});
