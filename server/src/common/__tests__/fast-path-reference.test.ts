import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, statementsSent, untilReferenceHeld, type GqlResult, type TestServer } from '../../testing/test-server.js';

/*
 * Categories and grids in a fast read (docs/architecture.md, "Fast path"):
 * while the instance holds the caller's alliance's (reference-data.ts), the
 * statement leaves them out and the resolvers answer them from memory; while
 * it does not (a fresh instance, a change just heard), the statement reads
 * them itself. Either way one statement, and the same answer.
 */

let s: TestServer;
let token = '';
beforeAll(async () => {
  s = await startTestServer({}, { FAST_PATH: 'on' });
  token = await s.login('committee');
});
afterAll(() => s?.close());

const SHELF = `{ shelfProjects(first: 5) { nodes { id title category { id code name } } } }`;
const NEEDS = `{ needs(first: 5) { nodes { id title category { id name } grid { id name outline } } } }`;

/** The request's answer and the one list statement it sent (the instance's own reads may overlap: they are left out). */
async function read(query: string): Promise<{ r: GqlResult; statement: string }> {
  let r: GqlResult | undefined;
  const sent = await statementsSent(s, async () => (r = await s.gql(query, {}, token)));
  expect(r!.errors).toBeUndefined();
  expect(r!.sql).toBe(1);
  return { r: r!, statement: sent.find((q) => q.includes('WITH filtered'))! };
}

describe('fast path: categories and grids the instance holds', () => {
  it('reads them in the statement until the instance holds them, then leaves them out, with the same answer', async () => {
    // The first request of a fresh instance: nothing held yet.
    const cold = await read(SHELF);
    expect(cold.statement).toContain('"service_category"');
    await untilReferenceHeld(s, token);
    const warm = await read(SHELF);
    expect(warm.statement).not.toContain('"service_category"');
    expect(warm.r.data).toEqual(cold.r.data);
    expect(warm.r.data.shelfProjects.nodes[0].category.name).toEqual(expect.any(String));
    const needs = await read(NEEDS);
    expect(needs.statement).not.toMatch(/"service_category"|"grid"/);
    expect(needs.r.data.needs.nodes[0].grid.name).toEqual(expect.any(String));
  });

  it("one alliance's rows held and another's not: each read gets its own plan and its own alliance's categories", async () => {
    await untilReferenceHeld(s, token);
    const neighbour = await s.login('n-committee');
    let r: GqlResult | undefined;
    const sent = await statementsSent(s, async () => (r = await s.gql(SHELF, {}, neighbour)));
    expect(r!.errors).toBeUndefined();
    expect(r!.sql).toBe(1);
    // The neighbour's first fast read: its alliance's rows not held, so read in the statement.
    expect(sent.find((q) => q.includes('WITH filtered'))).toContain('"service_category"');
    const theirs = (await s.sql(`SELECT c.id FROM service_category c JOIN app_user u ON u.alliance_id = c.alliance_id WHERE u.username = 'n-committee'`)).map((c: { id: string }) => c.id);
    for (const node of r!.data.shelfProjects.nodes) expect(theirs).toContain(node.category.id);
    // Ours still held: the plan kept for the neighbour is not ours.
    expect((await read(SHELF)).statement).not.toContain('"service_category"');
  });

  it('a grid changed by any writer is read in the statement again, then held again, changed', async () => {
    await untilReferenceHeld(s, token);
    const before = await read(NEEDS);
    const grid = before.r.data.needs.nodes[0].grid;
    const outline = '1,1 2,1 2,2';
    await s.sql(`UPDATE grid SET outline = $2 WHERE id = $1`, [grid.id, outline]);
    // The first answer with the change: the instance dropped the alliance's rows, so the statement read them.
    let after = before;
    for (let tries = 0; tries < 50 && after.r.data.needs.nodes[0].grid.outline !== outline; tries++) {
      await new Promise((r) => setTimeout(r, 20));
      after = await read(NEEDS);
    }
    expect(after.r.data.needs.nodes[0].grid.outline).toBe(outline);
    expect(after.statement).toContain('"grid"');
    await untilReferenceHeld(s, token);
    const held = await read(NEEDS);
    expect(held.statement).not.toContain('"grid"');
    expect(held.r.data).toEqual(after.r.data);
  });

  it('a filter by category code compares with the id held in memory, by a sub-select while not held; the same projects and needs', async () => {
    await untilReferenceHeld(s, token);
    const [{ id, code, name }] = await s.sql(
      `SELECT c.id, c.code, c.name FROM service_category c JOIN app_user u ON u.alliance_id = c.alliance_id
        WHERE u.username = 'committee' AND EXISTS (SELECT 1 FROM need n WHERE n.category_id = c.id) ORDER BY c.code LIMIT 1`,
    );
    const byCode = (c: string) => `{
      shelfProjects(filter: { categoryCode: "${c}" }, first: 50) { totalCount nodes { id category { code name } } }
      needs(filter: { categoryCode: "${c}" }, first: 50) { totalCount nodes { id category { id name } } } }`;
    const ids = (r: GqlResult) => [r.data.shelfProjects.nodes.map((n: { id: string }) => n.id), r.data.needs.nodes.map((n: { id: string }) => n.id)];
    const sentFor = async (query: string) => {
      let r: GqlResult | undefined;
      const sent = await statementsSent(s, async () => (r = await s.gql(query, {}, token)));
      expect(r!.errors).toBeUndefined();
      expect(r!.sql).toBe(2);
      return { r: r!, lists: sent.filter((q) => q.includes('WITH filtered')) };
    };
    const held = await sentFor(byCode(code));
    expect(held.lists).toHaveLength(2);
    for (const statement of held.lists) expect(statement).not.toContain('service_category');
    expect(held.r.data.needs.totalCount).toBeGreaterThan(0);
    for (const n of held.r.data.needs.nodes) expect(n.category.id).toBe(id);
    for (const n of held.r.data.shelfProjects.nodes) expect(n.category.code).toBe(code);

    const unknown = await sentFor(byCode('NO_SUCH_CODE'));
    expect(unknown.r.data).toEqual({ shelfProjects: { totalCount: 0, nodes: [] }, needs: { totalCount: 0, nodes: [] } });

    // A change to the categories heard: the first answer showing it compared by sub-select, and finds the same rows.
    await s.sql(`UPDATE service_category SET name = $2 WHERE id = $1`, [id, `${name}·`]);
    try {
      let changed = held;
      for (let tries = 0; tries < 50 && changed.r.data.needs.nodes[0].category.name === name; tries++) {
        await new Promise((r) => setTimeout(r, 20));
        changed = await sentFor(byCode(code));
      }
      expect(changed.r.data.needs.nodes[0].category.name).toBe(`${name}·`);
      for (const statement of changed.lists) expect(statement).toContain('(SELECT c.id FROM service_category c WHERE');
      expect(ids(changed.r)).toEqual(ids(held.r));
    } finally {
      await s.sql(`UPDATE service_category SET name = $2 WHERE id = $1`, [id, name]);
    }
  });
});
