import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Operation } from '@apollo/client/core';
import NeedsBoardView from '../../views/needs/NeedsBoardView.vue';
import { mountAs, user } from '../../__tests__/mount';

/*
 * 导出 on the needs page gives the rows the screen shows (docs/adoption.md, 台账 and exports: "every export
 * applies the screen's filters"): in the list view, the list's own filters; on the board, its grid and keyword.
 */

const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 60));
  await flushPromises();
};

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const BOARD_KEYS = ['reported', 'accepted', 'ordered', 'planned', 'inProgress', 'resolved', 'closed', 'rejected'];
const handler = (op: Operation) => {
  if (op.operationName === 'NeedsBoard') return { data: Object.fromEntries(BOARD_KEYS.map((k) => [k, { __typename: 'NeedConnection', totalCount: 0, nodes: [] }])) };
  if (op.operationName === 'NeedsListPanel') {
    return { data: { needs: { __typename: 'NeedConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false }, nodes: [] } } };
  }
  return { data: {} };
};

/** The filter the export asked the server for, on the page at `url`. */
async function exported(url: string): Promise<unknown> {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (u: string) => {
    asked.push(u);
    return new Response(new Blob(['xlsx']), { status: 200 });
  });
  // The download's blob link (happy-dom has no object URLs).
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
  vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
  const m = await mountAs({ template: '<router-view />' }, user('COMMITTEE_ADMIN'), { handler, routes: [{ path: '/needs', name: 'needs', component: NeedsBoardView }] });
  await m.router.push(url);
  await settle();
  document.querySelector<HTMLElement>('[data-test="export-needs"]')!.click();
  await settle();
  expect(asked).toHaveLength(1);
  const q = new URL(asked[0]!, 'http://x').searchParams;
  expect(new URL(asked[0]!, 'http://x').pathname).toBe('/export/needs.xlsx');
  return JSON.parse(q.get('filter') ?? 'null');
}

describe('导出 on the needs page', { timeout: 60_000 }, () => {
  it("in the list view: the list's filters, as the list sends them", async () => {
    expect(await exported('/needs?view=list&status=RESOLVED,CLOSED&category=LIVELIHOOD_SECURITY&resolved=2026-11-01~2026-11-30&overdue=1')).toEqual({
      search: null,
      status: ['RESOLVED', 'CLOSED'],
      categoryCode: 'LIVELIHOOD_SECURITY',
      gridId: null,
      myUnit: null,
      reportedFrom: null,
      reportedTo: null,
      resolvedFrom: '2026-11-01',
      resolvedTo: '2026-11-30',
      overdue: true,
    });
  });

  it('on the board: its grid and keyword', async () => {
    expect(await exported('/needs')).toEqual({ gridId: null, search: null });
  });
});
