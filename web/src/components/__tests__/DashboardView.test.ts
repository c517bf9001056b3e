import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { print } from 'graphql';
import { defineComponent } from 'vue';
import DashboardView from '../../views/DashboardView.vue';
import { NEED_STATUS_LABELS } from '@alliance/shared';
import { DASHBOARD } from '../../graphql/dashboard';
import { mountAs, user } from '../../__tests__/mount';

// The page loads its charts and lower panels lazily (import()): loaded here first, so that no
// import is still on its way when a test's environment is torn down (an unhandled error).
beforeAll(async () => {
  await Promise.all([
    import('../charts/AppChart.vue'),
    import('../charts/MonthlyChart.vue'),
    import('../charts/DoughnutChart.vue'),
    import('../charts/BarsChart.vue'),
    import('../community/CommunityPanel.vue'),
    import('../incubator/ServicesPanel.vue'),
    import('../LedgerDownload.vue'),
  ]);
});

const status = NEED_STATUS_LABELS['zh-CN'];
const counts = { REPORTED: 3, ACCEPTED: 2, REJECTED: 4, ORDERED: 1, PLANNED: 0, IN_PROGRESS: 1, RESOLVED: 2, CLOSED: 5 };
const dashboard = (scale: number) => ({
  __typename: 'Dashboard',
  from: '2025-11-28',
  to: '2026-11-27',
  // 09:30:05 in the alliance's time zone (Asia/Shanghai), whatever the machine's.
  computedAt: '2026-11-27T01:30:05.000Z',
  unitCount: 12,
  signedAgreementCount: 10,
  shelfProjectsOnShelf: 20,
  shelfProjectsByCategory: [],
  needsReported: 18 * scale,
  needsResolved: 7 * scale,
  needsOverdue: 0,
  needsByStatus: Object.entries(counts).map(([status, count]) => ({ __typename: 'NeedStatusCount', status, count: count * scale })),
  averageSatisfaction: 4.5,
  activitiesCompleted: 3,
  activitiesByMonth: [],
  satisfactionByMonth: [],
  needsByGrid: [],
  overdueNeedsByUnit: [],
  volunteerHours: 12,
  beneficiaries: 100,
  bookingsDone: 912 * scale,
  offHoursBookingsDone: 905 * scale,
  topUnits: [],
});

const ChartStub = defineComponent({ name: 'ChartStub', props: { option: { type: Object, required: true } }, template: '<div />' });

/** The funnel chart's data as handed to the chart: [name, reached, now]. */
function funnel(wrapper: VueWrapper) {
  const chart = wrapper.find('[data-test="chart-funnel"]').findComponent(ChartStub);
  const option = chart.props('option') as { series: { data: { name: string; value: number; current: number }[] }[] };
  return option.series[0]!.data.map((d) => [d.name, d.value, d.current]);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the dashboard needs funnel', () => {
  it('comes from Dashboard.needsByStatus of the date range, not from the needs as of now', async () => {
    const source = print(DASHBOARD);
    expect(source).toContain('needsByStatus');
    // One `needs(...)` left: the overdue list.
    expect(source.match(/\bneeds\(/g)).toHaveLength(1);

    const { calls, wrapper } = await mountAs(DashboardView, user('COMMITTEE_ADMIN'), {
      handler: (op) => ({ data: { dashboard: dashboard(op.variables.from === '2020-01-01' ? 2 : 1), overdue: { totalCount: 0, nodes: [] } } }),
      // The community panel has its own query and its own tests.
      global: { stubs: { AppChart: ChartStub, CommunityPanel: true, ServicesPanel: true } },
    });
    expect(calls.filter((c) => c.operationName === 'Dashboard')).toHaveLength(1);
    // The server may answer figures computed a little earlier; the page says when.
    expect(wrapper.find('[data-test="dashboard-computed-at"]').text()).toBe('数据更新于 09:30:05');
    expect(document.body.querySelector('[data-test="funnel-rejected"]')?.textContent).toBe('另有 4 件初审未通过');
    expect(funnel(wrapper)).toEqual([
      [status.REPORTED, 18, 3],
      [status.ACCEPTED, 11, 2],
      [status.ORDERED, 9, 1],
      [status.PLANNED, 8, 0],
      [status.IN_PROGRESS, 8, 1],
      [status.RESOLVED, 7, 2],
      [status.CLOSED, 5, 5],
    ]);

    // Another range: asked again, and the funnel follows it.
    (wrapper.vm as unknown as { range: [string, string] }).range = ['2020-01-01', '2020-12-31'];
    await flushPromises();
    const asked = calls.filter((c) => c.operationName === 'Dashboard');
    expect(asked.at(-1)!.variables).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    expect(document.body.querySelector('[data-test="funnel-rejected"]')?.textContent).toBe('另有 8 件初审未通过');
    expect(funnel(wrapper).map((s) => s[1])).toEqual([36, 22, 18, 16, 16, 14, 10]);
  });
});

describe('the dashboard booking figures (错时约办)', () => {
  it('shows bookings done and the off-hours ones among them, with their own titles', async () => {
    const { wrapper } = await mountAs(DashboardView, user('VIEWER'), {
      handler: () => ({ data: { dashboard: dashboard(1), overdue: { totalCount: 0, nodes: [] } } }),
      global: { stubs: { AppChart: ChartStub, CommunityPanel: true } },
    });
    const done = wrapper.find('[data-test="kpi-bookingsDone"]');
    expect(done.text()).toContain('错时约办完成');
    expect(done.text()).toContain('912');
    const offHours = wrapper.find('[data-test="kpi-offHoursBookingsDone"]');
    expect(offHours.text()).toContain('其中非工作时间');
    expect(offHours.text()).toContain('905');
  });
});
