import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Operation } from '@apollo/client/core';
import PartyMembersView from '../../views/community/PartyMembersView.vue';
import { mountAs, user } from '../../__tests__/mount';

/* 党员 as a shared list (issue 16 point 3): the search form in the URL, the default 在册 filter, 重置, actions per row. */

const body = () => document.body;
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 60));
  await flushPromises();
};
const all = (sel: string) => [...body().querySelectorAll<HTMLElement>(sel)];

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

const branch = { __typename: 'PartyBranch', id: 'b1', name: '第一网格党支部' };
const member = (i: number) => ({
  __typename: 'PartyMember', id: `m${i}`, name: `党员${i}`, gender: 'FEMALE', phone: '13800000000', joinedPartyOn: '2001-07-01',
  gridDuty: 'NONE', status: 'ACTIVE', transferredOutOn: null, version: 1, branch, group: null,
  grid: { __typename: 'Grid', id: 'grid-1', name: '第一网格' }, account: null, buildings: [],
});

function server() {
  const filters: Record<string, unknown>[] = [];
  const handler = (op: Operation) => {
    if (op.operationName === 'PartyBranchOptions') return { data: { partyBranches: [{ ...branch, kind: 'GRID', grid: null, groups: [] }] } };
    if (op.operationName !== 'PartyMembers') return { data: {} };
    filters.push(op.variables.filter);
    const rows = Array.from({ length: 3 }, (_, i) => member(i + 1));
    return { data: { partyMembers: { __typename: 'PartyMemberConnection', totalCount: 3, pageInfo: { __typename: 'PageInfo', endCursor: '3', hasNextPage: false }, nodes: rows } } };
  };
  return { filters, handler };
}

describe('党员 list', { timeout: 90_000 }, () => {
  it('asks for members in office by default, takes the filters from the URL, 重置 returns to the default; the committee edits rows', async () => {
    const s = server();
    const m = await mountAs({ template: '<router-view />' }, user('COMMITTEE_ADMIN'), { handler: s.handler, routes: [{ path: '/members', component: PartyMembersView }] });
    await m.router.push('/members');
    await settle();
    expect(s.filters.at(-1)).toEqual({ search: null, branchId: null, gridId: null, gridDuty: null, status: 'ACTIVE' });
    expect(all('[data-test="members-table"] .el-table__body tr').length).toBe(3);
    expect(body().querySelector('[data-test="members-total"]')!.textContent).toBe('共 3 条');
    expect(body().querySelector('[data-test="members-table"] .el-table__body')!.textContent).toContain('编辑');

    await m.router.push('/members?keyword=张&status=&duty=FULL_TIME,PART_TIME&grid=grid-2');
    await settle();
    expect(s.filters.at(-1)).toEqual({ search: '张', branchId: null, gridId: 'grid-2', gridDuty: ['FULL_TIME', 'PART_TIME'], status: null });

    body().querySelector<HTMLElement>('[data-test="search-reset"]')!.click();
    await settle();
    expect(m.router.currentRoute.value.query).toEqual({});
    // The default list again (from Apollo's cache: the same variables as the first visit).
    expect((body().querySelector('[data-test="search-keyword"]') as HTMLInputElement).value).toBe('');
    expect(body().querySelector('[data-test="search-status"]')!.textContent).toContain('在册');
  });
});
