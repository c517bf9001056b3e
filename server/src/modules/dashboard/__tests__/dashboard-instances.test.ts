import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '@alliance/shared';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';

/**
 * Two instances behind a load balancer, each with its dashboard cache
 * (docs/adoption.md "Operations"): a committed change that moves a figure
 * reaches the other instance's cache through PostgreSQL NOTIFY within a
 * second; sign-ins, refused mutations and changes that move no figure leave
 * both caches as they are.
 */
let s: TestServer;
let a: Client;
let b: Client;
let tokenB: string;
const RANGE = { from: '2024-02-01', to: localDate() };
const ASKED = `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { computedAt unitCount shelfProjectsOnShelf topUnits(first: 3) { points unit { name } } } }`;

beforeAll(async () => {
  // A long TTL: only an invalidation can make an instance compute its figures again.
  s = await startTestServer({ dashboardCacheSeconds: 3600 });
  const twin = await s.twin();
  a = await s.as('committee');
  tokenB = await s.login('committee');
  b = (query, variables) => twin.gql(query, variables, tokenB);
});
afterAll(() => s?.close());

type Dash = { computedAt: string; unitCount: number; shelfProjectsOnShelf: number };
const dash = async (c: Client): Promise<GqlResult<{ dashboard: Dash }>> => {
  const r = await c<{ dashboard: Dash }>(ASKED, RANGE);
  expect(r.errors).toBeUndefined();
  return r;
};

/** Both instances answer from memory: no statement, the same computedAt as before. */
async function bothCached(before: { a: Dash; b: Dash }) {
  const [ra, rb] = [await dash(a), await dash(b)];
  expect(ra.sql).toBe(0);
  expect(rb.sql).toBe(0);
  expect(ra.data!.dashboard).toEqual(before.a);
  expect(rb.data!.dashboard).toEqual(before.b);
}

async function warm() {
  await dash(a);
  await dash(b);
  return { a: (await dash(a)).data!.dashboard, b: (await dash(b)).data!.dashboard };
}

/** Polls `c` until its dashboard is computed afresh; returns it and how long it took. */
async function freshOn(c: Client, since: Dash, limitMs = 1000): Promise<{ dashboard: Dash; ms: number }> {
  const start = Date.now();
  for (;;) {
    const r = await dash(c);
    if (r.data!.dashboard.computedAt !== since.computedAt) return { dashboard: r.data!.dashboard, ms: Date.now() - start };
    if (Date.now() - start > limitMs) throw new Error(`still the cached dashboard after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the dashboard cache across instances', () => {
  it('a change on one instance refreshes the other within a second (NOTIFY), and its own at once', async () => {
    const before = await warm();
    const created = await a(`mutation($input: CreateMemberUnitInput!) { createMemberUnit(input: $input) { id } }`, {
      input: { name: '跨实例缓存测试单位', kind: 'PRIVATE_ENTERPRISE', partyMemberCount: 3, contactName: '张三', contactPhone: '13912345678' },
    });
    expect(created.errors).toBeUndefined();
    const own = await dash(a);
    expect(own.data!.dashboard.unitCount).toBe(before.a.unitCount + 1);
    expect(own.sql).toBeGreaterThan(0);
    const other = await freshOn(b, before.b);
    expect(other.dashboard.unitCount).toBe(before.b.unitCount + 1);
    expect(other.ms).toBeLessThan(1000);
  });

  it('and the other way round: a project taken down through the twin refreshes the first instance', async () => {
    const before = await warm();
    const [{ id }] = await s.sql(`SELECT id FROM shelf_project WHERE status = 'ON_SHELF' AND alliance_id = (SELECT alliance_id FROM app_user WHERE username = 'committee') LIMIT 1`);
    const r = await b(`mutation($id: ID!) { takeDownShelfProject(id: $id, reason: "暂停服务") { status } }`, { id });
    expect(r.errors).toBeUndefined();
    const first = await freshOn(a, before.a);
    expect(first.dashboard.shelfProjectsOnShelf).toBe(before.a.shelfProjectsOnShelf - 1);
  });

  it('sign-ins, refused mutations and changes that move no figure leave both caches as they are', async () => {
    const before = await warm();
    // Sign-ins, on both instances, and a failed one.
    await s.login('committee');
    await s.login('unit1');
    expect((await b(`mutation { login(username: "committee", password: "demo-password") { token } }`)).errors).toBeUndefined();
    expect(codeOf(await a(`mutation { login(username: "committee", password: "wrong-password") { token } }`))).toBe('UNAUTHENTICATED');
    // Refused: the role, the state, the input.
    const unit1 = await s.as('unit1');
    const [{ id: draft }] = await s.sql(`SELECT id FROM shelf_project WHERE status <> 'PENDING_REVIEW' LIMIT 1`);
    expect(codeOf(await unit1(`mutation($id: ID!) { reviewShelfProject(id: $id, approve: true) { status } }`, { id: draft }))).toBe('FORBIDDEN');
    expect(codeOf(await a(`mutation($id: ID!) { reviewShelfProject(id: $id, approve: true) { status } }`, { id: draft }))).toBe('CONFLICT');
    expect(codeOf(await a(`mutation { createMemberUnit(input: { name: "", kind: OTHER, partyMemberCount: 1, contactName: "张三", contactPhone: "123" }) { id } }`))).toBe(
      'BAD_USER_INPUT',
    );
    // Allowed, but moving no figure: an activity created (a DRAFT) and the alliance's settings.
    expect(
      (
        await a(`mutation($input: ActivityInput!) { createActivity(input: $input) { id } }`, {
          input: {
            title: '缓存不动的活动',
            description: '说明',
            kind: 'CIVILIZED_CITY',
            startsAt: '2090-01-01T01:00:00Z',
            endsAt: '2090-01-01T03:00:00Z',
            location: '党群服务中心',
          },
        })
      ).errors,
    ).toBeUndefined();
    expect((await b(`mutation { updateAllianceSettings(maxOpenClaims: 7) { id } }`)).errors).toBeUndefined();
    // Time for any notification to arrive.
    await new Promise((r) => setTimeout(r, 300));
    await bothCached(before);
  });
});
