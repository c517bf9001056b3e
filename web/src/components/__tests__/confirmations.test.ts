import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import ActivityDetailView from '../../views/activities/ActivityDetailView.vue';
import { confirmAction } from '../../lib/feedback';
import { mountAs, user } from '../../__tests__/mount';

/*
 * Nothing that cannot be taken back is sent before the user confirms it
 * (issue 16): withdrawing a sign-up, from the list of sign-ups (the committee)
 * or from the page's own button (a liaison, in the bottom bar on a phone).
 */

// The confirmation answers as each test says; the toasts stay real.
vi.mock('../../lib/feedback', async (original) => ({ ...(await original<typeof import('../../lib/feedback')>()), confirmAction: vi.fn(async () => false) }));

const real = window.matchMedia;
afterEach(() => {
  window.matchMedia = real;
  document.body.innerHTML = '';
  vi.mocked(confirmAction).mockReset().mockResolvedValue(false);
});

const unit = (id: string, name: string) => ({ __typename: 'MemberUnit', id, name });
const signup = (id: string, unitId: string, name: string, status = 'CONFIRMED') => ({
  __typename: 'Signup',
  id,
  status,
  headcount: 3,
  note: null,
  createdAt: `2026-01-0${id.length}T00:00:00Z`,
  unit: unit(unitId, name),
});
const activity = {
  __typename: 'Activity',
  id: 'act-1',
  title: '寒假少儿科普志愿服务',
  description: '为辖区小学生开展寒假科普实验活动。',
  kind: 'SERVICE',
  status: 'OPEN',
  startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
  endsAt: new Date(Date.now() + 5 * 86_400_000 + 3 * 3_600_000).toISOString(),
  location: '松山社区党群服务中心',
  maxUnits: 2,
  confirmedCount: 2,
  version: 1,
  recordedAfterwards: false,
  category: null,
  shelfProjects: [],
  needs: [],
  signups: [signup('s1', 'unit-1', '松风小学'), signup('s22', 'unit-2', '松林医院')],
  outcome: null,
};

async function mountPage(as: ReturnType<typeof user>) {
  const sent: { op: string; vars: Record<string, unknown> }[] = [];
  const mounted = await mountAs(ActivityDetailView, as, {
    props: { id: 'act-1' },
    handler: (op) => {
      sent.push({ op: op.operationName, vars: op.variables });
      if (op.operationName === 'Activity') return { data: { activity } };
      if (op.operationName === 'WithdrawSignup') return { data: { withdrawSignup: { __typename: 'Signup', id: op.variables.id, status: 'WITHDRAWN', activity } } };
      return { data: {} };
    },
  });
  const withdrawals = () => sent.filter((s) => s.op === 'WithdrawSignup').map((s) => s.vars);
  return { ...mounted, withdrawals };
}
const liaison = user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松风小学' } });

describe('withdrawing a sign-up is asked first', () => {
  it('the committee, from the list: dismissed, nothing is sent; confirmed, that sign-up is withdrawn', async () => {
    const { wrapper, withdrawals } = await mountPage(user('COMMITTEE_ADMIN'));
    await wrapper.find('[data-test="withdraw-unit-2"]').trigger('click');
    await flushPromises();
    expect(vi.mocked(confirmAction)).toHaveBeenCalledTimes(1);
    const [ask, title] = vi.mocked(confirmAction).mock.calls[0]!;
    expect(ask).toContain('松林医院');
    expect(ask).toContain('寒假少儿科普志愿服务');
    expect(title).toBe('退出报名');
    expect(withdrawals()).toEqual([]);

    vi.mocked(confirmAction).mockResolvedValueOnce(true);
    await wrapper.find('[data-test="withdraw-unit-2"]').trigger('click');
    await flushPromises();
    expect(withdrawals()).toEqual([{ id: 's22' }]);
  });

  it("a liaison, with the page's own button for its unit: dismissed, nothing is sent", async () => {
    const { wrapper, withdrawals } = await mountPage(liaison);
    // Only its own unit's sign-up has a withdraw button.
    expect(wrapper.find('[data-test="withdraw-unit-2"]').exists()).toBe(false);
    const own = wrapper.find('[data-test="action-bar"] [data-test="withdraw-own"]');
    expect(own.text()).toBe('退出本单位报名');
    await own.trigger('click');
    await flushPromises();
    expect(vi.mocked(confirmAction).mock.calls[0]![0]).toContain('松风小学');
    expect(withdrawals()).toEqual([]);
    vi.mocked(confirmAction).mockResolvedValueOnce(true);
    await own.trigger('click');
    await flushPromises();
    expect(withdrawals()).toEqual([{ id: 's1' }]);
  });

  it('a liaison whose unit has not signed up has no withdraw button', async () => {
    const { wrapper } = await mountPage(user('UNIT_ADMIN', { unit: { id: 'unit-3', name: '松山派出所' } }));
    expect(wrapper.find('[data-test="withdraw-own"]').exists()).toBe(false);
  });
});
