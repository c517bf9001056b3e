import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';

/* 账号管理 as a paged list (issue 16 point 3): `accounts(filter, first, after)` beside the unpaged `users`. */

let s: TestServer;
let committee: Client;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
});
afterAll(() => s?.close());

const ACCOUNTS = `query($filter: AccountFilter, $first: Int, $after: String) {
  accounts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id username role status unit { id } grid { id } } }
}`;
type Node = { id: string; username: string; role: string; status: string; unit: { id: string } | null; grid: { id: string } | null };
const MAIN = `(SELECT alliance_id FROM app_user WHERE username = 'committee')`;
const fieldOf = (r: GqlResult) => r.errors?.[0]?.extensions?.field;

/** Every page of the filter, `first` at a time: the ids in order and the totalCount each page said. */
async function walk(client: Client, filter: Record<string, unknown> | null, first: number) {
  const nodes: Node[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const r: GqlResult = await client(ACCOUNTS, { filter, first, after });
    expect(r.errors).toBeUndefined();
    totals.add(r.data.accounts.totalCount);
    nodes.push(...r.data.accounts.nodes);
    if (!r.data.accounts.pageInfo.hasNextPage) break;
    after = r.data.accounts.pageInfo.endCursor;
  }
  return { nodes, totals: [...totals] };
}

/** The accounts of the main alliance matching `where`, in the list's order (role, then name). */
async function expected(where = 'true', params: unknown[] = []) {
  const rows = await s.sql(`SELECT id FROM app_user u WHERE u.alliance_id = ${MAIN} AND ${where} ORDER BY u.role, u.display_name, u.id`, params);
  return rows.map((r: { id: string }) => r.id);
}

describe('accounts: the committee pages through its accounts', () => {
  it('two pages of 5: no overlap, the total on each, in the order of users; a walk returns every account once', async () => {
    const all = await expected();
    expect(all.length).toBeGreaterThan(10);
    const page1 = await committee(ACCOUNTS, { first: 5 });
    const page2 = await committee(ACCOUNTS, { first: 5, after: page1.data.accounts.pageInfo.endCursor });
    expect(page1.data.accounts.totalCount).toBe(all.length);
    expect(page2.data.accounts.totalCount).toBe(all.length);
    expect(page1.data.accounts.pageInfo.hasNextPage).toBe(true);
    const ids1 = page1.data.accounts.nodes.map((n: Node) => n.id);
    const ids2 = page2.data.accounts.nodes.map((n: Node) => n.id);
    expect(ids1).toHaveLength(5);
    expect(ids2).toHaveLength(5);
    expect(ids1.filter((id: string) => ids2.includes(id))).toEqual([]);
    expect([...ids1, ...ids2]).toEqual(all.slice(0, 10));

    const { nodes, totals } = await walk(committee, null, 7);
    expect(nodes.map((n) => n.id)).toEqual(all);
    expect(totals).toEqual([all.length]);
    // The same accounts as the unpaged `users`, in the same order.
    const users = await committee(`{ users { id } }`);
    expect(users.data.users.map((u: { id: string }) => u.id)).toEqual(all);
  });

  it('filters by role, status, unit, grid and keyword, and by several at once', async () => {
    const [unit0] = await s.sql(`SELECT unit_id AS id FROM app_user WHERE username = 'unit1'`);
    const [grid0] = await s.sql(`SELECT grid_id AS id FROM app_user WHERE username = 'grid1'`);
    const cases: [Record<string, unknown>, string, unknown[]][] = [
      [{ role: 'GRID_WORKER' }, `u.role = 'GRID_WORKER'`, []],
      [{ status: 'DISABLED' }, `u.status = 'DISABLED'`, []],
      [{ unitId: unit0.id }, `u.unit_id = $1`, [unit0.id]],
      [{ gridId: grid0.id }, `u.grid_id = $1`, [grid0.id]],
      [{ search: 'GRID' }, `(u.username ILIKE '%grid%' OR u.display_name ILIKE '%grid%')`, []],
      [{ search: '第一网格' }, `u.display_name LIKE '%第一网格%'`, []],
      [{ role: 'UNIT_ADMIN', status: 'ACTIVE', unitId: unit0.id }, `u.role = 'UNIT_ADMIN' AND u.status = 'ACTIVE' AND u.unit_id = $1`, [unit0.id]],
    ];
    for (const [filter, where, params] of cases) {
      const want = await expected(where, params);
      expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const { nodes, totals } = await walk(committee, filter, 3);
      expect(nodes.map((n) => n.id), JSON.stringify(filter)).toEqual(want);
      expect(totals, JSON.stringify(filter)).toEqual([want.length]);
    }
    // The demo's values, so that the filters above are not all-or-nothing.
    expect((await walk(committee, { status: 'DISABLED' }, 20)).nodes.map((n) => n.username)).toEqual(['unit-left']);
    expect((await walk(committee, { gridId: grid0.id }, 20)).nodes.map((n) => n.username).sort()).toEqual(['grid-new', 'grid1']);
    expect((await walk(committee, { unitId: unit0.id }, 20)).nodes.map((n) => n.username).sort()).toEqual(['unit-left', 'unit1']);
    // A search word is data: % matches itself (nobody has one).
    expect((await committee(ACCOUNTS, { filter: { search: '%' } })).data.accounts.totalCount).toBe(0);
  });
});

describe('accounts: roles, tenancy and bad input', () => {
  it("is the committee's alone", async () => {
    for (const who of ['unit1', 'grid1', 'viewer']) {
      const r = await (await s.as(who))(ACCOUNTS, { first: 5 });
      expect(codeOf(r), who).toBe('FORBIDDEN');
      expect(r.data, who).toBeNull();
    }
  });

  it("another alliance's committee pages through its own accounts only", async () => {
    const neighbour = await s.as('n-committee');
    const theirs = await s.sql(`SELECT id FROM app_user WHERE alliance_id = (SELECT alliance_id FROM app_user WHERE username = 'n-committee') ORDER BY role, display_name, id`);
    const { nodes, totals } = await walk(neighbour, null, 1);
    expect(nodes.map((n) => n.id)).toEqual(theirs.map((r: { id: string }) => r.id));
    expect(totals).toEqual([theirs.length]);
    // The main alliance's unit and grid match nothing of theirs.
    const [unit0] = await s.sql(`SELECT unit_id AS id FROM app_user WHERE username = 'unit1'`);
    const [grid0] = await s.sql(`SELECT grid_id AS id FROM app_user WHERE username = 'grid1'`);
    for (const filter of [{ unitId: unit0.id }, { gridId: grid0.id }, { search: 'committee' }]) {
      const r = await neighbour(ACCOUNTS, { filter });
      expect(r.errors, JSON.stringify(filter)).toBeUndefined();
      expect(r.data.accounts.nodes.map((n: Node) => n.username), JSON.stringify(filter)).toEqual(filter.search ? ['n-committee'] : []);
    }
  });

  it('refuses first out of 1..100, a malformed cursor, a malformed id and a too long keyword, naming the field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ first: 0 }, 'first', 'BAD_USER_INPUT'],
      [{ first: 101 }, 'first', 'BAD_USER_INPUT'],
      [{ after: 'not-a-cursor!' }, 'after', 'BAD_USER_INPUT'],
      // A cursor of another list (two keys, not three).
      [{ after: Buffer.from(JSON.stringify(['x', '00000000-0000-4000-8000-000000000000'])).toString('base64url') }, 'after', 'BAD_USER_INPUT'],
      [{ filter: { gridId: 'grid-1' } }, 'filter.gridId', 'BAD_USER_INPUT'],
      [{ filter: { unitId: '42' } }, 'filter.unitId', 'BAD_USER_INPUT'],
      // Input validation names the input's own field, as for every filter.
      [{ filter: { search: '字'.repeat(200) } }, 'search', 'BAD_USER_INPUT'],
    ];
    for (const [variables, field, code] of cases) {
      const r = await committee(ACCOUNTS, variables);
      expect([codeOf(r), fieldOf(r)], JSON.stringify(variables).slice(0, 80)).toEqual([code, field]);
      expect(r.data, JSON.stringify(variables).slice(0, 80)).toBeNull();
      expect(JSON.stringify(r.errors)).not.toMatch(/SELECT|stack|at .*\.ts/);
    }
    // `users` keeps naming its own arguments.
    const users = await committee(`{ users(gridId: "grid-1") { id } }`);
    expect([codeOf(users), fieldOf(users)]).toEqual(['BAD_USER_INPUT', 'gridId']);
  });
});
