/*
 * The dashboard's pictures as ECharts options, built from the figures alone
 * (no ECharts import here: the library stays in AppChart's lazy chunk, and
 * these builders are tested without a canvas).
 */

export const RED = '#c8161d';
export const PALETTE = [RED, '#f5a623', '#2f7bd9', '#4caf50', '#9c27b0', '#00acc1', '#795548'];
const PARTIAL_FILL = 'rgba(200, 22, 29, 0.22)';
const TREND = '#f5a623';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The last day (YYYY-MM-DD) of the month of a YYYY-MM-DD. */
function lastDayOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return `${day.slice(0, 7)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * Why a month of the range is counted in part, or null when it is whole: the
 * range starts after its first day, or ends before its last (the month in
 * progress, "本月截至今日", when it ends today). A partial month's figure is
 * not comparable with the others: a month that has just begun shows 0.
 */
export function partialMonthLabel(month: string, from: string, to: string, today: string, t: Translate): string | null {
  const mmdd = (day: string) => day.slice(5);
  if (month === to.slice(0, 7) && to !== lastDayOfMonth(to)) {
    if (to === today) return t('charts.monthToDate');
    return t('charts.monthUntil', { day: mmdd(to) });
  }
  if (month === from.slice(0, 7) && !from.endsWith('-01')) return t('charts.monthFrom', { day: mmdd(from) });
  return null;
}

/** The period a figure covers, in words: a calendar year, a calendar month, or the days. */
export function periodLabel(from: string, to: string, t: Translate): string {
  const year = from.slice(0, 4);
  if (from === `${year}-01-01` && to === `${year}-12-31`) return t('charts.periodYear', { year });
  if (from.endsWith('-01') && to === lastDayOfMonth(from)) return t('charts.periodMonth', { year, month: from.slice(5, 7) });
  return t('charts.periodRange', { from, to });
}

export interface MonthValue {
  /** YYYY-MM */
  month: string;
  /** null: nothing to show for the month (e.g. no follow-up to average), drawn as a gap, never as 0. */
  value: number | null;
  /** Said in the tooltip under the value (e.g. how many follow-ups). */
  detail?: string;
}

export interface MonthlyOptions {
  months: readonly MonthValue[];
  from: string;
  to: string;
  today: string;
  /** The bars' (or the line's) name. */
  name: string;
  /** 'bars': bars with a trend line over them (counts); 'line': a line alone (averages). */
  kind: 'bars' | 'line';
  /** The trend line's name, for 'bars'. */
  trendName?: string;
  /** The value axis' bounds (e.g. satisfaction 0..5). */
  min?: number;
  max?: number;
  t: Translate;
}

/**
 * A figure per month. A partial month (partialMonthLabel) is drawn apart, so
 * that it never reads as a fall: as a pale bar with a dashed edge, its label
 * written up the bar (it fits at any width), and the trend line leaves it out
 * (a count of part of a month is not comparable); an average (kind 'line')
 * reaches it by a dashed segment to a hollow point with its label.
 */
export function monthlyOption(o: MonthlyOptions) {
  const partial = o.months.map((m) => partialMonthLabel(m.month, o.from, o.to, o.today, o.t));
  const whole = o.months.map((m, i) => (partial[i] ? null : m.value));
  const series: Record<string, unknown>[] = [];
  if (o.kind === 'bars') {
    series.push({
      name: o.name,
      type: 'bar',
      barMaxWidth: 28,
      data: o.months.map((m, i) =>
        partial[i]
          ? {
              value: m.value,
              itemStyle: { color: PARTIAL_FILL, borderColor: RED, borderType: 'dashed', borderWidth: 1 },
              label: { show: true, position: 'insideBottom', rotate: 90, align: 'left', verticalAlign: 'middle', formatter: `${partial[i]} ${m.value ?? ''}`.trim(), color: '#303133', fontSize: 11 },
            }
          : m.value,
      ),
    });
    series.push({ name: o.trendName ?? o.name, type: 'line', smooth: true, connectNulls: false, color: TREND, data: whole });
  } else {
    series.push({ name: o.name, type: 'line', connectNulls: false, color: RED, data: whole });
    // The dashed segments: each partial month joined to its whole neighbour (inward).
    const dashed: unknown[] = o.months.map(() => null);
    partial.forEach((label, i) => {
      const value = o.months[i]!.value;
      if (!label || value == null) return;
      const last = i === o.months.length - 1;
      dashed[i] = {
        value,
        symbol: 'emptyCircle',
        symbolSize: 9,
        label: { show: true, position: last ? 'left' : 'right', formatter: label, color: '#303133', fontSize: 11 },
      };
      const inward = i === 0 ? 1 : i - 1;
      const neighbour = o.months[inward];
      // The whole month's end of the segment is already drawn by the solid line.
      if (inward !== i && neighbour && !partial[inward] && neighbour.value != null) dashed[inward] = { value: neighbour.value, symbol: 'none' };
    });
    if (dashed.some((v) => v != null)) {
      series.push({ name: o.name, type: 'line', connectNulls: false, color: RED, lineStyle: { type: 'dashed' }, data: dashed, tooltip: { show: false } });
    }
  }
  return {
    color: PALETTE,
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const i = params[0]?.dataIndex ?? 0;
        const m = o.months[i]!;
        const head = partial[i] ? `${m.month} · ${partial[i]}` : m.month;
        const value = `${o.name}：${m.value ?? '—'}`;
        return [head, value, m.detail].filter(Boolean).join('<br/>');
      },
    },
    grid: { left: 8, right: 16, top: 36, bottom: 8 },
    xAxis: { type: 'category', data: o.months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: o.kind === 'bars' ? 1 : undefined, min: o.min, max: o.max },
    series,
  };
}

export interface Slice {
  name: string;
  value: number;
}

/** The percentage of each slice as ECharts shows it, to one decimal. */
export function percents(slices: readonly Slice[]): number[] {
  const total = slices.reduce((a, s) => a + s.value, 0);
  return slices.map((s) => (total ? Math.round((s.value / total) * 1000) / 10 : 0));
}

/**
 * A doughnut whose labels carry the count and the percentage ("15（28.8%）"),
 * short enough to stand beside it on a phone; the names are in the legend
 * (which wraps, so none is cut off), with their counts.
 */
export function doughnutOption(slices: readonly Slice[], t: Translate) {
  const pct = percents(slices);
  const byName = new Map(slices.map((s, i) => [s.name, { n: s.value, percent: pct[i] }]));
  return {
    color: PALETTE,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string }) => t('charts.sliceTooltip', { name: p.name, ...byName.get(p.name) }),
    },
    legend: { bottom: 0, formatter: (name: string) => `${name} ${byName.get(name)?.n ?? ''}` },
    series: [
      {
        type: 'pie',
        radius: ['32%', '52%'],
        center: ['50%', '44%'],
        percentPrecision: 1,
        avoidLabelOverlap: true,
        minShowLabelAngle: 1,
        // Labels aligned to the chart's edges, 8 px inside: never drawn past them (a phone's 390 px included).
        label: { formatter: (p: { name: string }) => t('charts.slice', byName.get(p.name) ?? {}), alignTo: 'edge', edgeDistance: 8, overflow: 'none' },
        labelLine: { length: 8, length2: 0, maxSurfaceAngle: 80 },
        labelLayout: { hideOverlap: false },
        data: slices.map((s) => ({ name: s.name, value: s.value })),
      },
    ],
  };
}

export interface BarSeries {
  name: string;
  data: readonly number[];
  /** Bars of one stack add up (e.g. resolved + not resolved = reported). */
  stack?: string;
  color?: string;
}

/**
 * Bars per category (grids, units). Horizontal for long names (units), each
 * bar labelled with its value; a stack's total is labelled at its end.
 */
export function barsOption(categories: readonly string[], series: readonly BarSeries[], horizontal = false) {
  const stacked = series.some((s) => s.stack);
  const valueAxis = { type: 'value', minInterval: 1 };
  const categoryAxis = {
    type: 'category',
    data: [...categories],
    inverse: horizontal, // the first (the most) on top
    axisLabel: horizontal ? { width: 120, overflow: 'truncate' } : { interval: 0, width: 72, overflow: 'truncate' },
  };
  const last = series.length - 1;
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: horizontal ? 32 : 8, top: series.length > 1 ? 32 : 12, bottom: 8 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s, k) => ({
      name: s.name,
      type: 'bar',
      stack: s.stack,
      color: s.color,
      barMaxWidth: 28,
      // Stacked: only the outermost bar says the stack's total.
      label: stacked
        ? { show: k === last, position: horizontal ? 'right' : 'top', formatter: (p: { dataIndex: number }) => String(series.reduce((a, x) => a + (x.data[p.dataIndex] ?? 0), 0)) }
        : { show: true, position: horizontal ? 'right' : 'top' },
      data: [...s.data],
    })),
  };
}
