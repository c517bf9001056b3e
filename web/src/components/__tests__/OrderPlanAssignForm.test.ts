import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import OrderPlanAssignForm from '../needs/OrderPlanAssignForm.vue';
import { mountAs, user, type Handler } from '../../__tests__/mount';
import { allianceDayAhead, allianceTime } from '../../lib/time';

// Shaped as the server answers (with __typename), for the Apollo cache.
const unit = (id: string, name: string, agreementStatus = 'VALID') => ({ __typename: 'MemberUnit', id, name, agreementStatus });
const category = { __typename: 'ServiceCategory', id: 'c3', code: 'LIVELIHOOD_SECURITY', name: '民生保障' };
const need = (claimedBy: { id: string; name: string }[] = []) => ({
  __typename: 'Need',
  id: 'n1',
  title: '5号楼楼道灯坏了',
  status: 'ACCEPTED',
  location: '5号楼3单元',
  reportedAt: '2026-03-01T08:00:00Z',
  dueAt: null,
  version: 2,
  description: '楼道灯坏了',
  requesterName: '王大爷',
  requesterPhone: '13847001234',
  plan: null,
  resolution: null,
  satisfaction: null,
  grid: { __typename: 'Grid', id: 'grid-1', name: '第一网格' },
  category: null,
  assignee: null,
  claimedBy: claimedBy.map((u) => ({ __typename: 'MemberUnit', ...u })),
  orderedProjects: [],
  deliveringUnits: [],
  history: [],
});
const suggestion = (id: string, title: string, u: ReturnType<typeof unit>, score: number) => ({
  __typename: 'MatchSuggestion',
  score,
  strength: score > 0.7 ? 'STRONG' : 'POSSIBLE',
  reasonCodes: [{ __typename: 'MatchReason', code: 'SAME_CATEGORY', params: { __typename: 'MatchReasonParams', words: null, from: null, to: null, category: '民生保障', n: null, avg: null } }],
  project: { __typename: 'ShelfProject', id, title, capacityPerMonth: null, orderCount: 3, category, unit: u },
});
const person = (id: string, displayName: string, role: string, extra: { grid?: string; unit?: string } = {}) => ({
  __typename: 'User',
  id,
  displayName,
  role,
  grid: extra.grid ? { __typename: 'Grid', id: extra.grid, name: extra.grid } : null,
  unit: extra.unit ? { __typename: 'MemberUnit', id: extra.unit, name: extra.unit } : null,
});
const USERS = [
  person('u-school', '林晓燕（松风小学）', 'UNIT_ADMIN', { unit: 'unit-school' }),
  person('u-power', '孙强（供电服务站）', 'UNIT_ADMIN', { unit: 'unit-power' }),
  person('u-grid1', '张建国（第一网格）', 'GRID_WORKER', { grid: 'grid-1' }),
];

function handlerFor(answer: { claimedBy?: { id: string; name: string }[]; fail?: { field: string } } = {}) {
  const sent: Record<string, unknown>[] = [];
  const handler: Handler = (op) => {
    if (op.operationName === 'Need') return { data: { need: need(answer.claimedBy) } };
    if (op.operationName === 'AssignableUsers') return { data: { users: USERS } };
    if (op.operationName === 'MatchSuggestions')
      return {
        data: {
          matchSuggestions: [
            suggestion('p-light', '楼道照明维修', unit('unit-power', '供电服务站'), 0.82),
            suggestion('p-clinic', '义诊进社区', unit('unit-hospital', '松林医院'), 0.4),
          ],
        },
      };
    if (op.operationName === 'OrderPlanAssignNeed') {
      sent.push(op.variables);
      if (answer.fail) {
        return { errors: [new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT', field: answer.fail.field, reason: 'INVALID_ID' } })] };
      }
      return { data: { orderPlanAssignNeed: { ...need(answer.claimedBy), status: 'IN_PROGRESS' } } };
    }
    return { data: {} };
  };
  return { handler, sent };
}

const body = () => document.body;
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 80));
  await flushPromises();
};
const value = (sel: string) => body().querySelector<HTMLInputElement | HTMLTextAreaElement>(sel)!.value;
const selectText = (testId: string) => body().querySelector(`[data-test="${testId}"]`)!.textContent!.replace(/\s+/g, ' ').trim();

afterEach(() => {
  document.body.innerHTML = '';
});

// Three mounts of a drawer with Element Plus selects: slow on a shared, loaded machine, so a longer timeout than the default.
describe('the one order form (开单子 · 定方案 · 派单)', { timeout: 60_000 }, () => {
  it('comes filled in: the best suggestion, its unit delivering, a plan naming them, a week to do it, the unit\'s liaison; and sends it as one mutation', async () => {
    const { handler, sent } = handlerFor();
    const { wrapper } = await mountAs(OrderPlanAssignForm, user('COMMITTEE_ADMIN'), { props: { needId: 'n1', modelValue: true }, handler });
    await settle();
    expect(body().querySelector<HTMLInputElement>('[data-test="suggestion-p-light"] input')!.checked).toBe(true);
    expect(body().querySelector<HTMLInputElement>('[data-test="suggestion-p-clinic"] input')!.checked).toBe(false);
    expect(selectText('order-form-delivering')).toContain('供电服务站');
    expect(value('[data-test="order-form-plan-text"]')).toBe('由供电服务站按“楼道照明维修”上门办理，办结后反馈。');
    expect(selectText('order-form-assignee-select')).toContain('孙强（供电服务站）');
    expect(selectText('order-form-assignee-default')).toBe('默认派给承办单位联络人');

    body().querySelector<HTMLElement>('[data-test="order-form-submit"]')!.click();
    await settle();
    expect(sent).toHaveLength(1);
    const vars = sent[0]!;
    expect(vars).toMatchObject({
      id: 'n1',
      version: 2,
      shelfProjectIds: ['p-light'],
      comment: null,
      plan: '由供电服务站按“楼道照明维修”上门办理，办结后反馈。',
      deliveringUnitIds: ['unit-power'],
      assigneeId: 'u-power',
    });
    // A week ahead, at 18:00 of that day: the alliance's day and hour, whatever the machine's zone.
    expect(allianceTime(vars.dueAt as string)).toBe(`${allianceDayAhead(7)} 18:00`);
    expect(wrapper.emitted('done')).toHaveLength(1);
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([false]);
  });

  it("accepts a unit's claim without a project; the grid's worker when the delivering unit has no liaison", async () => {
    const { handler, sent } = handlerFor({ claimedBy: [{ id: 'unit-elder', name: '养老服务中心' }] });
    await mountAs(OrderPlanAssignForm, user('COMMITTEE_ADMIN'), { props: { needId: 'n1', modelValue: true }, handler });
    await settle();
    expect(body().querySelector('[data-test="order-form-claims"]')!.textContent).toContain('养老服务中心');
    expect(body().querySelector<HTMLInputElement>('[data-test="suggestion-p-light"] input')!.checked).toBe(false);
    expect(value('[data-test="order-form-plan-text"]')).toBe('由养老服务中心上门办理，办结后反馈。');
    expect(selectText('order-form-assignee-default')).toBe('默认派给本网格网格员');
    body().querySelector<HTMLElement>('[data-test="order-form-submit"]')!.click();
    await settle();
    expect(sent[0]).toMatchObject({ shelfProjectIds: [], deliveringUnitIds: ['unit-elder'], assigneeId: 'u-grid1' });
  });

  it('marks the field the server refused and stays open; an emptied plan is refused before sending', async () => {
    const { handler, sent } = handlerFor({ fail: { field: 'assigneeId' } });
    const { wrapper } = await mountAs(OrderPlanAssignForm, user('COMMITTEE_ADMIN'), { props: { needId: 'n1', modelValue: true }, handler });
    await settle();
    body().querySelector<HTMLElement>('[data-test="order-form-submit"]')!.click();
    await settle();
    expect(sent).toHaveLength(1);
    const assignItem = body().querySelector('[data-test="order-form-assign"] .el-form-item')!;
    expect(assignItem.classList.contains('is-error')).toBe(true);
    expect(body().querySelector('[data-test="order-form-plan"] .is-error')).toBeNull();
    expect(wrapper.emitted('done')).toBeUndefined();

    const plan = body().querySelector<HTMLTextAreaElement>('[data-test="order-form-plan-text"]')!;
    plan.value = '   ';
    plan.dispatchEvent(new Event('input'));
    await settle();
    body().querySelector<HTMLElement>('[data-test="order-form-submit"]')!.click();
    await settle();
    expect(sent).toHaveLength(1);
    // Element Plus validates asynchronously (async-validator): the message may come after a busy machine's settle.
    await expect.poll(() => body().querySelector('[data-test="order-form-plan"] .el-form-item.is-error')?.textContent ?? '').toContain('必填');
  });
});
