import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Operation } from '@apollo/client/core';
import NeedsListPanel from '../needs/NeedsListPanel.vue';
import { mountAs, user } from '../../__tests__/mount';

/*
 * The needs list (issue 16 point 3): every NeedFilter field from the search form and the URL,
 * the columns (progress, overdue tag), an error with 重试 instead of an empty table, the empty
 * state, cards on a phone.
 */

const body = () => document.body;
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 60));
  await flushPromises();
};
const all = (sel: string) => [...body().querySelectorAll<HTMLElement>(sel)];
const texts = (sel: string) => all(sel).map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

const need = (i: number, extra: Record<string, unknown> = {}) => ({
  __typename: 'Need',
  id: `n${i}`,
  title: `需求${i}`,
  status: 'REPORTED',
  source: 'STAFF',
  verifiedAt: null,
  location: null,
  reportedAt: '2026-11-20T02:00:00Z',
  dueAt: null,
  version: 1,
  grid: { __typename: 'Grid', id: 'grid-1', name: '第一网格' },
  category: null,
  assignee: null,
  claimedBy: null,
  ...extra,
});
const NEEDS = [
  need(1, { status: 'IN_PROGRESS', dueAt: '2026-01-02T00:00:00Z', assignee: { __typename: 'User', id: 'w1', displayName: '王网格' } }),
  ...Array.from({ length: 24 }, (_, i) => need(i + 2)),
];

function server(fail = { times: 0 }) {
  const filters: Record<string, unknown>[] = [];
  const handler = (op: Operation) => {
    if (op.operationName !== 'NeedsListPanel') return { data: {} };
    filters.push(op.variables.filter);
    if (fail.times > 0) {
      fail.times--;
      return { errors: [{ message: 'down', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } as never;
    }
    const empty = (op.variables.filter as { search?: string }).search === '没有';
    const rows = empty ? [] : NEEDS;
    const start = op.variables.after ? Number(op.variables.after) : 0;
    const page = rows.slice(start, start + op.variables.first);
    const end = start + page.length;
    return {
      data: {
        needs: {
          __typename: 'NeedConnection',
          totalCount: rows.length,
          pageInfo: { __typename: 'PageInfo', endCursor: page.length ? String(end) : null, hasNextPage: end < rows.length },
          nodes: page,
        },
      },
    };
  };
  return { filters, handler };
}

const ROUTES = [{ path: '/needs', name: 'needs', component: NeedsListPanel }];
async function open(url: string, as = user('COMMITTEE_ADMIN'), s = server()) {
  const m = await mountAs({ template: '<router-view />' }, as, { handler: s.handler, routes: ROUTES });
  await m.router.push(url);
  await settle();
  return { ...m, ...s };
}

describe('NeedsListPanel', { timeout: 90_000 }, () => {
  it('sends every filter of the URL as NeedFilter and fills the form from it; shows the columns with progress and the overdue tag', async () => {
    const m = await open(
      '/needs?keyword=漏水&status=REPORTED,IN_PROGRESS&category=LIVELIHOOD_SECURITY&grid=grid-2&reported=2026-11-01~2026-11-30&resolved=2026-11-10~2026-11-20&overdue=1',
    );
    expect(m.filters.at(-1)).toEqual({
      search: '漏水',
      status: ['REPORTED', 'IN_PROGRESS'],
      categoryCode: 'LIVELIHOOD_SECURITY',
      gridId: 'grid-2',
      myUnit: null,
      reportedFrom: '2026-11-01',
      reportedTo: '2026-11-30',
      resolvedFrom: '2026-11-10',
      resolvedTo: '2026-11-20',
      overdue: true,
    });
    expect((body().querySelector('[data-test="search-keyword"]') as HTMLInputElement).value).toBe('漏水');
    expect(texts('[data-test="needs-list-total"]')).toEqual(['共 25 条']);
    expect(all('[data-test="needs-list-table"] .el-table__body [data-test="needs-list-title"]').length).toBe(20);
    const first = all('[data-test="needs-list-table"] .el-table__body tr')[0]!;
    expect(first.querySelector('[data-test="needs-list-title"]')!.textContent).toBe('需求1');
    expect(first.querySelector('[data-test="need-progress"]')!.getAttribute('data-status')).toBe('IN_PROGRESS');
    expect(first.querySelector('.col-dueAt')!.textContent).toContain('2026-01-02 08:00');
    expect(first.querySelector('[data-test="needs-list-overdue"]')!.textContent).toBe('已逾期');
    expect(first.querySelector('.col-assignee')!.textContent).toBe('王网格');
    // The 5 steps and the unit filter (no unit for the committee) are there / not there.
    expect(all('[data-test="search-myUnit"]').length).toBe(0);

    // 重置: the defaults, nothing in the URL, the server asked without filters.
    body().querySelector<HTMLElement>('[data-test="search-reset"]')!.click();
    await settle();
    expect(m.router.currentRoute.value.query).toEqual({});
    expect(m.filters.at(-1)).toMatchObject({ search: null, status: null, gridId: null, overdue: null, reportedFrom: null });
  });

  it('a grid worker starts on the own grid; a unit admin can narrow to the own unit', async () => {
    const w = await open('/needs', user('GRID_WORKER', { grid: { id: 'grid-1', name: '第一网格' } }));
    expect(w.filters.at(-1)).toMatchObject({ gridId: 'grid-1', myUnit: null });
    document.body.innerHTML = '';
    const l = await open('/needs?myUnit=1', user('UNIT_ADMIN', { unit: { id: 'u1', name: '司法所' } }));
    expect(all('[data-test="search-myUnit"]').length).toBe(1);
    expect(l.filters.at(-1)).toMatchObject({ gridId: null, myUnit: true });
  });

  it('a failed load shows the error with 重试 and no table; 重试 loads the list', async () => {
    const s = server({ times: 1 });
    await open('/needs', user('COMMITTEE_ADMIN'), s);
    expect(all('[data-test="needs-list-error"]').length).toBe(1);
    // The reason, worded from the error's code, not the server's English.
    expect(texts('[data-test="needs-list-error-reason"]')).toEqual(['服务器出错了，请稍后再试']);
    expect(all('[data-test="needs-list-table"]').length).toBe(0);
    body().querySelector<HTMLElement>('[data-test="list-retry"]')!.click();
    await settle();
    expect(all('[data-test="needs-list-error"]').length).toBe(0);
    expect(texts('[data-test="needs-list-total"]')).toEqual(['共 25 条']);
  });

  it('says what to do next when nothing matches the search', async () => {
    await open('/needs?keyword=没有');
    expect(body().querySelector('[data-test="needs-list-table"]')!.textContent).toContain('没有符合条件的记录');
  });

  it('below 768 px: cards with the title, the status and the fields', async () => {
    const real = window.matchMedia;
    window.matchMedia = ((q: string) => ({ matches: q.includes('max-width'), media: q, addEventListener() {}, removeEventListener() {} })) as never;
    try {
      await open('/needs');
      expect(all('[data-test="needs-list-table"]').length).toBe(0);
      expect(all('[data-test="list-card"]').length).toBe(20);
      const card = all('[data-test="list-card"]')[0]!;
      expect(card.querySelector('[data-test="needs-list-title"]')!.textContent).toBe('需求1');
      expect(card.querySelector('[data-test="need-progress"]')).not.toBeNull();
      expect(card.textContent).toContain('王网格');
    } finally {
      window.matchMedia = real;
    }
  });
});
