import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { driveTo, ok, world, type World } from './need-helpers.js';

let s: TestServer;
let w: World;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
  // The newest needs (what first: 5 reads) each have every relation: history,
  // ordered projects of several units, claims and an assignee. More than 5
  // in all, so first: 20 reads more of them.
  const statuses = ['IN_PROGRESS', 'RESOLVED', 'CLOSED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'IN_PROGRESS', 'RESOLVED'] as const;
  for (const [i, st] of statuses.entries()) {
    await driveTo(w, st, {
      input: { gridId: w.grids[i % w.grids.length]!.id },
      projects: [w.onShelf[i]!.id, w.onShelf[i + 10]!.id],
      claimers: i % 2 ? [w.unit1, w.unit2] : [w.unit2],
      assignee: i % 2 ? { client: w.grid1, id: w.userId.grid1 } : { client: w.unit1, id: w.userId.unit1 },
    });
  }
});
afterAll(() => s?.close());

const QUERY = `query($first: Int) { needs(first: $first) { totalCount nodes {
  id grid { name } category { name } orderedProjects { unit { name } } assignee { displayName }
  history { actor { displayName } } claimedBy { name } } } }`;

describe('no N+1', () => {
  it('needs(first: 5) and needs(first: 20) send the same number of SQL statements', async () => {
    const five = await s.as('committee').then((c) => c(QUERY, { first: 5 }));
    const twenty = await s.as('committee').then((c) => c(QUERY, { first: 20 }));
    const n5 = ok(five).needs.nodes;
    const n20 = ok(twenty).needs.nodes;
    expect(n5).toHaveLength(5);
    expect(n20.length).toBeGreaterThanOrEqual(8);
    for (const n of n5) {
      expect(n.orderedProjects).toHaveLength(2);
      expect(n.claimedBy.length).toBeGreaterThanOrEqual(1);
      expect(n.assignee.displayName).toBeTruthy();
      expect(n.history.length).toBeGreaterThanOrEqual(6);
      expect(n.grid.name).toMatch(/网格$/);
    }
    expect(Number.isFinite(five.sql)).toBe(true);
    expect(five.sql).toBeGreaterThan(0);
    expect(twenty.sql).toBe(five.sql);
    // A handful of batched statements, not one per need.
    expect(five.sql).toBeLessThanOrEqual(12);
  });
});
