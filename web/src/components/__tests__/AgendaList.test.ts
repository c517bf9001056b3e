import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { localDate, zonedTime } from '@alliance/shared';
import AgendaList from '../AgendaList.vue';
import { mountAs, user } from '../../__tests__/mount';
import type { AgendaEntry } from '../../lib/agenda';

afterEach(() => {
  document.body.innerHTML = '';
});

const [y, m, d] = localDate().split('-').map(Number) as [number, number, number];
/** An instant of the alliance's wall clock, `days` after today. */
const at = (days: number, hour: number, minute = 0) => new Date(zonedTime(y, m, d, hour, minute).getTime() + days * 86_400_000).toISOString();
const tomorrow = localDate(new Date(zonedTime(y, m, d, 12).getTime() + 86_400_000));

const LONG = '寒假少儿科普志愿服务暨社区青少年科学素养提升系列活动（第三期）';
const items: (AgendaEntry & { note: string })[] = [
  { id: 'late', startsAt: at(1, 19), endsAt: at(1, 21), title: '居民夜间篮球友谊赛', note: '篮球馆' },
  { id: 'long', startsAt: at(0, 9), endsAt: at(0, 11, 30), title: LONG, to: { name: 'activity', params: { id: 'long' } }, note: '二楼活动室' },
  { id: 'early', startsAt: at(1, 8, 30), endsAt: at(2, 17), title: '困难家庭冬季送温暖', note: '松山社区' },
  // Half past midnight in Shanghai is the evening before in UTC: still tomorrow's, as the alliance counts days.
  { id: 'midnight', startsAt: at(1, 0, 30), endsAt: null, title: '跨年夜巡逻', note: '各网格' },
];

/** The list with a detail line under each title, as the views use it. */
const Host = (props: { items: readonly AgendaEntry[] }) =>
  defineComponent({
    render: () => h(AgendaList, { items: props.items, itemClass: (i: AgendaEntry) => `kind-${i.id}` }, { default: ({ item }: { item: { note: string } }) => h('span', { class: 'note' }, item.note) }),
  });

describe('AgendaList: a phone\'s calendar', () => {
  it('groups the entries by the alliance\'s day in time order, each with its full title, times and details', async () => {
    const { wrapper } = await mountAs(Host({ items }), user('UNIT_ADMIN'), { routes: [{ path: '/activities/:id', name: 'activity', component: { render: () => null } }] });
    const days = wrapper.findAll('section').map((s) => s.attributes('data-test'));
    expect(days).toEqual([`agenda-day-${localDate()}`, `agenda-day-${tomorrow}`]);
    const entries = wrapper.findAll('[data-test="agenda-item"]');
    expect(entries.map((e) => e.attributes('data-id'))).toEqual(['long', 'midnight', 'early', 'late']);
    const ofDay = (day: string) => wrapper.findAll(`[data-test="agenda-day-${day}"] [data-test="agenda-item"]`).map((e) => e.attributes('data-id'));
    expect(ofDay(localDate())).toEqual(['long']);
    expect(ofDay(tomorrow)).toEqual(['midnight', 'early', 'late']);
    // The whole title, never cut; the details from the slot under it; the class the view asked for.
    expect(entries[0]!.find('[data-test="agenda-title"]').text()).toBe(LONG);
    expect(entries[0]!.find('.note').text()).toBe('二楼活动室');
    expect(entries[0]!.classes()).toContain('kind-long');
    expect(entries[0]!.find('.agenda-time').text()).toBe('09:0011:30');
    // Ending on another day: the end's date is shown with its time.
    const end = localDate(new Date(at(2, 17))).slice(5);
    expect(entries[2]!.find('.agenda-time').text()).toBe(`08:30${end} 17:00`);
    expect(entries[1]!.find('.agenda-time').text()).toBe('00:30');
    // Today is marked; tomorrow is not.
    expect(wrapper.find(`[data-test="agenda-day-${localDate()}"] h3`).text()).toContain('今天');
    expect(wrapper.find(`[data-test="agenda-day-${tomorrow}"] h3`).text()).not.toContain('今天');
    // The heading names the day in Chinese: month, day and weekday.
    expect(wrapper.find(`[data-test="agenda-day-${localDate()}"] h3`).text()).toMatch(new RegExp(`${m}月${d}日.*周`));
  });

  it('says so when there is nothing, with the view\'s sentence or its own; in English too', async () => {
    const { wrapper } = await mountAs(AgendaList, user('VIEWER'), { props: { items: [], emptyText: '本周没有预约' } });
    expect(wrapper.find('[data-test="agenda-empty"]').text()).toContain('本周没有预约');
    wrapper.unmount();
    const en = await mountAs(AgendaList, user('VIEWER'), { props: { items: [] }, locale: 'en' });
    expect(en.wrapper.find('[data-test="agenda-empty"]').text()).toContain('Nothing scheduled');
  });
});
