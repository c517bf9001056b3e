import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { defineComponent, type Component } from 'vue';
import { i18n, setLocale } from '../../../i18n';
import MonthlyChart from '../MonthlyChart.vue';
import DoughnutChart from '../DoughnutChart.vue';
import BarsChart from '../BarsChart.vue';
import { partialMonthLabel, periodLabel } from '../options';

/* The dashboard's pictures: what each chart component hands ECharts (the canvas itself is ECharts' business). */

const ChartStub = defineComponent({ name: 'ChartStub', props: { option: { type: Object, required: true }, height: String }, template: '<div />' });
const t = i18n.global.t as (key: string, values?: Record<string, unknown>) => string;

function mountChart(component: unknown, props: Record<string, unknown>) {
  const wrapper = mount(component as Component, { props, global: { plugins: [i18n], stubs: { AppChart: ChartStub } } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { wrapper, option: wrapper.findComponent(ChartStub).props('option') as any };
}
const optionOf = (component: unknown, props: Record<string, unknown>) => mountChart(component, props).option;

const MONTHS = [
  { month: '2025-12', value: 11 },
  { month: '2026-01', value: 10 },
  { month: '2026-11', value: 12 },
  { month: '2026-12', value: 0 },
];

describe('MonthlyChart', () => {
  it('marks the month in progress as partial: a pale dashed bar labelled 本月截至今日, left out of the trend (no fall to 0), said under the chart', () => {
    setLocale('zh-CN');
    const { option, wrapper } = mountChart(MonthlyChart, { months: MONTHS, from: '2025-12-01', to: '2026-12-01', today: '2026-12-01', kind: 'bars', name: '完成活动', trendName: '趋势' });
    expect(option.series).toHaveLength(2);
    const [bars, trend] = option.series;
    expect(bars.type).toBe('bar');
    expect(bars.data.slice(0, 3)).toEqual([11, 10, 12]);
    expect(bars.data[3]).toMatchObject({ value: 0, itemStyle: { borderType: 'dashed' }, label: { show: true, rotate: 90, formatter: '本月截至今日 0' } });
    // The trend stops at the last whole month.
    expect(trend.data).toEqual([11, 10, 12, null]);
    expect(trend.connectNulls).toBe(false);
    // The tooltip says the month is partial.
    expect(option.tooltip.formatter([{ dataIndex: 3 }])).toContain('2026-12 · 本月截至今日');
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).toBe('2026-01<br/>完成活动：10');
    expect(wrapper.find('[data-test="partial-months"]').text()).toBe('虚线所示为不完整的月份（2026-12 本月截至今日），不与整月比较');
  });

  it('draws a month without a value as a gap, and a range cut on both ends as partial there (with the days in the label)', () => {
    setLocale('zh-CN');
    const months = [
      { month: '2026-01', value: 4.5, detail: '回访 2 次' },
      { month: '2026-02', value: null, detail: '本月无回访' },
      { month: '2026-03', value: 4 },
      { month: '2026-04', value: 3.5 },
    ];
    const option = optionOf(MonthlyChart, { months, from: '2026-01-15', to: '2026-04-20', today: '2026-12-01', kind: 'line', name: '平均满意度', min: 0, max: 5 });
    expect(option.series).toHaveLength(2);
    const [line, dashed] = option.series;
    expect(line.data).toEqual([null, null, 4, null]);
    expect(line.connectNulls).toBe(false);
    expect(dashed.data.map((p: any) => p?.value ?? null)).toEqual([4.5, null, 4, 3.5]);
    expect(dashed.data[0].label).toMatchObject({ show: true, formatter: '自01-15起' });
    expect(dashed.data[3].label).toMatchObject({ show: true, formatter: '截至04-20' });
    expect(option.yAxis).toMatchObject({ min: 0, max: 5 });
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).toBe('2026-02<br/>平均满意度：—<br/>本月无回访');
  });

  it('leaves whole months alone', () => {
    expect(partialMonthLabel('2026-11', '2025-12-01', '2026-11-30', '2026-12-01', t)).toBeNull();
    expect(partialMonthLabel('2025-12', '2025-12-01', '2026-11-30', '2026-12-01', t)).toBeNull();
    const option = optionOf(MonthlyChart, { months: MONTHS.slice(0, 3), from: '2025-12-01', to: '2026-11-30', today: '2026-12-01', kind: 'bars', name: 'n' });
    expect(option.series).toHaveLength(2);
    expect(option.series[0].data).toEqual([11, 10, 12]);
    expect(mountChart(MonthlyChart, { months: MONTHS.slice(0, 3), from: '2025-12-01', to: '2026-11-30', today: '2026-12-01', kind: 'bars', name: 'n' }).wrapper.find('[data-test="partial-months"]').exists()).toBe(false);
  });
});

describe('DoughnutChart', () => {
  it('labels each slice with its count and percentage, and the legend with name and count', async () => {
    setLocale('zh-CN');
    const slices = [
      { name: '党群服务', value: 15 },
      { name: '环境卫生', value: 12 },
      { name: '民生保障', value: 25 },
    ];
    const option = optionOf(DoughnutChart, { slices });
    const pie = option.series[0];
    expect(pie.data).toEqual(slices);
    expect(slices.map((s) => pie.label.formatter({ name: s.name }))).toEqual(['15（28.8%）', '12（23.1%）', '25（48.1%）']);
    expect(option.legend.formatter('民生保障')).toBe('民生保障 25');
    expect(option.tooltip.formatter({ name: '环境卫生' })).toBe('环境卫生：12（23.1%）');
    // Room for the labels beside the ring on a phone: the ring leaves more than 40% of the width on each side.
    expect(Number.parseFloat(pie.radius[1])).toBeLessThanOrEqual(60);
    expect(pie.label).toMatchObject({ alignTo: 'edge', edgeDistance: 8 });
    await setLocale('en');
    expect(optionOf(DoughnutChart, { slices }).series[0].label.formatter({ name: '党群服务' })).toBe('15 (28.8%)');
    setLocale('zh-CN');
  });
});

describe('BarsChart', () => {
  it('stacks resolved and unresolved per grid, the total on top', () => {
    const series = [
      { name: '已解决', data: [3, 0], stack: 'reported' },
      { name: '未解决', data: [2, 0], stack: 'reported' },
    ];
    const option = optionOf(BarsChart, { categories: ['第一网格', '第二网格'], series });
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['第一网格', '第二网格'] });
    expect(option.series.map((s: any) => s.label.show)).toEqual([false, true]);
    expect(option.series[1].label.formatter({ dataIndex: 0 })).toBe('5');
    expect(option.series[1].label.formatter({ dataIndex: 1 })).toBe('0');
  });

  it('lays units out horizontally, the most on top, each bar with its count', () => {
    const option = optionOf(BarsChart, { categories: ['甲单位', '乙单位'], series: [{ name: '逾期需求', data: [4, 1] }], horizontal: true });
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['甲单位', '乙单位'] });
    expect(option.series[0]).toMatchObject({ data: [4, 1], label: { show: true, position: 'right' } });
  });
});

describe('periodLabel', () => {
  it('names a calendar year, a calendar month, or the days', () => {
    setLocale('zh-CN');
    expect(periodLabel('2026-01-01', '2026-12-31', t)).toBe('2026年');
    expect(periodLabel('2026-02-01', '2026-02-28', t)).toBe('2026年02月');
    expect(periodLabel('2025-12-02', '2026-12-01', t)).toBe('2025-12-02 至 2026-12-01');
    expect(t('charts.pointsOf', { period: periodLabel('2026-01-01', '2026-12-31', t) })).toBe('积分（2026年）');
  });
});
