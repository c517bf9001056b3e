import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';

/* 楼栋 as a paged list (issue 16 point 3): `buildingList(filter, first, after)` beside the unpaged `buildings`. */

let s: TestServer;
let committee: Client;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
});
afterAll(() => s?.close());

const GRID = (i: number) => demoId(`songshan:grid:${i}`);
const LIST = `query($filter: BuildingFilter, $first: Int, $after: String) {
  buildingList(filter: $filter, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id name covered grid { id name } workers { id } } }
}`;
type Node = { id: string; name: string; covered: boolean; grid: { id: string; name: string }; workers: { id: string }[] };
const MAIN = `(SELECT alliance_id FROM app_user WHERE username = 'committee')`;
const fieldOf = (r: GqlResult) => r.errors?.[0]?.extensions?.field;

async function walk(client: Client, filter: Record<string, unknown> | null, first: number) {
  const nodes: Node[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 0; pages < 120; pages++) {
    const r: GqlResult = await client(LIST, { filter, first, after });
    expect(r.errors).toBeUndefined();
    totals.add(r.data.buildingList.totalCount);
    nodes.push(...r.data.buildingList.nodes);
    if (!r.data.buildingList.pageInfo.hasNextPage) break;
    after = r.data.buildingList.pageInfo.endCursor;
  }
  return { nodes, totals: [...totals] };
}

/** The main alliance's buildings matching `where`, grid by grid in the grids' order, then in each grid's order. */
async function expected(where = 'true', params: unknown[] = []) {
  const rows = await s.sql(
    `SELECT b.id FROM building b JOIN grid g ON g.id = b.grid_id WHERE b.alliance_id = ${MAIN} AND ${where}
      ORDER BY g.sort_order, b.grid_id, b.sort_order, b.name, b.id`,
    params,
  );
  return rows.map((r: { id: string }) => r.id);
}
/** Fewer than 2 active red grid workers of the building's own grid. */
const UNCOVERED = `(SELECT count(*) FROM building_worker bw JOIN party_member m ON m.id = bw.member_id
  WHERE bw.building_id = b.id AND m.status = 'ACTIVE' AND m.grid_duty IN ('FULL_TIME','PART_TIME') AND m.grid_id = b.grid_id) < 2`;

describe('buildingList: pages grid by grid', () => {
  it('two pages of 10: no overlap, the total on each; a walk returns every building once, grid by grid, the same as buildings', async () => {
    const all = await expected();
    expect(all).toHaveLength(98);
    const page1 = await committee(LIST, { first: 10 });
    const page2 = await committee(LIST, { first: 10, after: page1.data.buildingList.pageInfo.endCursor });
    expect([page1.data.buildingList.totalCount, page2.data.buildingList.totalCount]).toEqual([98, 98]);
    const ids1 = page1.data.buildingList.nodes.map((n: Node) => n.id);
    const ids2 = page2.data.buildingList.nodes.map((n: Node) => n.id);
    expect(ids1.filter((id: string) => ids2.includes(id))).toEqual([]);
    expect([...ids1, ...ids2]).toEqual(all.slice(0, 20));

    const { nodes, totals } = await walk(committee, null, 13);
    expect(nodes.map((n) => n.id)).toEqual(all);
    expect(totals).toEqual([98]);
    // Grid by grid: each grid's buildings together, 第一网格 first.
    const grids = nodes.map((n) => n.grid.name).filter((g, i, a) => g !== a[i - 1]);
    expect(grids).toEqual(['第一网格', '第二网格', '第三网格', '第四网格', '第五网格', '第六网格', '第七网格']);
    const unpaged = await committee(`{ buildings { id } }`);
    expect(new Set(unpaged.data.buildings.map((b: { id: string }) => b.id))).toEqual(new Set(all));
  });

  it('filters by grid, by keyword in the name, and by 缺少红色网格员 as coverage counts it', async () => {
    const cases: [Record<string, unknown>, string, unknown[], number][] = [
      [{ gridId: GRID(3) }, 'b.grid_id = $1', [GRID(3)], 14],
      [{ search: '康馨园' }, `b.name LIKE '%康馨园%'`, [], 26],
      [{ search: '北山家园9' }, `b.name LIKE '%北山家园9%'`, [], -1],
      [{ uncovered: true }, UNCOVERED, [], 5],
      [{ uncovered: false }, `NOT ${UNCOVERED}`, [], 93],
      [{ gridId: GRID(4), uncovered: true }, `b.grid_id = $1 AND ${UNCOVERED}`, [GRID(4)], 2],
    ];
    for (const [filter, where, params, n] of cases) {
      const want = await expected(where, params);
      if (n >= 0) expect(want, JSON.stringify(filter)).toHaveLength(n);
      else expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const { nodes, totals } = await walk(committee, filter, 4);
      expect(nodes.map((b) => b.id), JSON.stringify(filter)).toEqual(want);
      expect(totals, JSON.stringify(filter)).toEqual([want.length]);
    }
    // The same buildings as coverage's uncovered ones, and each says so.
    const coverage = await committee(`{ coverage { uncoveredBuildings { id } } }`);
    const uncovered = (await walk(committee, { uncovered: true }, 100)).nodes;
    expect(new Set(uncovered.map((b) => b.id))).toEqual(new Set(coverage.data.coverage.uncoveredBuildings.map((b: { id: string }) => b.id)));
    expect(uncovered.every((b) => !b.covered && b.workers.length < 2)).toBe(true);
    expect((await committee(LIST, { filter: { search: '_' } })).data.buildingList.totalCount).toBe(0);
  });

  it('a building given its two red grid workers leaves 缺少红色网格员', async () => {
    const [building] = await s.sql(`SELECT b.id, b.grid_id FROM building b WHERE b.alliance_id = ${MAIN} AND b.grid_id = $1 AND ${UNCOVERED} ORDER BY b.sort_order LIMIT 1`, [GRID(6)]);
    const workers = await s.sql(
      `SELECT m.id FROM party_member m WHERE m.grid_id = $1 AND m.status = 'ACTIVE' AND m.grid_duty IN ('FULL_TIME','PART_TIME') ORDER BY m.name LIMIT 2`,
      [building.grid_id],
    );
    const before = await committee(LIST, { filter: { gridId: GRID(6), uncovered: true } });
    expect(before.data.buildingList.nodes.map((b: Node) => b.id)).toContain(building.id);
    const r = await committee(`mutation($b: ID!, $m: [ID!]!) { assignBuildingWorkers(buildingId: $b, memberIds: $m) { covered } }`, {
      b: building.id,
      m: workers.map((w: { id: string }) => w.id),
    });
    expect(r.data.assignBuildingWorkers.covered).toBe(true);
    const after = await committee(LIST, { filter: { gridId: GRID(6), uncovered: true } });
    expect(after.data.buildingList.totalCount).toBe(before.data.buildingList.totalCount - 1);
    expect(after.data.buildingList.nodes.map((b: Node) => b.id)).not.toContain(building.id);
  });
});

describe('buildingList: roles, tenancy and bad input', () => {
  it('every role reads it (as buildings); without a token nobody does', async () => {
    for (const who of ['committee', 'unit1', 'grid1', 'viewer']) {
      const r = await (await s.as(who))(LIST, { first: 100 });
      expect(r.errors, who).toBeUndefined();
      expect(r.data.buildingList.totalCount, who).toBe(98);
    }
    expect(codeOf(await s.gql(LIST, { first: 5 }))).toBe('UNAUTHENTICATED');
  });

  it("another alliance's buildings never appear, and it sees only its own", async () => {
    const neighbour = await s.as('n-committee');
    const [grid] = await s.sql(`SELECT id FROM grid WHERE alliance_id = (SELECT alliance_id FROM app_user WHERE username = 'n-committee') ORDER BY sort_order LIMIT 1`);
    const created = await neighbour(`mutation($input: BuildingInput!) { createBuilding(input: $input) { id } }`, { input: { name: '松林小区1号楼', gridId: grid.id, households: 40 } });
    expect(created.errors).toBeUndefined();
    const theirs = await neighbour(LIST, {});
    expect(theirs.data.buildingList.totalCount).toBe(1);
    expect(theirs.data.buildingList.nodes.map((b: Node) => b.name)).toEqual(['松林小区1号楼']);
    // The main alliance's grid matches nothing of theirs; their building is nowhere in the committee's list.
    expect((await neighbour(LIST, { filter: { gridId: GRID(0) } })).data.buildingList.totalCount).toBe(0);
    const ours = await walk(committee, null, 100);
    expect(ours.nodes.map((b) => b.id)).not.toContain(created.data.createBuilding.id);
    expect((await committee(LIST, { filter: { search: '松林小区' } })).data.buildingList.totalCount).toBe(0);
    expect((await committee(LIST, { filter: { gridId: grid.id } })).data.buildingList.totalCount).toBe(0);
  });

  it('refuses first out of 1..100, a malformed cursor, a malformed grid id and a too long keyword, naming the field', async () => {
    const accountsCursor = Buffer.from(JSON.stringify(['GRID_WORKER', '张', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    const cases: [Record<string, unknown>, string][] = [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'AAAA' }, 'after'],
      [{ after: accountsCursor }, 'after'],
      [{ filter: { gridId: 'grid-1' } }, 'filter.gridId'],
      // Input validation names the input's own field, as for every filter.
      [{ filter: { search: '楼'.repeat(101) } }, 'search'],
    ];
    for (const [variables, field] of cases) {
      const r = await committee(LIST, variables);
      expect([codeOf(r), fieldOf(r)], JSON.stringify(variables).slice(0, 80)).toEqual(['BAD_USER_INPUT', field]);
      expect(r.data).toBeNull();
      expect(JSON.stringify(r.errors)).not.toMatch(/SELECT|stack|at .*\.ts/);
    }
  });
});
