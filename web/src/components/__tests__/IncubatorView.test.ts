import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import IncubatorView from '../../views/incubator/IncubatorView.vue';
import { mountAs, user } from '../../__tests__/mount';

/** 阳光驿站: the list with stage, mentor, dates and services given, and exactly the buttons INCUBATION_LIFECYCLE allows. */

const unit = (id: string, name: string) => ({ __typename: 'MemberUnit', id, name });
const incubation = (id: string, stage: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Incubation',
  id,
  stage,
  version: 3,
  appliedOn: '2024-03-12',
  startedOn: stage === 'APPLIED' ? null : '2024-03-24',
  endedOn: stage === 'GRADUATED' || stage === 'LEFT' ? '2025-05-01' : null,
  notes: '备注',
  servicesGiven: 0,
  unit: unit(`u-${id}`, `组织${id}`),
  mentor: stage === 'APPLIED' ? null : unit('m1', '松林医院'),
  ...extra,
});
const ROWS = [
  incubation('a', 'APPLIED'),
  incubation('i', 'INCUBATING', { servicesGiven: 17 }),
  incubation('g', 'GRADUATED', { servicesGiven: 42 }),
  incubation('l', 'LEFT'),
];

function handler(calls: { name: string; variables: Record<string, unknown> }[]) {
  return (op: { operationName: string; variables: Record<string, unknown> }) => {
    calls.push({ name: op.operationName, variables: op.variables });
    switch (op.operationName) {
      case 'Incubations':
        return { data: { incubations: op.variables.stage ? ROWS.filter((r) => r.stage === op.variables.stage) : ROWS } };
      case 'UnitOptions':
        return { data: { memberUnits: { __typename: 'MemberUnitConnection', nodes: [unit('m1', '松林医院'), unit('u-a', '组织a'), unit('m2', '松风小学')] } } };
      case 'StartIncubation':
        return { data: { startIncubation: { __typename: 'Incubation', id: 'a', stage: 'INCUBATING', version: 4, startedOn: '2026-12-01', mentor: unit('m2', '松风小学') } } };
      default:
        return { data: {} };
    }
  };
}

const buttons = (root: ParentNode) => Array.from(root.querySelectorAll('[data-test^="start-"], [data-test^="graduate-"], [data-test^="leave-"]')).map((b) => b.getAttribute('data-test'));
const cell = (sel: string) => document.body.querySelector(`[data-test="${sel}"]`)?.textContent?.trim();

afterEach(() => {
  document.body.innerHTML = '';
});

describe('阳光驿站', () => {
  it('the committee sees every organisation with its stage, mentor, dates and services given, and the legal buttons only', async () => {
    const calls: { name: string; variables: Record<string, unknown> }[] = [];
    const { wrapper } = await mountAs(IncubatorView, user('COMMITTEE_ADMIN'), { handler: handler(calls) as never });
    expect(wrapper.text()).toContain('阳光驿站');
    expect(wrapper.text()).toContain('共 4 家');
    expect(['a', 'i', 'g', 'l'].map((id) => cell(`stage-${id}`))).toEqual(['已申请', '孵化中', '已出壳', '已退出']);
    expect(cell('services-i')).toBe('17');
    expect(cell('services-g')).toBe('42');
    expect(wrapper.text()).toContain('松林医院');
    expect(wrapper.text()).toContain('2025-05-01');
    expect(buttons(document.body)).toEqual(['start-a', 'leave-a', 'graduate-i', 'leave-i']);
  });

  it('the viewer and a liaison read the list without a button', async () => {
    for (const who of [user('VIEWER'), user('UNIT_ADMIN', { unit: { id: 'u-i', name: '组织i' } })]) {
      const { wrapper } = await mountAs(IncubatorView, who, { handler: handler([]) as never });
      expect(wrapper.text()).toContain('共 4 家');
      expect(buttons(document.body)).toEqual([]);
      wrapper.unmount();
      document.body.innerHTML = '';
    }
  });

  it('taking an applicant in: the mentor is chosen among the other units, and the version goes with the step', async () => {
    const calls: { name: string; variables: Record<string, unknown> }[] = [];
    await mountAs(IncubatorView, user('COMMITTEE_ADMIN'), { handler: handler(calls) as never });
    (document.body.querySelector('[data-test="start-a"]') as HTMLElement).click();
    await flushPromises();
    const view = document.body;
    // The organisation itself is no mentor of its own.
    const select = view.querySelector('[data-test="incubator-mentor"]')!;
    (select.querySelector('.el-select__wrapper') as HTMLElement).click();
    await flushPromises();
    const options = Array.from(document.body.querySelectorAll('.incubator-mentor-options .el-select-dropdown__item')).map((o) => o.textContent?.trim());
    expect(options).toEqual(['松林医院', '松风小学']);
    (Array.from(document.body.querySelectorAll('.incubator-mentor-options .el-select-dropdown__item')).find((o) => o.textContent?.includes('松风小学')) as HTMLElement).click();
    await flushPromises();
    (document.body.querySelector('[data-test="incubator-start-submit"]') as HTMLElement).click();
    await flushPromises();
    expect(calls.find((c) => c.name === 'StartIncubation')?.variables).toEqual({ id: 'a', mentorUnitId: 'm2', version: 3 });
    expect(calls.filter((c) => c.name === 'Incubations').length).toBeGreaterThanOrEqual(2);
  });

  it('the stage filter asks the server for that stage', async () => {
    const calls: { name: string; variables: Record<string, unknown> }[] = [];
    const { wrapper } = await mountAs(IncubatorView, user('COMMITTEE_ADMIN'), { handler: handler(calls) as never });
    (wrapper.vm as unknown as { stage: string }).stage = 'GRADUATED';
    await flushPromises();
    expect(calls.filter((c) => c.name === 'Incubations').at(-1)!.variables).toEqual({ stage: 'GRADUATED' });
    expect(wrapper.text()).toContain('共 1 家');
  });
});
