import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { localDate } from '@alliance/shared';
import UnitPointsLedger from '../units/UnitPointsLedger.vue';
import MyTasksView from '../../views/needs/MyTasksView.vue';
import ClaimHallView from '../../views/needs/ClaimHallView.vue';
import CommitteeQueuesView from '../../views/needs/CommitteeQueuesView.vue';
import { mountAs, user, type Handler } from '../../__tests__/mount';


const body = () => document.body;
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 120));
  await flushPromises();
};
const text = (sel: string) => body().querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const YEAR = localDate().slice(0, 4);

afterEach(() => {
  document.body.innerHTML = '';
});

const entry = (id: string, points: number, source: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'PointsEntry',
  id,
  points,
  source,
  earnedAt: '2026-06-01T02:00:00Z',
  note: null,
  activity: null,
  need: null,
  ...extra,
});
const ledger: Handler = (op) => {
  const v = op.variables;
  const total = v.from === undefined || v.from === null ? 120 : String(v.from).endsWith('-01-01') ? 40 : 55;
  return {
    data: {
      pointsLedger: {
        __typename: 'PointsEntryConnection',
        totalCount: 2,
        totalPoints: total,
        pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
        nodes: [
          entry('e1', 10, 'ACTIVITY_COMPLETED', { activity: { __typename: 'Activity', id: 'a1', title: '楼道清洁日' } }),
          entry('e2', 5, 'NEED_RESOLVED', { need: { __typename: 'Need', id: 'n1', title: '5号楼楼道灯坏了' } }),
        ],
      },
    },
  };
};

describe('积分明细 on the unit page', () => {
  it('names the period of every total, and asks the server for that period', async () => {
    const { calls } = await mountAs(UnitPointsLedger, user('VIEWER'), { props: { unitId: 'unit-1' }, handler: ledger });
    const asked = () => calls.filter((c) => c.operationName === 'PointsLedger').map((c) => ({ from: c.variables.from ?? null, to: c.variables.to ?? null }));
    expect(text('[data-test="ledger-total"] .el-statistic__head')).toBe('近12个月积分');
    expect(text('[data-test="ledger-total"] .el-statistic__content')).toBe('55');
    expect(asked().at(-1)?.to).toBe(localDate());
    expect([...body().querySelectorAll('[data-test="ledger-table"] tbody tr')].map((r) => [...r.querySelectorAll('td')].map((d) => d.textContent?.trim()))).toEqual([
      ['2026-06-01 10:00', '完成联建活动', '楼道清洁日', '+10'],
      ['2026-06-01 10:00', '办结民生微实事', '5号楼楼道灯坏了', '+5'],
    ]);

    body().querySelector<HTMLElement>('[data-test="ledger-period-thisYear"]')!.click();
    await settle();
    expect(text('[data-test="ledger-total"] .el-statistic__head')).toBe(`${YEAR}年积分`);
    expect(text('[data-test="ledger-total"] .el-statistic__content')).toBe('40');
    expect(asked().at(-1)).toEqual({ from: `${YEAR}-01-01`, to: localDate() });

    body().querySelector<HTMLElement>('[data-test="ledger-period-allTime"]')!.click();
    await settle();
    expect(text('[data-test="ledger-total"] .el-statistic__head')).toBe('累计积分');
    expect(text('[data-test="ledger-total"] .el-statistic__content')).toBe('120');
    expect(asked().at(-1)).toEqual({ from: null, to: null });
  });

  it('in English', async () => {
    await mountAs(UnitPointsLedger, user('VIEWER'), { props: { unitId: 'unit-1' }, handler: ledger, locale: 'en' });
    expect(text('[data-test="ledger-total"] .el-statistic__head')).toBe('Points, last 12 months');
  });
});

const card = (id: string, title: string, status: string, dueAt: string | null) => ({
  __typename: 'Need',
  id,
  title,
  status,
  location: null,
  reportedAt: '2026-11-01T00:00:00Z',
  dueAt,
  version: 1,
  grid: { __typename: 'Grid', id: 'grid-1', name: '第一网格' },
  category: null,
  assignee: null,
  claimedBy: [],
});
const hours = (h: number) => new Date(Date.now() + h * 3600 * 1000).toISOString();

describe('我的待办', () => {
  it('asks for my needs (and, for a grid worker, the follow-ups of the own grid) and marks the near deadlines', async () => {
    const { calls } = await mountAs(MyTasksView, user('GRID_WORKER', { grid: { id: 'grid-1', name: '第一网格' } as never }), {
      handler: () => ({
        data: {
          assigned: { __typename: 'NeedConnection', totalCount: 2, nodes: [card('n1', '楼道灯', 'IN_PROGRESS', hours(20)), card('n2', '下水道', 'IN_PROGRESS', hours(24 * 5))] },
          followUps: { __typename: 'NeedConnection', totalCount: 1, nodes: [card('n3', '垃圾清运', 'RESOLVED', hours(-3))] },
        },
      }),
    });
    expect(calls.find((c) => c.operationName === 'MyTasks')?.variables).toEqual({ gridId: 'grid-1', withFollowUps: true });
    expect(text('[data-test="tasks-assigned"] h2')).toBe('交给我办理（2）');
    expect(text('[data-test="tasks-followUps"] h2')).toBe('本网格待回访（1）');
    const rows = [...body().querySelectorAll('[data-test="tasks-assigned"] tbody tr')];
    expect(rows.map((r) => r.className.includes('due-soon'))).toEqual([true, false]);
    expect(rows.map((r) => r.querySelector('[data-test="due-soon"]')?.textContent?.trim() ?? null)).toEqual(['即将到期', null]);
    // A resolved need is no longer due.
    expect(body().querySelector('[data-test="tasks-followUps"] [data-test="due-soon"], [data-test="tasks-followUps"] .due-overdue')).toBeNull();
  });

  it('a unit liaison has no follow-up section', async () => {
    const { calls } = await mountAs(MyTasksView, user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松林医院' } as never }), {
      handler: () => ({ data: { assigned: { __typename: 'NeedConnection', totalCount: 0, nodes: [] } } }),
    });
    expect(calls.find((c) => c.operationName === 'MyTasks')?.variables).toEqual({ gridId: null, withFollowUps: false });
    expect(body().querySelector('[data-test="tasks-followUps"]')).toBeNull();
  });
});

describe('认领大厅', () => {
  it('claims in one click with the version read, and says clearly when the server refuses (the open-claims cap)', async () => {
    const { calls } = await mountAs(ClaimHallView, user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松林医院' } as never }), {
      handler: (op) => {
        if (op.operationName === 'ClaimHall')
          return {
            data: {
              alliance: { __typename: 'Alliance', id: 'a1', maxOpenClaims: 5 },
              needs: { __typename: 'NeedConnection', totalCount: 1, nodes: [{ ...card('n1', '楼道灯', 'ACCEPTED', null), version: 3, description: '灯坏了' }] },
            },
          };
        return { errors: [new GraphQLError('Your unit already holds 5 open claims', { extensions: { code: 'CONFLICT', reason: 'CLAIM_LIMIT_REACHED', limit: 5, open: 5 } })] };
      },
    });
    expect(text('.page-header .muted')).toContain('最多同时认领 5 项');
    body().querySelector<HTMLElement>('[data-test="claim-button"]')!.click();
    await settle();
    // One click opens the claim; a note is optional, sent trimmed.
    expect(body().querySelector('[data-test="claim-dialog"]')?.textContent).toContain('确定以本单位名义认领“楼道灯”吗');
    const note = body().querySelector<HTMLTextAreaElement>('[data-test="prompt-text"]')!;
    note.value = ' 可派2名党员电工 ';
    note.dispatchEvent(new Event('input'));
    await settle();
    body().querySelector<HTMLElement>('[data-test="claim-dialog"] [data-test="prompt-confirm"]')!.click();
    await settle();
    expect(calls.filter((c) => c.operationName === 'ClaimNeed').map((c) => c.variables)).toEqual([{ id: 'n1', version: 3, note: '可派2名党员电工' }]);
    const refused = text('[data-test="claim-refused"]');
    expect(refused).toContain('认领未成功：楼道灯');
    // Worded from extensions.reason and .limit, never from the server's English.
    expect(text('[data-test="claim-refused-message"]')).toBe('本单位已有5件认领中的需求，达到联盟上限；请待其中一件办结、关闭或不予受理后再认领');
    expect(refused).not.toContain('open claims');
  });
});

describe('党委工作台 (the committee\'s queues)', () => {
  const queues: Handler = (op) => {
    if (op.operationName === 'CommitteeQueueCounts')
      return {
        data: {
          toScreen: { __typename: 'NeedConnection', totalCount: 3 },
          toOrder: { __typename: 'NeedConnection', totalCount: 1 },
          overdue: { __typename: 'NeedConnection', totalCount: 2 },
        },
      };
    const f = op.variables.filter;
    const nodes = f.overdue
      ? [{ ...card('n9', '井盖松动', 'IN_PROGRESS', hours(-30)), assignee: { __typename: 'User', id: 'u1', displayName: '张网格' } }]
      : f.status?.[0] === 'ACCEPTED'
        ? [card('n5', '健身器材损坏', 'ACCEPTED', null)]
        : [card('n1', '楼道灯', 'REPORTED', null), card('n2', '下水道', 'REPORTED', null)];
    return { data: { needs: { __typename: 'NeedConnection', totalCount: f.overdue ? 2 : nodes.length, nodes } } };
  };
  const asked = (calls: { operationName: string; variables: Record<string, unknown> }[]) =>
    calls.filter((c) => c.operationName === 'CommitteeQueue').map((c) => c.variables.filter);

  it('counts each queue in its tab and lists the chosen one with its filter', async () => {
    const { calls } = await mountAs(CommitteeQueuesView, user('COMMITTEE_ADMIN'), { handler: queues });
    await settle();
    expect(text('[data-test="queue-count-toScreen"]')).toBe('3');
    expect(text('[data-test="queue-count-toOrder"]')).toBe('1');
    expect(text('[data-test="queue-count-overdue"]')).toBe('2');
    expect(asked(calls)).toEqual([{ status: ['REPORTED'] }]);
    expect([...body().querySelectorAll('[data-test="queue-link"]')].map((a) => a.textContent?.trim())).toEqual(['楼道灯', '下水道']);

    body().querySelector<HTMLElement>('#tab-overdue')!.click();
    await settle();
    expect(asked(calls).at(-1)).toEqual({ overdue: true });
    expect([...body().querySelectorAll('[data-test="queue-link"]')].map((a) => a.textContent?.trim())).toEqual(['井盖松动']);
    expect(text('[data-test="queue-table"]')).toContain('张网格');
    // One shown of two: said, with where the rest are.
    expect(text('[data-test="queue-shown"]')).toContain('共 2 件，显示最新的 1 件');

    body().querySelector<HTMLElement>('#tab-toOrder')!.click();
    await settle();
    expect(asked(calls).at(-1)).toEqual({ status: ['ACCEPTED'] });
  });

  it('on a phone (< 768 px): cards, not a table', async () => {
    const real = window.matchMedia;
    window.matchMedia = ((q: string) => ({ matches: q.includes('max-width'), media: q, addEventListener() {}, removeEventListener() {} })) as never;
    try {
      await mountAs(CommitteeQueuesView, user('COMMITTEE_ADMIN'), { handler: queues });
      await settle();
      expect(body().querySelector('[data-test="queue-table"]')).toBeNull();
      expect([...body().querySelectorAll('[data-test="queue-card"]')].map((c) => c.querySelector('.queue-title')?.textContent)).toEqual(['楼道灯', '下水道']);
    } finally {
      window.matchMedia = real;
    }
  });
});
