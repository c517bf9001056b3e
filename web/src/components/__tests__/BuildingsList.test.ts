import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Operation } from '@apollo/client/core';
import BuildingsView from '../../views/community/BuildingsView.vue';
import { mountAs, user } from '../../__tests__/mount';

/* 楼栋 as a shared list (issue 16 point 3): the search form in the URL, the coverage card of the grid chosen, 安排网格员 per row. */

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

const grid1 = { __typename: 'Grid', id: 'grid-1', name: '第一网格' };
const worker = (i: number) => ({ __typename: 'PartyMember', id: `w${i}`, name: `红色网格员${i}`, phone: '139****0000', gridDuty: 'PART_TIME' });
const building = (i: number, workers: number) => ({
  __typename: 'Building', id: `b${i}`, name: `松山小区${i}号楼`, households: 40 + i, covered: workers >= 2, version: 1, grid: grid1,
  workers: Array.from({ length: workers }, (_, k) => worker(i * 10 + k)),
});
const COVERAGE = {
  __typename: 'Coverage', buildings: 3, buildingsCovered: 2, minWorkers: 2, maxBuildingsPerWorker: 3,
  uncoveredBuildings: [{ __typename: 'Building', id: 'b3', name: '松山小区3号楼' }], overloadedWorkers: [],
};

function server() {
  const lists: Record<string, unknown>[] = [];
  const coverages: Record<string, unknown>[] = [];
  const assigned: Record<string, unknown>[] = [];
  const handler = (op: Operation) => {
    if (op.operationName === 'BuildingCoverage') {
      coverages.push(op.variables);
      return { data: { coverage: COVERAGE } };
    }
    if (op.operationName === 'GridRedWorkers') {
      return { data: { partyMembers: { __typename: 'PartyMemberConnection', nodes: [0, 1, 2].map((k) => ({ ...worker(30 + k), buildings: [] })) } } };
    }
    if (op.operationName === 'AssignBuildingWorkers') {
      assigned.push(op.variables);
      return { data: { assignBuildingWorkers: { __typename: 'Building', id: op.variables.buildingId, covered: true, workers: [] } } };
    }
    if (op.operationName !== 'BuildingList') return { data: {} };
    lists.push(op.variables);
    const nodes = [building(1, 2), building(2, 2), building(3, 1)];
    return { data: { buildingList: { __typename: 'BuildingConnection', totalCount: 3, pageInfo: { __typename: 'PageInfo', endCursor: 'c3', hasNextPage: false }, nodes } } };
  };
  return { lists, coverages, assigned, handler };
}

async function open(as: ReturnType<typeof user>, s: ReturnType<typeof server>, path = '/buildings') {
  const m = await mountAs({ template: '<router-view />' }, as, { handler: s.handler, routes: [{ path: '/buildings', component: BuildingsView }] });
  await m.router.push(path);
  await settle();
  return m;
}

describe('楼栋 list', { timeout: 90_000 }, () => {
  it('asks a page of all buildings; the grid and 缺少红色网格员 come from the URL, the coverage card follows the grid', async () => {
    const s = server();
    const m = await open(user('COMMITTEE_ADMIN'), s);
    expect(s.lists.at(-1)).toEqual({ filter: { search: null, gridId: null, uncovered: null }, first: 20, after: null });
    expect(s.coverages.at(-1)).toEqual({ gridId: null });
    expect(all('[data-test="buildings-table"] .el-table__body tr')).toHaveLength(3);
    expect(body().querySelector('[data-test="buildings-total"]')!.textContent).toBe('共 3 条');
    expect(body().querySelector('[data-test="covered-松山小区3号楼"]')!.textContent!.trim()).toBe('未覆盖');
    expect(body().querySelector('[data-test="covered-松山小区1号楼"]')!.textContent!.trim()).toBe('已覆盖');
    expect(body().querySelector('[data-test="uncovered-buildings"]')!.textContent).toBe('松山小区3号楼');

    // The grid picture's link (管理本网格楼栋), or a reload of a filtered page.
    await m.router.push('/buildings?grid=grid-1&coverage=uncovered&keyword=3号');
    await settle();
    expect(s.lists.at(-1)).toEqual({ filter: { search: '3号', gridId: 'grid-1', uncovered: true }, first: 20, after: null });
    expect(s.coverages.at(-1)).toEqual({ gridId: 'grid-1' });
    expect(body().querySelector('[data-test="search-coverage"]')!.textContent).toContain('缺少红色网格员');

    body().querySelector<HTMLElement>('[data-test="search-reset"]')!.click();
    await settle();
    expect(m.router.currentRoute.value.query).toEqual({});
    // The first visit's list again (from Apollo's cache: the same variables), the form cleared.
    expect((body().querySelector('[data-test="search-keyword"]') as HTMLInputElement).value).toBe('');
    expect(body().querySelector('[data-test="search-coverage"]')!.textContent).not.toContain('缺少红色网格员');
    expect(s.coverages.at(-1)).toEqual({ gridId: null });
  });

  it('the committee assigns workers from a row; the list and the coverage card are asked again', async () => {
    const s = server();
    await open(user('COMMITTEE_ADMIN'), s);
    const lists = s.lists.length;
    const coverages = s.coverages.length;
    body().querySelector<HTMLElement>('[data-test="assign-松山小区3号楼"]')!.click();
    await settle();
    body().querySelector<HTMLElement>('[data-test="assign-save"]')!.click();
    await settle();
    expect(s.assigned).toEqual([{ buildingId: 'b3', memberIds: ['w30'] }]);
    expect(s.lists.length).toBeGreaterThan(lists);
    expect(s.coverages.length).toBeGreaterThan(coverages);
  });

  it('others read it without the committee buttons', async () => {
    const s = server();
    await open(user('VIEWER'), s);
    expect(all('[data-test="buildings-table"] .el-table__body tr')).toHaveLength(3);
    expect(all('[data-test^="assign-"]')).toHaveLength(0);
    expect(body().querySelector('[data-test="new-building"]')).toBeNull();
  });

  it('below 768 px: a card per building with its coverage, grid and workers', async () => {
    const real = window.matchMedia;
    window.matchMedia = ((q: string) => ({ matches: q.includes('max-width'), media: q, addEventListener() {}, removeEventListener() {} })) as never;
    try {
      await open(user('COMMITTEE_ADMIN'), server());
      expect(body().querySelector('[data-test="buildings-table"]')).toBeNull();
      const cards = all('[data-test="buildings-cards"] [data-test="list-card"]');
      expect(cards).toHaveLength(3);
      expect(cards[2]!.querySelector('.card-title')!.textContent).toBe('松山小区3号楼');
      expect(cards[2]!.querySelector('.card-status')!.textContent!.trim()).toBe('未覆盖');
      expect(cards[2]!.querySelector('.card-fields')!.textContent).toContain('第一网格');
      expect(cards[2]!.querySelector('.card-fields')!.textContent).toContain('红色网格员30');
      expect(cards[2]!.querySelector('[data-test="assign-松山小区3号楼"]')).not.toBeNull();
    } finally {
      window.matchMedia = real;
    }
  });
});
