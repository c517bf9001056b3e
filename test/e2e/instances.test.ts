import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrations } from '../../server/src/database/data-source.js';
import { withDatabase } from '../../server/src/testing/global-setup.js';
import { SIGN_IN_LIMITS } from '../../server/src/modules/auth/sign-in-throttle.js';
import { startServer, stopServer, type Started } from './process.js';

// Three built servers started at once on one empty database, behind a round-robin proxy as a load
// balancer would put them: one migrates and seeds under the advisory lock, all serve, and what one
// instance changes (data, dashboard figures, sign-in counts, sessions) holds on the others at once; each keeps
// to its DATABASE_POOL_SIZE.
const adminUrl = inject('pgAdminUrl');
const database = `t_inst_${randomBytes(5).toString('hex')}`;
const sql = async <R = any>(text: string, params: unknown[] = []): Promise<R[]> => {
  const c = new pg.Client({ connectionString: withDatabase(adminUrl, database) });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as R[];
  } finally {
    await c.end();
  }
};
const servers: Started[] = [];
let proxy: http.Server | undefined;
afterAll(async () => {
  await new Promise((r) => (proxy ? proxy.close(r) : r(undefined)));
  await Promise.all(servers.map((s) => (s.child.exitCode === null && s.child.signalCode === null ? stopServer(s) : undefined)));
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await c.end();
});

/** A load balancer in a few lines: each request to the next instance in turn; `x-upstream` says which answered. */
function roundRobin(upstreams: URL[]): Promise<string> {
  let next = 0;
  proxy = http.createServer((req, res) => {
    const i = next++ % upstreams.length;
    const to = upstreams[i]!;
    const forward = http.request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, { ...answer.headers, 'x-upstream': String(i) });
      answer.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  return new Promise((resolve) => proxy!.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(proxy!.address() as AddressInfo).port}/graphql`)));
}

interface Answer {
  upstream: number;
  data?: any;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}
async function gql(url: string, query: string, token?: string, variables?: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { upstream: Number(res.headers.get('x-upstream')), ...((await res.json()) as object) };
}
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;
const UNIT_COUNT = `{ dashboard { unitCount } }`;
/** DATABASE_POOL_SIZE of each instance: below the 10 of the default, so that the test tells them apart. */
const POOL = 3;

describe('three instances on one database behind a round-robin proxy', () => {
  it('one migrates and seeds, all serve; a write, the dashboard, sign-in limits and revocations hold on every instance; each keeps to its pool', async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`CREATE DATABASE ${database}`);
    await c.end();

    // All three at once on the empty database.
    const env = { DATABASE_URL: withDatabase(adminUrl, database), PORT: '0', LOG_LEVEL: 'info', SEED_DEMO: 'true', DATABASE_POOL_SIZE: String(POOL) };
    servers.push(...(await Promise.all([1, 2, 3].map(() => startServer(env)))));
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM migrations`);
    expect(n).toBe(migrations.length);
    expect(servers.map((s) => /"msg":"migrations applied"/.test(s.output())).filter(Boolean)).toHaveLength(1);
    expect(servers.map((s) => /"msg":"demo data loaded"/.test(s.output())).filter(Boolean)).toHaveLength(1);
    expect((await sql(`SELECT count(*)::int AS n FROM alliance`))[0].n).toBe(2);

    const url = await roundRobin(servers.map((s) => new URL(s.url)));
    const committee = (await gql(url, LOGIN, undefined, { u: 'committee', p: 'demo-password' })).data.login.token as string;

    // Every instance has the figures in its cache (30 s)...
    const before = await Promise.all([0, 1, 2].map(() => gql(url, UNIT_COUNT, committee)));
    expect(new Set(before.map((a) => a.upstream))).toEqual(new Set([0, 1, 2]));
    const count = before[0]!.data.dashboard.unitCount as number;
    expect(before.map((a) => a.data.dashboard.unitCount)).toEqual([count, count, count]);
    // ...a sign-in and a refused mutation change no figure and refresh nothing...
    expect((await gql(url, `mutation { createMemberUnit(input: { name: "", kind: OTHER, partyMemberCount: 1, contactName: "甲", contactPhone: "13900000000" }) { id } }`, committee)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // ...one instance adds a unit...
    const name = `三实例-${randomBytes(3).toString('hex')}`;
    const created = await gql(
      url,
      `mutation($name: String!) { createMemberUnit(input: { name: $name, kind: OTHER, partyMemberCount: 1, contactName: "甲", contactPhone: "13900000000" }) { id } }`,
      committee,
      { name },
    );
    expect(created.data?.createMemberUnit?.id).toBeTruthy();
    const writtenAt = Date.now();
    // ...and within a second every instance shows the new figure (NOTIFY), not the one it kept.
    const seenBy = new Map<number, number>();
    while (seenBy.size < 3 && Date.now() - writtenAt < 1000) {
      const a = await gql(url, UNIT_COUNT, committee);
      if (a.data.dashboard.unitCount === count + 1 && !seenBy.has(a.upstream)) seenBy.set(a.upstream, Date.now() - writtenAt);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect([...seenBy.keys()].sort()).toEqual([0, 1, 2]);
    // And the unit itself is read through every instance.
    const found = await Promise.all(
      [0, 1, 2].map(() => gql(url, `query($q: String) { memberUnits(filter: { search: $q }) { nodes { name } } }`, committee, { q: name })),
    );
    expect(new Set(found.map((a) => a.upstream))).toEqual(new Set([0, 1, 2]));
    expect(found.map((a) => a.data.memberUnits.nodes.map((u: { name: string }) => u.name))).toEqual([[name], [name], [name]]);

    // Sign-in limits: failures spread over the three instances add up to one count.
    const tries = await Promise.all(
      Array.from({ length: SIGN_IN_LIMITS.accountFreeTries }, () => gql(url, LOGIN, undefined, { u: 'grid1', p: 'wrong-password' })),
    );
    expect(new Set(tries.map((a) => a.upstream))).toEqual(new Set([0, 1, 2]));
    expect(tries.map((a) => a.errors?.[0]?.extensions?.code)).toEqual(tries.map(() => 'UNAUTHENTICATED'));
    const held = await Promise.all([0, 1, 2].map(() => gql(url, LOGIN, undefined, { u: 'grid1', p: 'demo-password' })));
    expect(held.map((a) => a.errors?.[0]?.extensions?.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);

    // Revocations: a session ended on one instance is refused by all, at once.
    const grid2 = (await gql(url, LOGIN, undefined, { u: 'grid2', p: 'demo-password' })).data.login.token as string;
    const me = `{ me { username } }`;
    expect((await Promise.all([0, 1, 2].map(() => gql(url, me, grid2)))).map((a) => a.data?.me?.username)).toEqual(['grid2', 'grid2', 'grid2']);
    const [{ id }] = await sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'grid2'`);
    const disabled = await gql(url, `mutation($id: ID!) { disableUser(id: $id, reason: "调离") { id } }`, committee, { id });
    expect(disabled.errors).toBeUndefined();
    const refusedAt = Date.now();
    const refusedBy = new Set<number>();
    while (refusedBy.size < 3 && Date.now() - refusedAt < 1000) {
      const a = await gql(url, me, grid2);
      if (a.errors?.[0]?.extensions?.reason === 'SESSION_ENDED') refusedBy.add(a.upstream);
      else expect(a.upstream, 'the instance that disabled the account refuses at once').not.toBe(disabled.upstream);
    }
    expect([...refusedBy].sort()).toEqual([0, 1, 2]);

    // DATABASE_POOL_SIZE bounds each instance's statements at once: with member_unit locked, 30 reads spread over the
    // three instances hold 3 connections each, waiting on the lock, and the rest wait in the instances' pools.
    const lock = new pg.Client({ connectionString: withDatabase(adminUrl, database) });
    await lock.connect();
    await lock.query('BEGIN; LOCK TABLE member_unit IN ACCESS EXCLUSIVE MODE');
    const reads = Array.from({ length: 30 }, () => gql(url, `{ memberUnits { totalCount } }`, committee));
    const waiting = async () =>
      (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'alliance-server' AND wait_event_type = 'Lock'`, [database]))[0]!.n;
    const lockedAt = Date.now();
    while ((await waiting()) < 3 * POOL && Date.now() - lockedAt < 10_000) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    expect(await waiting()).toBe(3 * POOL);
    await lock.query('COMMIT');
    await lock.end();
    const counted = await Promise.all(reads);
    expect(new Set(counted.map((a) => a.upstream))).toEqual(new Set([0, 1, 2]));
    expect(counted.map((a) => a.data?.memberUnits?.totalCount)).toEqual(counted.map(() => counted[0]!.data.memberUnits.totalCount));

    expect(await Promise.all(servers.map((s) => stopServer(s)))).toEqual([0, 0, 0]);
  }, 240_000);
});
