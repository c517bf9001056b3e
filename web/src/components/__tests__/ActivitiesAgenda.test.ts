import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { localDate, zonedTime } from '@alliance/shared';
import ActivitiesView from '../../views/activities/ActivitiesView.vue';
import { mountAs, user, type Handler } from '../../__tests__/mount';

const real = window.matchMedia;
afterEach(() => {
  window.matchMedia = real;
  document.body.innerHTML = '';
});
/** A phone's screen: every max-width query matches. */
const onPhone = () => {
  window.matchMedia = ((q: string) => ({ matches: q.includes('max-width'), media: q, addEventListener() {}, removeEventListener() {} })) as never;
};

const [y, m] = localDate().split('-').map(Number) as [number, number];
const activity = (id: string, day: number, hour: number, title: string, status = 'OPEN') => ({
  __typename: 'Activity',
  id,
  title,
  kind: 'SERVICE',
  status,
  startsAt: zonedTime(y, m, day, hour).toISOString(),
  endsAt: zonedTime(y, m, day, hour + 2).toISOString(),
  location: '松山社区党群服务中心',
  maxUnits: null,
  confirmedCount: 2,
  version: 1,
  recordedAfterwards: false,
  category: null,
});
const LONG = '寒假少儿科普志愿服务暨社区青少年科学素养提升系列活动';
const month = [
  activity('b', 20, 9, LONG),
  activity('a', 3, 14, '困难家庭冬季送温暖', 'COMPLETED'),
  // The calendar's query reaches into the weeks around the month: not this month's agenda.
  { ...activity('x', 1, 9, '上月的活动'), startsAt: zonedTime(m === 1 ? y - 1 : y, m === 1 ? 12 : m - 1, 28, 9).toISOString() },
];

function handler(calls: { op: string; vars: Record<string, unknown> }[]): Handler {
  return (op) => {
    calls.push({ op: op.operationName, vars: op.variables });
    if (op.operationName === 'Activities') return { data: { activities: { __typename: 'ActivityConnection', totalCount: month.length, pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false }, nodes: month } } };
    return { data: {} };
  };
}

describe('ActivitiesView: the calendar on a phone', () => {
  it('is the month as an agenda, day by day with full titles and links; no month grid', async () => {
    onPhone();
    const calls: { op: string; vars: Record<string, unknown> }[] = [];
    const { wrapper } = await mountAs(ActivitiesView, user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松风小学' } }), { handler: handler(calls) });
    await wrapper.find('[data-test="activities-calendar-tab"] input').setValue(true);
    await flushPromises();
    expect(wrapper.find('[data-test="activities-calendar"]').exists()).toBe(false);
    const agenda = wrapper.find('[data-test="activities-agenda"]');
    expect(agenda.find('[data-test="agenda-month"]').text()).toBe(`${y}年${m}月`);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(agenda.findAll('section').map((s) => s.attributes('data-test'))).toEqual([`agenda-day-${y}-${pad(m)}-03`, `agenda-day-${y}-${pad(m)}-20`]);
    expect(agenda.findAll('[data-test="agenda-title"]').map((a) => a.text())).toEqual(['困难家庭冬季送温暖', LONG]);
    expect(agenda.findAll('[data-test="agenda-item"]')[1]!.text()).toContain('09:00');
    expect(agenda.findAll('[data-test="agenda-item"]')[0]!.classes()).toContain('st-COMPLETED');
  });

  it('is the month grid on a desk', async () => {
    const { wrapper } = await mountAs(ActivitiesView, user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松风小学' } }), { handler: handler([]) });
    await wrapper.find('[data-test="activities-calendar-tab"] input').setValue(true);
    await flushPromises();
    expect(wrapper.find('[data-test="activities-calendar"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="activities-agenda"]').exists()).toBe(false);
  });
});
