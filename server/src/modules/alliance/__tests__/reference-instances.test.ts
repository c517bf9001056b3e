import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';

/**
 * Two instances on one database, each holding the alliances' grids and
 * categories (reference-data.ts): a request reads them once per instance,
 * and a committed change of either table, by an instance or by anyone
 * writing SQL, reaches both within a second (the trigger's NOTIFY).
 */
let s: TestServer;
let a: Client;
let b: Client;
let committeeB: Client;
beforeAll(async () => {
  // Figures computed afresh: the categories the dashboard names come through the reference loaders every time.
  s = await startTestServer({ dashboardCacheSeconds: 0 });
  const twin = await s.twin();
  a = await s.as('grid1');
  const grid1B = await s.login('grid1');
  b = (query, variables) => twin.gql(query, variables, grid1B);
  const committeeTokenB = await s.login('committee');
  committeeB = (query, variables) => twin.gql(query, variables, committeeTokenB);
  // Each instance meets the caller's account first: the counts below are of the steady state.
  await a(`{ __typename }`);
  await b(`{ __typename }`);
});
afterAll(() => s?.close());

const ASKED = `{ me { grid { id name outline } } dashboard { shelfProjectsByCategory { category { id code name } count } } }`;
type Answer = { me: { grid: { id: string; name: string; outline: string | null } }; dashboard: { shelfProjectsByCategory: { category: { id: string; code: string; name: string } }[] } };

async function ask(c: Client) {
  const r = await c<Answer>(ASKED);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r;
}

/** Polls `c` until `seen` holds of its answer; returns how long it took. */
async function until(c: Client, seen: (d: Answer) => boolean, limitMs = 1000): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (seen((await ask(c)).data!)) return Date.now() - start;
    if (Date.now() - start > limitMs) throw new Error(`not seen after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('grids and categories held per alliance on every instance', () => {
  it('are read once per instance, then answered from memory', async () => {
    const first = await ask(a);
    const again = await ask(a);
    expect(again.data).toEqual(first.data);
    // The alliance's grids and categories: two statements the first time, none after.
    expect(first.sql - again.sql).toBe(2);
    const onB = await ask(b);
    expect(onB.data).toEqual(first.data);
    expect(onB.sql).toBe(first.sql);
    expect((await ask(b)).sql).toBe(again.sql);
  });

  it('a change through one instance reaches the other within a second, and its own', async () => {
    const before = (await ask(a)).data!;
    await ask(b);
    const outline = '100,100 300,100 300,300';
    const changed = await committeeB(`mutation($id: ID!, $o: String) { updateGridOutline(gridId: $id, outline: $o) { id outline } }`, { id: before.me.grid.id, o: outline });
    expect(changed.errors).toBeUndefined();
    const ms = await until(a, (d) => d.me.grid.outline === outline);
    expect(ms).toBeLessThan(1000);
    await until(b, (d) => d.me.grid.outline === outline);
  });

  it('a change written by SQL (any writer) reaches both; other alliances keep theirs', async () => {
    const before = (await ask(a)).data!;
    const category = before.dashboard.shelfProjectsByCategory[0]!.category;
    const neighbour = await s.as('n-committee');
    const theirs = await neighbour(`{ dashboard { shelfProjectsByCategory { category { name } } } }`);
    await s.sql(`UPDATE service_category SET name = name || '（新）' WHERE id = $1`, [category.id]);
    for (const c of [a, b]) await until(c, (d) => d.dashboard.shelfProjectsByCategory[0]!.category.name === `${category.name}（新）`);
    const theirsAfter = await neighbour(`{ dashboard { shelfProjectsByCategory { category { name } } } }`);
    expect(theirsAfter.data).toEqual(theirs.data);
  });
});
