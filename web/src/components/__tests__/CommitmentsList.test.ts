import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Operation } from '@apollo/client/core';
import CommitmentsView from '../../views/community/CommitmentsView.vue';
import { mountAs, user } from '../../__tests__/mount';

/* 承诺 as a shared list (issue 16 point 3): the year (this year by default), statuses and rating in the URL; the lifecycle's buttons per row. */

const body = () => document.body;
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 60));
  await flushPromises();
};

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

const commitment = {
  __typename: 'Commitment', id: 'c1', year: 2026, category: 'SERVE_RESIDENTS', text: '每月走访独居老人', status: 'PUBLISHED', rating: null,
  evaluationComment: null, publishedAt: '2026-03-01T00:00:00Z', version: 2,
  member: { __typename: 'PartyMember', id: 'm1', name: '李党员', branch: { __typename: 'PartyBranch', id: 'b1', name: '第一网格党支部' } },
  notes: [{ __typename: 'CommitmentNote', at: '2026-04-01T02:00:00Z', text: '已走访三户' }],
};

describe('承诺 list', { timeout: 90_000 }, () => {
  it('asks for the year, statuses and rating of the URL (this year by default) and shows the notes and the row actions', async () => {
    const calls: Record<string, unknown>[] = [];
    const handler = (op: Operation) => {
      if (op.operationName !== 'Commitments') return { data: {} };
      calls.push(op.variables);
      return { data: { commitments: { __typename: 'CommitmentConnection', totalCount: 1, pageInfo: { __typename: 'PageInfo', endCursor: '1', hasNextPage: false }, nodes: [commitment] } } };
    };
    const m = await mountAs({ template: '<router-view />' }, user('COMMITTEE_ADMIN'), { handler, routes: [{ path: '/commitments', component: CommitmentsView }] });
    await m.router.push('/commitments');
    await settle();
    expect(calls.at(-1)).toMatchObject({ year: new Date().getFullYear(), filter: { status: null, rating: null }, first: 20, after: null });
    const table = body().querySelector('[data-test="commitments-table"] .el-table__body')!;
    expect(table.textContent).toContain('每月走访独居老人');
    expect(table.textContent).toContain('已走访三户');
    // PUBLISHED, for the committee: 记录进展 and 民主评议 (COMMITMENT_LIFECYCLE), not 公开承诺.
    const buttons = [...table.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(buttons).toEqual(['记录进展', '民主评议']);
    expect(body().querySelector('[data-test="commitments-total"]')!.textContent).toBe('共 1 条');

    await m.router.push('/commitments?year=2025&status=PUBLISHED&rating=EXCELLENT');
    await settle();
    expect(calls.at(-1)).toMatchObject({ year: 2025, filter: { status: ['PUBLISHED'], rating: 'EXCELLENT' } });
  });
});
