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

  it('with the new filters and the masked fields, for every role: the same count for 5 and for 20 rows', async () => {
    // requesterPhone needs a need's delivering units for a liaison (one batched statement), the masked texts nothing more.
    const MASKED = `query($first: Int, $filter: NeedFilter) { needs(first: $first, filter: $filter) { totalCount nodes {
      id requesterPhone requesterName location title description plan resolution history { comment actor { displayName } } } } }`;
    const filters = [
      { myUnit: false, claimable: false, assignedToMe: false, reportedFrom: '2000-01-01', reportedTo: '2100-12-31', overdue: false },
      { myUnit: true },
      { claimable: true },
    ];
    for (const user of ['committee', 'unit1', 'grid1', 'viewer']) {
      const c = await s.as(user);
      for (const filter of filters) {
        const five = await c(MASKED, { first: 5, filter });
        const twenty = await c(MASKED, { first: 20, filter });
        const n5 = ok(five).needs;
        const n20 = ok(twenty).needs;
        if (n20.totalCount < 6) continue; // nothing to compare: too few rows for this caller
        expect(n5.nodes, `${user} ${JSON.stringify(filter)}`).toHaveLength(5);
        expect(n20.nodes.length).toBeGreaterThan(5);
        expect(twenty.sql, `${user} ${JSON.stringify(filter)}`).toBe(five.sql);
        expect(five.sql).toBeLessThanOrEqual(8);
      }
    }
  });

  it('unit1 reads phones through one batched statement: clear on needs its unit delivers, masked elsewhere', async () => {
    const c = await s.as('unit1');
    const r = ok(await c(`{ needs(first: 20, filter: { myUnit: false }) { nodes { id status requesterPhone } } }`)).needs.nodes;
    expect(r.length).toBe(20);
    for (const n of r) expect(n.requesterPhone, n.status).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
});
