import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import type { Operation } from '@apollo/client/core';
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

const card = (id: string, title: string, status: string, dueAt: string | null, extra: Record<string, unknown> = {}) => ({
  __typename: 'Need',
  id,
  title,
  status,
  source: 'STAFF',
  verifiedAt: null,
  location: null,
  reportedAt: '2026-11-01T00:00:00Z',
  dueAt,
  version: 1,
  grid: { __typename: 'Grid', id: 'grid-1', name: '第一网格' },
  category: null,
  assignee: null,
  claimedBy: [],
  ...extra,
});
const hours = (h: number) => new Date(Date.now() + h * 3600 * 1000).toISOString();

/** A page of the NeedsListPanel query from these rows (cursor = offset), as the server gives it. */
function page(op: Operation, rows: Record<string, unknown>[]) {
  const start = op.variables.after ? Number(op.variables.after) : 0;
  const nodes = rows.slice(start, start + op.variables.first).map((n) => (op.variables.withDescription ? { description: '', ...n } : n));
  const end = start + nodes.length;
  return {
    data: {
      needs: {
        __typename: 'NeedConnection',
        totalCount: rows.length,
        pageInfo: { __typename: 'PageInfo', endCursor: nodes.length ? String(end) : null, hasNextPage: end < rows.length },
        nodes,
      },
    },
  };
}
type Call = { operationName: string; variables: Record<string, unknown> };
const listed = (calls: Call[]) => calls.filter((c) => c.operationName === 'NeedsListPanel').map((c) => c.variables);
const titles = (testId: string) => [...body().querySelectorAll(`[data-test="${testId}-table"] .el-table__body [data-test="${testId}-title"]`)].map((a) => a.textContent?.trim());
const phone = async (run: () => Promise<void>) => {
  const real = window.matchMedia;
  window.matchMedia = ((q: string) => ({ matches: q.includes('max-width'), media: q, addEventListener() {}, removeEventListener() {} })) as never;
  try {
    await run();
  } finally {
    window.matchMedia = real;
  }
};
async function openAt<C>(component: C, path: string, url: string, as: ReturnType<typeof user>, handler: Handler) {
  const m = await mountAs({ template: '<router-view />' }, as, { handler, routes: [{ path, component: component as never }] });
  await m.router.push(url);
  await settle();
  return m;
}

describe('我的待办', { timeout: 60_000 }, () => {
  const worker = user('GRID_WORKER', { grid: { id: 'grid-1', name: '第一网格' } as never });
  const tasks: Handler = (op) => {
    if (op.operationName === 'MyTaskCounts')
      return {
        data: {
          assigned: { __typename: 'NeedConnection', totalCount: 2 },
          ...(op.variables.withFollowUps
            ? { followUps: { __typename: 'NeedConnection', totalCount: 1 }, toVerify: { __typename: 'NeedConnection', totalCount: 1 } }
            : {}),
        },
      };
    if (op.operationName !== 'NeedsListPanel') return { data: {} };
    const f = op.variables.filter;
    if (f.assignedToMe) return page(op, [card('n1', '楼道灯', 'IN_PROGRESS', hours(20)), card('n2', '下水道', 'IN_PROGRESS', hours(24 * 5))]);
    if (f.source === 'RESIDENT') return page(op, [card('n4', '路灯不亮', 'REPORTED', null, { source: 'RESIDENT' })]);
    return page(op, [card('n3', '垃圾清运', 'RESOLVED', hours(-3))]);
  };

  it('a grid worker: a tab per queue with its count, the chosen one asked with its filter (in the URL) and the near deadlines marked', async () => {
    const { calls, router } = await openAt(MyTasksView, '/needs/mine', '/needs/mine', worker, tasks);
    expect(calls.find((c) => c.operationName === 'MyTaskCounts')?.variables).toEqual({
      assigned: { assignedToMe: true, status: ['IN_PROGRESS'] },
      followUps: { gridId: 'grid-1', status: ['RESOLVED'] },
      toVerify: { gridId: 'grid-1', status: ['REPORTED'], source: 'RESIDENT', verified: false },
      withFollowUps: true,
    });
    expect([...body().querySelectorAll('[data-test="queues"] .el-tabs__item')].map((e) => e.textContent?.replace(/\s+/g, ''))).toEqual(['交给我办理2', '本网格待回访1', '群众点单待核实1']);
    expect(listed(calls).at(-1)?.filter).toMatchObject({ assignedToMe: true, status: ['IN_PROGRESS'], search: null });
    expect(titles('tasks')).toEqual(['楼道灯', '下水道']);
    expect(text('[data-test="tasks-total"]')).toBe('共 2 条');
    const rows = [...body().querySelectorAll('[data-test="tasks-table"] .el-table__body tr')];
    expect(rows.map((r) => r.className.includes('due-soon'))).toEqual([true, false]);
    expect(rows.map((r) => r.querySelector('[data-test="due-soon"]')?.textContent?.trim() ?? null)).toEqual(['即将到期', null]);

    // The follow-ups' tab: in the URL, its own filter; a resolved need is no longer due.
    body().querySelector<HTMLElement>('#tab-followUps')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ q: 'followUps' });
    expect(listed(calls).at(-1)?.filter).toMatchObject({ gridId: 'grid-1', status: ['RESOLVED'] });
    expect(titles('tasks')).toEqual(['垃圾清运']);
    expect(body().querySelector('[data-test="tasks-table"] [data-test="due-soon"], [data-test="tasks-table"] .due-overdue')).toBeNull();

    // The reports to verify: 核实 on the row.
    body().querySelector<HTMLElement>('#tab-toVerify')!.click();
    await settle();
    expect(listed(calls).at(-1)?.filter).toMatchObject({ gridId: 'grid-1', status: ['REPORTED'], source: 'RESIDENT', verified: false });
    expect([...body().querySelectorAll('[data-test="tasks-table"] [data-test="need-verify"]')].map((b) => b.textContent?.trim())).toEqual(['核实']);
  });

  it('the search form narrows the queue and is kept in the URL beside the tab', async () => {
    const { calls, router } = await openAt(MyTasksView, '/needs/mine', '/needs/mine?q=assigned&keyword=灯&overdue=1', worker, tasks);
    expect(listed(calls).at(-1)?.filter).toMatchObject({ assignedToMe: true, status: ['IN_PROGRESS'], search: '灯', overdue: true });
    expect((body().querySelector('[data-test="search-keyword"]') as HTMLInputElement).value).toBe('灯');
    body().querySelector<HTMLElement>('[data-test="search-reset"]')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ q: 'assigned' });
    expect(listed(calls).at(-1)?.filter).toMatchObject({ assignedToMe: true, search: null, overdue: null });
  });

  it('a unit liaison has its own tasks only; on a phone they are cards', async () => {
    await phone(async () => {
      const { calls } = await openAt(MyTasksView, '/needs/mine', '/needs/mine?q=followUps', user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松林医院' } as never }), tasks);
      expect(calls.find((c) => c.operationName === 'MyTaskCounts')?.variables).toMatchObject({ withFollowUps: false });
      // A queue the liaison does not have, named in a link: its own.
      expect([...body().querySelectorAll('[data-test="queues"] .el-tabs__item')].map((e) => e.textContent?.replace(/\s+/g, ''))).toEqual(['交给我办理2']);
      expect(listed(calls).at(-1)?.filter).toMatchObject({ assignedToMe: true });
      expect(body().querySelector('[data-test="tasks-table"]')).toBeNull();
      const cards = [...body().querySelectorAll('[data-test="tasks-cards"] [data-test="list-card"]')];
      expect(cards.map((c) => c.querySelector('[data-test="tasks-title"]')?.textContent)).toEqual(['楼道灯', '下水道']);
      expect(cards.map((c) => c.classList.contains('due-soon'))).toEqual([true, false]);
    });
  });
});

describe('认领大厅', { timeout: 60_000 }, () => {
  const liaison = user('UNIT_ADMIN', { unit: { id: 'unit-1', name: '松林医院' } as never });
  const hall: Handler = (op) => {
    if (op.operationName === 'ClaimCap') return { data: { alliance: { __typename: 'Alliance', id: 'a1', maxOpenClaims: 5 } } };
    if (op.operationName === 'NeedsListPanel')
      return page(op, [
        { ...card('n1', '楼道灯', 'ACCEPTED', null), version: 3, description: '灯坏了' },
        ...Array.from({ length: 11 }, (_, i) => card(`m${i}`, `需求${i}`, 'ACCEPTED', null)),
      ]);
    return { errors: [new GraphQLError('Your unit already holds 5 open claims', { extensions: { code: 'CONFLICT', reason: 'CLAIM_LIMIT_REACHED', limit: 5, open: 5 } })] };
  };

  it('lists the claimable needs searched, paged, with the filters in the URL', async () => {
    const { calls, router } = await openAt(ClaimHallView, '/needs/claimable', '/needs/claimable?keyword=灯&grid=grid-2&reported=2026-11-01~2026-11-30&size=10', liaison, hall);
    expect(listed(calls).at(-1)).toEqual({
      filter: {
        search: '灯',
        status: null,
        categoryCode: null,
        gridId: 'grid-2',
        myUnit: null,
        reportedFrom: '2026-11-01',
        reportedTo: '2026-11-30',
        resolvedFrom: null,
        resolvedTo: null,
        overdue: null,
        claimable: true,
      },
      withDescription: true,
      first: 10,
      after: null,
    });
    // The fields that make sense here: no status (claimable is the status), no 逾期 (no due date yet).
    expect([...body().querySelectorAll('[data-test="search-form"] .el-form-item__label')].map((l) => l.textContent)).toEqual(['关键词', '服务类别', '所属网格', '上报日期']);
    expect(text('[data-test="claim-hall-total"]')).toBe('共 12 条');
    expect(titles('claim-hall')).toHaveLength(10);
    expect(text('[data-test="claim-hall-table"] .el-table__body tr .col-description')).toBe('灯坏了');

    body().querySelector<HTMLElement>('[data-test="claim-hall-pager"] .el-pager li:nth-child(2)')!.click();
    await settle();
    expect(router.currentRoute.value.query).toMatchObject({ keyword: '灯', page: '2', size: '10' });
    expect(titles('claim-hall')).toEqual(['需求9', '需求10']);
    expect(listed(calls).at(-1)).toMatchObject({ after: '10', first: 10 });

    body().querySelector<HTMLElement>('[data-test="search-reset"]')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ size: '10' });
    expect(listed(calls).at(-1)?.filter).toMatchObject({ search: null, gridId: null, reportedFrom: null, claimable: true });
  });

  it('claims in one click with the version read, and says clearly when the server refuses (the open-claims cap)', async () => {
    const { calls } = await openAt(ClaimHallView, '/needs/claimable', '/needs/claimable', liaison, hall);
    expect(text('[data-test="claim-cap"]')).toContain('最多同时认领 5 项');
    body().querySelector<HTMLElement>('[data-test="claim-button"]')!.click();
    await settle();
    // One click opens the claim; a note is optional, sent trimmed.
    expect(body().querySelector('[data-test="claim-dialog"]')?.textContent).toContain('确定以本单位名义认领“楼道灯”吗');
    const note = body().querySelector<HTMLTextAreaElement>('[data-test="prompt-text"]')!;
    note.value = ' 可派2名党员电工 ';
    note.dispatchEvent(new Event('input'));
    await settle();
    const asked = listed(calls).length;
    body().querySelector<HTMLElement>('[data-test="claim-dialog"] [data-test="prompt-confirm"]')!.click();
    await settle();
    expect(calls.filter((c) => c.operationName === 'ClaimNeed').map((c) => c.variables)).toEqual([{ id: 'n1', version: 3, note: '可派2名党员电工' }]);
    const refused = text('[data-test="claim-refused"]');
    expect(refused).toContain('认领未成功：楼道灯');
    // Worded from extensions.reason and .limit, never from the server's English.
    expect(text('[data-test="claim-refused-message"]')).toBe('本单位已有5件认领中的需求，达到联盟上限；请待其中一件办结、关闭或不予受理后再认领');
    expect(refused).not.toContain('open claims');
    // The list is asked again (the need may have moved on).
    expect(listed(calls).length).toBeGreaterThan(asked);
  });

  it('on a phone: cards with 认领 on each', async () => {
    await phone(async () => {
      await openAt(ClaimHallView, '/needs/claimable', '/needs/claimable', liaison, hall);
      expect(body().querySelector('[data-test="claim-hall-table"]')).toBeNull();
      const cards = [...body().querySelectorAll('[data-test="claim-hall-cards"] [data-test="list-card"]')];
      expect(cards).toHaveLength(12);
      expect(cards[0]!.querySelector('[data-test="claim-hall-title"]')?.textContent).toBe('楼道灯');
      expect(cards[0]!.textContent).toContain('灯坏了');
      expect(cards.every((c) => c.querySelector('[data-test="claim-button"]'))).toBe(true);
    });
  });
});

describe('党委工作台 (the committee\'s queues)', { timeout: 60_000 }, () => {
  const queues: Handler = (op) => {
    if (op.operationName === 'CommitteeQueueCounts')
      return {
        data: {
          toScreen: { __typename: 'NeedConnection', totalCount: 3 },
          toOrder: { __typename: 'NeedConnection', totalCount: 1 },
          overdue: { __typename: 'NeedConnection', totalCount: 2 },
        },
      };
    if (op.operationName !== 'NeedsListPanel') return { data: {} };
    const f = op.variables.filter;
    const rows = f.overdue
      ? [card('n9', '井盖松动', 'IN_PROGRESS', hours(-30), { assignee: { __typename: 'User', id: 'u1', displayName: '张网格' } }), card('n8', '健身路径', 'IN_PROGRESS', hours(-50))]
      : f.status?.[0] === 'ACCEPTED'
        ? [card('n5', '健身器材损坏', 'ACCEPTED', null)]
        : [card('n1', '楼道灯', 'REPORTED', null), card('n2', '下水道', 'REPORTED', null), card('n3', '井盖', 'REPORTED', null)];
    return page(op, rows);
  };

  it('counts each queue in its tab and lists the chosen one with its filter; the tab and the search are in the URL', async () => {
    const { calls, router } = await openAt(CommitteeQueuesView, '/needs/queues', '/needs/queues', user('COMMITTEE_ADMIN'), queues);
    expect(calls.find((c) => c.operationName === 'CommitteeQueueCounts')?.variables).toEqual({ toScreen: { status: ['REPORTED'] }, toOrder: { status: ['ACCEPTED'] }, overdue: { overdue: true } });
    expect(text('[data-test="queue-count-toScreen"]')).toBe('3');
    expect(text('[data-test="queue-count-toOrder"]')).toBe('1');
    expect(text('[data-test="queue-count-overdue"]')).toBe('2');
    expect(listed(calls).at(-1)?.filter).toMatchObject({ status: ['REPORTED'], overdue: null });
    expect(titles('queue')).toEqual(['楼道灯', '下水道', '井盖']);
    expect(text('[data-test="queue-total"]')).toBe('共 3 条');
    // Nothing due yet in 待筛选: no due date or assignee column unless asked for in 列设置.
    expect([...body().querySelectorAll('[data-test="queue-table"] thead th')].map((h) => h.textContent?.trim())).toEqual(['需求标题', '状态', '所属网格', '服务类别', '上报时间']);

    body().querySelector<HTMLElement>('#tab-overdue')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ q: 'overdue' });
    expect(listed(calls).at(-1)?.filter).toMatchObject({ overdue: true, status: null });
    expect(titles('queue')).toEqual(['井盖松动', '健身路径']);
    expect(text('[data-test="queue-table"] .el-table__body tr .col-assignee')).toBe('张网格');
    expect([...body().querySelectorAll('[data-test="queue-table"] [data-test="queue-overdue"]')]).toHaveLength(2);

    // A search within the queue: kept beside the tab; another tab keeps it and starts at page 1.
    const keyword = body().querySelector<HTMLInputElement>('input[data-test="search-keyword"]')!;
    keyword.value = '井盖';
    keyword.dispatchEvent(new Event('input'));
    await settle();
    body().querySelector<HTMLElement>('[data-test="search-submit"]')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ q: 'overdue', keyword: '井盖' });
    expect(listed(calls).at(-1)?.filter).toMatchObject({ overdue: true, search: '井盖' });

    body().querySelector<HTMLElement>('#tab-toOrder')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ q: 'toOrder', keyword: '井盖' });
    expect(listed(calls).at(-1)?.filter).toMatchObject({ status: ['ACCEPTED'], search: '井盖' });
    expect((body().querySelector('input[data-test="search-keyword"]') as HTMLInputElement).value).toBe('井盖');

    body().querySelector<HTMLElement>('[data-test="search-reset"]')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ q: 'toOrder' });
  });

  it('on a phone (< 768 px): cards, not a table', async () => {
    await phone(async () => {
      await openAt(CommitteeQueuesView, '/needs/queues', '/needs/queues', user('COMMITTEE_ADMIN'), queues);
      expect(body().querySelector('[data-test="queue-table"]')).toBeNull();
      expect([...body().querySelectorAll('[data-test="queue-cards"] [data-test="list-card"]')].map((c) => c.querySelector('[data-test="queue-title"]')?.textContent)).toEqual(['楼道灯', '下水道', '井盖']);
    });
  });
});
