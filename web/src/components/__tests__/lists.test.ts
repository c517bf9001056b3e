import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Operation } from '@apollo/client/core';
import ReviewQueueView from '../../views/shelf/ReviewQueueView.vue';
import { decodeFilter, encodeFilter, filtersToQuery, queryToFilters, type FilterField } from '../../composables/useListQuery';
import { mountAs, user } from '../../__tests__/mount';

/*
 * The admin's lists (issue 16): the search form's filters and the page in the URL,
 * 重置, keyset paging behind a numbered pager, column settings, cards on phones,
 * 批量审核. Driven through the review queue, which uses all of it.
 */

const body = () => document.body;
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 60));
  await flushPromises();
};
const all = (sel: string) => [...body().querySelectorAll<HTMLElement>(sel)];
const texts = (sel: string) => all(sel).map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
/** el-input puts data-test on its <input> (el-select and others on their root). */
const field = (key: string) => {
  const el = body().querySelector<HTMLElement>(`[data-test="search-${key}"]`)!;
  return (el.tagName === 'INPUT' ? el : el.querySelector('input')!) as HTMLInputElement;
};
const click = async (sel: string) => {
  body().querySelector<HTMLElement>(sel)!.click();
  await settle();
};

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

const category = { __typename: 'ServiceCategory', id: 'c3', code: 'LIVELIHOOD_SECURITY', name: '民生保障' };
const PROJECTS = Array.from({ length: 45 }, (_, i) => ({
  __typename: 'ShelfProject',
  id: `p${i + 1}`,
  title: `项目${i + 1}`,
  description: '说明',
  status: 'PENDING_REVIEW',
  reviewComment: null,
  capacityPerMonth: null,
  tags: [],
  orderCount: 0,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  version: 1,
  category,
  unit: { __typename: 'MemberUnit', id: 'u1', name: '司法所', agreementStatus: 'VALID' },
}));

/** A keyset connection over PROJECTS: the cursor is the index after which the page starts; `search` matches the title. */
function server(decided: string[] = []) {
  const queries: Record<string, any>[] = [];
  const handler = (op: Operation) => {
    if (op.operationName === 'ReviewShelfProjects') {
      const ids = op.variables.ids as string[];
      return {
        data: {
          reviewShelfProjects: ids.map((id, i) =>
            i === 1
              ? { __typename: 'ShelfReviewOutcome', id, code: 'CONFLICT', message: 'moved on', project: null }
              : (decided.push(id), { __typename: 'ShelfReviewOutcome', id, code: null, message: null, project: { ...PROJECTS.find((p) => p.id === id)!, status: 'ON_SHELF' } }),
          ),
        },
      };
    }
    queries.push(op.variables);
    const search = op.variables.filter?.search as string | null;
    const rows = PROJECTS.filter((p) => !decided.includes(p.id) && (!search || p.title.includes(search)));
    const start = op.variables.after ? Number(op.variables.after) : 0;
    const page = rows.slice(start, start + op.variables.first);
    const end = start + page.length;
    return {
      data: {
        shelfProjects: {
          __typename: 'ShelfProjectConnection',
          totalCount: rows.length,
          pageInfo: { __typename: 'PageInfo', endCursor: page.length ? String(end) : null, hasNextPage: end < rows.length },
          nodes: page,
        },
      },
    };
  };
  return { queries, handler };
}

const ROUTES = [{ path: '/shelf/review', name: 'reviewQueue', component: ReviewQueueView }];

async function open(url: string, s = server()) {
  const m = await mountAs({ template: '<router-view />' }, user('COMMITTEE_ADMIN'), { handler: s.handler, routes: ROUTES });
  await m.router.push(url);
  await settle();
  return { ...m, ...s };
}
const titles = () => texts('[data-test="review-queue-table"] .el-table__body [data-test="project-title-link"]');

describe('the URL spelling of filters', () => {
  const fields: FilterField[] = [
    { key: 'status', type: 'multi', label: '状态', options: () => [{ value: 'OPEN', label: '' }, { value: 'DRAFT', label: '' }] },
    { key: 'shelf', type: 'select', label: '状态', default: 'ON_SHELF' },
    { key: 'dates', type: 'dateRange', label: '日期' },
    { key: 'overdue', type: 'flag', label: '逾期' },
    { key: 'keyword', type: 'text', label: '关键词' },
  ];
  it('round-trips every kind of field, leaves defaults out and reads a cleared default as "no filter"', () => {
    const values = { status: ['OPEN', 'DRAFT'], shelf: 'ON_SHELF', dates: ['2026-01-01', '2026-01-31'], overdue: true, keyword: '漏水' } as const;
    const query = filtersToQuery(fields, { ...values, status: [...values.status], dates: [...values.dates] as [string, string] });
    expect(query).toEqual({ status: 'OPEN,DRAFT', shelf: undefined, dates: '2026-01-01~2026-01-31', overdue: '1', keyword: '漏水' });
    expect(queryToFilters(fields, query as Record<string, string>)).toEqual({ ...values, status: ['OPEN', 'DRAFT'], dates: ['2026-01-01', '2026-01-31'] });
    expect(filtersToQuery(fields, { shelf: null }).shelf).toBe('');
    expect(decodeFilter(fields[1]!, '')).toBeNull();
    expect(encodeFilter(fields[3]!, false)).toBe('');
  });
  it('a hand-edited link never breaks the page: unknown options dropped, bad ranges ignored', () => {
    expect(decodeFilter(fields[0]!, 'OPEN,NOPE')).toEqual(['OPEN']);
    expect(decodeFilter(fields[2]!, '2026-02-01~2026-01-01')).toBeNull();
    expect(decodeFilter(fields[2]!, 'yesterday')).toBeNull();
  });
});

// Twenty rows of the real review queue in happy-dom take their time on a shared machine.
describe('a list screen (the review queue)', { timeout: 90_000 }, () => {
  it('查询 puts the filters in the URL and asks the server with them; the URL alone restores form and results; 重置 clears both', async () => {
    const m = await open('/shelf/review');
    expect(titles().slice(0, 2)).toEqual(['项目1', '项目2']);
    const input = field('keyword');
    input.value = '项目4';
    input.dispatchEvent(new Event('input'));
    await click('[data-test="search-submit"]');
    expect(m.router.currentRoute.value.query).toEqual({ keyword: '项目4' });
    expect(m.queries.at(-1)).toMatchObject({ filter: { status: 'PENDING_REVIEW', search: '项目4' }, first: 20, after: null });
    expect(titles()).toEqual(['项目4', '项目40', '项目41', '项目42', '项目43', '项目44', '项目45']);
    expect(texts('[data-test="review-queue-total"]')).toEqual(['共 7 条']);

    // A fresh page at that URL (a reload, a shared link): the same form and rows.
    document.body.innerHTML = '';
    await open('/shelf/review?keyword=项目4');
    expect(field('keyword').value).toBe('项目4');
    expect(titles()).toEqual(['项目4', '项目40', '项目41', '项目42', '项目43', '项目44', '项目45']);

    document.body.innerHTML = '';
    const again = await open('/shelf/review?keyword=项目4&page=1');
    await click('[data-test="search-reset"]');
    expect(again.router.currentRoute.value.query).toEqual({});
    expect(field('keyword').value).toBe('');
    expect(texts('[data-test="review-queue-total"]').at(-1)).toBe('共 45 条');
  });

  it('pages with a total: a page not visited is reached by walking the cursors; the page and size are in the URL', async () => {
    const m = await open('/shelf/review?page=3');
    // Walked forward from page 1 (after: null), then page 2 (after: 20), to page 3 (after: 40).
    expect(m.queries.map((q) => q.after)).toEqual([null, '20', '40']);
    expect(titles()).toEqual(['项目41', '项目42', '项目43', '项目44', '项目45']);
    expect(texts('[data-test="review-queue-total"]')).toEqual(['共 45 条']);
    expect(texts('[data-test="review-queue-pager"] .el-pager .is-active')).toEqual(['3']);

    // Back to page 2: its cursor is known, one query (or the cache).
    const before = m.queries.length;
    await click('[data-test="review-queue-pager"] .el-pager li:nth-child(2)');
    expect(m.router.currentRoute.value.query).toEqual({ page: '2' });
    expect(titles()[0]).toBe('项目21');
    expect(m.queries.length - before).toBeLessThanOrEqual(1);

    await m.router.push('/shelf/review?size=10&page=5');
    await settle();
    expect(titles()).toEqual(['项目41', '项目42', '项目43', '项目44', '项目45']);
    expect(m.queries.at(-1)).toMatchObject({ first: 10, after: '40' });

    // A link beyond the last page lands on the last page.
    await m.router.push('/shelf/review?page=9');
    await settle();
    expect(m.router.currentRoute.value.query.page).toBe('3');
  });

  it('column settings hide a column and are remembered for the list', async () => {
    await open('/shelf/review');
    expect(all('[data-test="review-queue-table"] th.col-category').length).toBe(1);
    await click('[data-test="review-queue-columns"]');
    all('[data-test="column-category"] input')[0]!.click();
    await settle();
    expect(all('[data-test="review-queue-table"] th.col-category').length).toBe(0);
    expect(JSON.parse(localStorage.getItem('list-columns:review-queue')!)).toEqual(['category']);
    document.body.innerHTML = '';
    await open('/shelf/review');
    expect(all('[data-test="review-queue-table"] th.col-category').length).toBe(0);
  });

  it('below 768 px: cards with the title, the same fields and the actions, no table', async () => {
    const real = window.matchMedia;
    window.matchMedia = ((q: string) => ({ matches: q.includes('max-width'), media: q, addEventListener() {}, removeEventListener() {} })) as never;
    try {
      await open('/shelf/review');
      expect(all('[data-test="review-queue-table"]').length).toBe(0);
      expect(all('[data-test="list-card"]').length).toBe(20);
      const first = all('[data-test="list-card"]')[0]!;
      expect(first.querySelector('[data-test="project-title-link"]')!.textContent).toBe('项目1');
      expect(first.textContent).toContain('司法所');
      expect(first.querySelector('[data-test="action-approve"]')).not.toBeNull();
    } finally {
      window.matchMedia = real;
    }
  });

  it('批量审核: approves the selected after a confirmation and sums up, naming the one that failed and why', async () => {
    const decided: string[] = [];
    const m = await open('/shelf/review', server(decided));
    const boxes = all('[data-test="review-queue-table"] .el-table__body .el-checkbox__original');
    expect((body().querySelector('[data-test="batch-approve"]') as HTMLButtonElement).disabled).toBe(true);
    for (const i of [0, 1, 2]) boxes[i]!.click();
    await settle();
    expect(texts('[data-test="batch-selected"]')).toEqual(['已选 3 项']);
    await click('[data-test="batch-approve"]');
    expect(body().textContent).toContain('通过选中的 3 个项目');
    all('.el-message-box__btns .el-button--primary')[0]!.click();
    await settle();
    const sent = m.client;
    expect(sent).toBeTruthy();
    expect(decided).toEqual(['p1', 'p3']);
    const summary = texts('.batch-summary .el-message-box__message')[0]!;
    expect(summary).toContain('已通过 2 个');
    expect(summary).toContain('1 个未处理');
    expect(summary).toContain('项目2');
    // The queue is asked again: the decided are gone.
    expect(titles().slice(0, 2)).toEqual(['项目2', '项目4']);
  });
});
