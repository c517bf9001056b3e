import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import type { Operation } from '@apollo/client/core';
import ActivityDetailView from '../../views/activities/ActivityDetailView.vue';
import RecordPastActivityDialog from '../activities/RecordPastActivityDialog.vue';
import { mountAs, user } from '../../__tests__/mount';

const body = () => document.body;
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 150));
  await flushPromises();
};
const HOUR = 3600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

afterEach(() => {
  document.body.innerHTML = '';
});

const activity = (status: string, startsIn: number, extra: Record<string, unknown> = {}) => ({
  __typename: 'Activity',
  id: 'act-1',
  title: '楼道清洁志愿服务日',
  description: '各单位党员志愿者清理楼道杂物。',
  kind: 'CIVILIZED_CITY',
  status,
  startsAt: at(startsIn),
  endsAt: at(startsIn + 3 * HOUR),
  location: '松山社区5号楼',
  maxUnits: null,
  confirmedCount: 0,
  version: 1,
  recordedAfterwards: false,
  category: null,
  shelfProjects: [],
  needs: [],
  signups: [],
  outcome: null,
  ...extra,
});

const mountPage = (a: ReturnType<typeof activity>) =>
  mountAs(ActivityDetailView, user('COMMITTEE_ADMIN'), {
    props: { id: 'act-1' },
    handler: (op) => (op.operationName === 'Activity' ? { data: { activity: a } } : { data: {} }),
  });
const button = (name: string) => body().querySelector<HTMLButtonElement>(`[data-test="activity-${name}"]`)!;
const why = (name: string) => body().querySelector(`[data-test="activity-${name}-wrap"]`)!.getAttribute('data-blocked');

describe('发布 / 开始 / 完成 follow the shared date rules: greyed out with why', { timeout: 20_000 }, () => {
  it('publish: only before the start', async () => {
    await mountPage(activity('DRAFT', 48 * HOUR));
    expect(button('publish').disabled).toBe(false);
    expect(why('publish')).toBeNull();
    document.body.innerHTML = '';
    await mountPage(activity('DRAFT', -HOUR));
    expect(button('publish').disabled).toBe(true);
    expect(why('publish')).toContain('开始时间已过，不能发布');
  });

  it('start: from 24 h before the start, saying from when', async () => {
    await mountPage(activity('OPEN', 48 * HOUR));
    expect(button('start').disabled).toBe(true);
    expect(why('start')).toMatch(/^\d\d-\d\d \d\d:\d\d 起才能开始（活动开始前 24 小时内）$/);
    document.body.innerHTML = '';
    await mountPage(activity('OPEN', 2 * HOUR));
    expect(button('start').disabled).toBe(false);
  });

  it('complete: only once started', async () => {
    await mountPage(activity('ONGOING', 2 * HOUR));
    expect(button('complete').disabled).toBe(true);
    expect(why('complete')).toContain('起才能完成');
    document.body.innerHTML = '';
    await mountPage(activity('ONGOING', -HOUR));
    expect(button('complete').disabled).toBe(false);
  });

  it('a recorded activity is marked as such', async () => {
    await mountPage(activity('COMPLETED', -48 * HOUR, { recordedAfterwards: true }));
    expect(body().querySelector('[data-test="activity-recorded"]')?.textContent?.trim()).toBe('补录');
  });
});

describe('补录 (recordPastActivity)', { timeout: 30_000 }, () => {
  const UNITS = { memberUnits: { __typename: 'MemberUnitConnection', nodes: [{ __typename: 'MemberUnit', id: 'unit-1', name: '松林医院' }, { __typename: 'MemberUnit', id: 'unit-2', name: '松风小学' }] } };
  const fill = async (test: string, value: string) => {
    const el = body().querySelector<HTMLInputElement>(`[data-test="${test}"] input, [data-test="${test}"] textarea, input[data-test="${test}"], textarea[data-test="${test}"]`)!;
    el.value = value;
    el.dispatchEvent(new Event('input'));
    el.dispatchEvent(new Event('change'));
    await flushPromises();
  };
  const errorIn = (test: string) => body().querySelector(`[data-test="${test}"]`)!.closest('.el-form-item')!.querySelector('.el-form-item__error')?.textContent?.trim();

  async function open(answer: (op: Operation) => unknown) {
    const r = await mountAs(RecordPastActivityDialog, user('COMMITTEE_ADMIN'), {
      props: { modelValue: true },
      handler: (op) => (op.operationName === 'UnitOptions' ? { data: UNITS } : (answer(op) as never)),
    });
    await settle();
    await fill('record-title', '重阳节敬老活动');
    await fill('record-location', '党群服务中心');
    await fill('record-description', '为辖区老人义诊、理发。');
    await fill('record-summary', '服务老人60余人次。');
    body().querySelector<HTMLElement>('[data-test="record-units"] .el-select__wrapper')!.click();
    await settle();
    body().querySelector<HTMLElement>('[data-test="record-unit-unit-1"]')!.click();
    await settle();
    return r;
  }

  it('sends the past activity with its units (1 person each unless said) and outcome', async () => {
    const { calls, wrapper } = await open((op) =>
      op.operationName === 'RecordPastActivity' ? { data: { recordPastActivity: activity('COMPLETED', -27 * HOUR, { recordedAfterwards: true }) } } : { data: {} },
    );
    body().querySelector<HTMLElement>('[data-test="record-confirm"]')!.click();
    await settle();
    const sent = calls.filter((c) => c.operationName === 'RecordPastActivity').map((c) => c.variables.input);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      title: '重阳节敬老活动',
      kind: 'SERVICE',
      categoryCode: null,
      location: '党群服务中心',
      units: [{ unitId: 'unit-1', headcount: 1 }],
      outcome: { participants: 0, volunteerHours: 0, beneficiaries: 0, summary: '服务老人60余人次。' },
    });
    expect(new Date(sent[0].endsAt).getTime()).toBeLessThan(Date.now());
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it("the server's date refusal (extensions.field endsAt) shows under the form's 结束时间", async () => {
    await open((op) =>
      op.operationName === 'RecordPastActivity'
        ? { errors: [new GraphQLError('endsAt: only an activity that has already ended can be recorded', { extensions: { code: 'BAD_USER_INPUT', field: 'endsAt', reason: 'NOT_IN_PAST' } })] }
        : { data: {} },
    );
    body().querySelector<HTMLElement>('[data-test="record-confirm"]')!.click();
    await settle();
    expect(errorIn('record-ends-item')).toBe('须早于当前时间');
  });

  it('a unit headcount refusal (units[0].headcount) shows under 参与单位', async () => {
    await open((op) =>
      op.operationName === 'RecordPastActivity'
        ? { errors: [new GraphQLError('units[0].headcount: OUT_OF_RANGE', { extensions: { code: 'BAD_USER_INPUT', field: 'units[0].headcount', reason: 'OUT_OF_RANGE' } })] }
        : { data: {} },
    );
    body().querySelector<HTMLElement>('[data-test="record-confirm"]')!.click();
    await settle();
    expect(errorIn('record-units-item')).toBe('数值超出允许范围');
  });
});
