import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type TestServer } from '../../testing/test-server.js';

let s: TestServer;
let committee: Client;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
});
afterAll(() => s?.close());

const PAGE = `query($first: Int, $after: String, $filter: ShelfProjectFilter) {
  shelfProjects(first: $first, after: $after, filter: $filter) { totalCount pageInfo { endCursor hasNextPage } nodes { id title } } }`;

async function walk(first: number, filter?: Record<string, unknown>) {
  const ids: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let pages = 0; pages < 100; pages++) {
    const r: any = await committee(PAGE, { first, after, filter });
    expect(r.errors).toBeUndefined();
    total = r.data.shelfProjects.totalCount;
    ids.push(...r.data.shelfProjects.nodes.map((n: { id: string }) => n.id));
    if (!r.data.shelfProjects.pageInfo.hasNextPage) break;
    after = r.data.shelfProjects.pageInfo.endCursor;
  }
  return { ids, total };
}

describe('keyset pagination', () => {
  it('a cursor walk returns every row exactly once, newest first', async () => {
    const [{ n }] = await s.sql(`SELECT count(*)::int AS n FROM shelf_project WHERE alliance_id = (SELECT alliance_id FROM member_unit WHERE name = '松林医院')`);
    for (const first of [1, 7, 100]) {
      const { ids, total } = await walk(first);
      expect(total).toBe(n);
      expect(ids.length).toBe(n);
      expect(new Set(ids).size).toBe(n);
    }
    const { ids } = await walk(10);
    const ordered = await s.sql(`SELECT id FROM shelf_project WHERE id = ANY($1) ORDER BY created_at DESC, id DESC`, [ids]);
    expect(ids).toEqual(ordered.map((r: { id: string }) => r.id));
  });

  it('a walk with a filter counts and returns the filtered set', async () => {
    const { ids, total } = await walk(4, { status: 'ON_SHELF', categoryCode: 'LIVELIHOOD_SECURITY' });
    const rows = await s.sql(`SELECT p.id FROM shelf_project p JOIN service_category c ON c.id = p.category_id
      JOIN member_unit u ON u.id = p.unit_id WHERE p.status = 'ON_SHELF' AND c.code = 'LIVELIHOOD_SECURITY' AND u.alliance_id = c.alliance_id
      AND c.alliance_id = (SELECT alliance_id FROM member_unit WHERE name = '松林医院')`);
    expect(total).toBe(rows.length);
    expect(new Set(ids)).toEqual(new Set(rows.map((r: { id: string }) => r.id)));
  });

  it('first outside 1..100 is BAD_USER_INPUT naming first', async () => {
    for (const first of [0, -1, 101, 100000]) {
      const r = await committee(PAGE, { first });
      expect(r.errors![0]!.extensions, String(first)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    const units = await committee(`{ memberUnits(first: 0) { totalCount } }`);
    expect(units.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('a malformed cursor is BAD_USER_INPUT naming after', async () => {
    const good = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    const badId = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'x'])).toString('base64url');
    for (const after of ['not-a-cursor!', 'AAAA', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["yesterday","x"]').toString('base64url'), badId]) {
      const r = await committee(PAGE, { after });
      expect(r.errors![0]!.extensions, after).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    expect(codeOf(await committee(PAGE, { after: good }))).toBeUndefined();
  });
});

describe('search', () => {
  it('finds Chinese text in titles, descriptions and tags', async () => {
    const r = await committee(PAGE, { first: 100, filter: { search: '楼道' } });
    const titles = r.data.shelfProjects.nodes.map((n: { title: string }) => n.title);
    expect(titles).toContain('楼道照明维修');
    expect(titles).toContain('楼道杂物清理');
    expect(titles).not.toContain('四点半课堂');
  });

  it('treats % _ \\ and quotes as plain characters', async () => {
    const [{ id: unitId }] = await s.sql(`SELECT id FROM member_unit WHERE name = '松林医院'`);
    for (const t of ['打折100%服务', 'a_b服务', "O'Brien 讲座", 'back\\slash']) {
      const r = await committee(`mutation($t: String!, $u: ID) { createShelfProject(input: { title: $t, description: "d", categoryCode: "PARTY_MASS_SERVICE", unitId: $u }) { id } }`, { t, u: unitId });
      expect(r.errors).toBeUndefined();
    }
    const titles = async (search: string) =>
      (await committee(PAGE, { first: 100, filter: { search } })).data.shelfProjects.nodes.map((n: { title: string }) => n.title);
    expect(await titles('%')).toEqual(['打折100%服务']);
    expect(await titles('_')).toEqual(['a_b服务']);
    expect(await titles("'")).toEqual(["O'Brien 讲座"]);
    expect(await titles('\\')).toEqual(['back\\slash']);
    expect(await titles('%%%')).toEqual([]);
  });
});

describe('no N+1', () => {
  it('the statements of shelfProjects do not grow with the page size', async () => {
    const Q = `query($first: Int) { shelfProjects(first: $first) { nodes { title unit { name agreement { validUntil } } category { name } } } }`;
    // The instance reads the alliance's categories once and then holds them (alliance/reference-data.ts): counted in the steady state.
    await committee(Q, { first: 1 });
    const five = await committee(Q, { first: 5 });
    const fifty = await committee(Q, { first: 50 });
    expect(five.data.shelfProjects.nodes).toHaveLength(5);
    expect(fifty.data.shelfProjects.nodes).toHaveLength(50);
    expect(Number.isFinite(five.sql)).toBe(true);
    expect(fifty.sql).toBe(five.sql);
    // list + count + units + agreements (categories from memory)
    expect(five.sql).toBeLessThanOrEqual(4);
  });

  it('nor do those of memberUnits with their projects, points and agreements', async () => {
    const Q = `query($first: Int) { memberUnits(first: $first) { nodes { name points agreement { signedAt } shelfProjects { title category { name } } } } }`;
    // As above: the alliance's categories are read once per instance, then held; counted in the steady state.
    await committee(Q, { first: 1 });
    const two = await committee(Q, { first: 2 });
    const all = await committee(Q, { first: 12 });
    expect(all.data.memberUnits.nodes).toHaveLength(12);
    expect(all.sql).toBe(two.sql);
  });
});
