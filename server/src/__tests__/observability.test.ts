import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const TOKEN = 'metrics-token-0123456789abcdef';
let s: TestServer;
let closed: TestServer;
let proxied: TestServer;
beforeAll(async () => {
  s = await startTestServer({ metricsToken: TOKEN });
  closed = await startTestServer();
  proxied = await startTestServer({ trustProxy: 'loopback' });
});
afterAll(async () => {
  await s?.close();
  await closed?.close();
  await proxied?.close();
});

const origin = (t: TestServer) => t.url.replace(/\/graphql$/, '');
const metrics = async (t: TestServer, auth?: string) => {
  const res = await fetch(`${origin(t)}/metrics`, { headers: auth ? { authorization: auth } : {} });
  return { status: res.status, text: await res.text() };
};
/** The value of one sample line of the exposition, or undefined. */
const sample = (text: string, line: string) => {
  const found = text.split('\n').find((l) => l.startsWith(line + ' '));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
};

describe('/metrics', () => {
  it('needs the bearer token, and does not exist without one configured', async () => {
    expect((await metrics(s)).status).toBe(401);
    expect((await metrics(s, 'Bearer wrong-token-0123456789abcdef')).status).toBe(401);
    expect((await metrics(s, `Bearer ${TOKEN}`)).status).toBe(200);
    expect((await metrics(closed, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('counts requests by operation and outcome, sign-in failures, dashboard cache hits, the pool and the event loop', async () => {
    const committee = await s.as('committee');
    const before = (await metrics(s, `Bearer ${TOKEN}`)).text;
    const okLine = 'alliance_graphql_requests_total{operation="UnitsForMetrics",outcome="ok"}';
    await committee(`query UnitsForMetrics { memberUnits { totalCount } }`);
    await committee(`query UnitsForMetrics { memberUnits { totalCount } }`);
    await committee(`query BadUnitId { memberUnit(id: "42") { id } }`);
    await s.gql(`mutation BadLogin { login(username: "committee", password: "wrong-password") { token } }`);
    await committee(`{ dashboard { needsReported } }`);
    await committee(`{ dashboard { needsReported } }`);
    const after = (await metrics(s, `Bearer ${TOKEN}`)).text;

    expect(sample(before, okLine) ?? 0).toBe(0);
    expect(sample(after, okLine)).toBe(2);
    expect(sample(after, 'alliance_graphql_request_duration_seconds_count{operation="UnitsForMetrics",outcome="ok"}')).toBe(2);
    expect(sample(after, 'alliance_graphql_requests_total{operation="BadUnitId",outcome="BAD_USER_INPUT"}')).toBe(1);
    expect(sample(after, 'alliance_sign_in_failures_total{code="UNAUTHENTICATED"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'alliance_dashboard_cache_lookups_total{result="hit"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'alliance_dashboard_cache_lookups_total{result="miss"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'alliance_db_pool_connections{state="waiting"}')).toBe(0);
    expect(sample(after, 'alliance_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('keeps the operation label bounded: names are the client’s to choose', async () => {
    await s.gql(`query ${'x'.repeat(70)} { __typename }`);
    const text = (await metrics(s, `Bearer ${TOKEN}`)).text;
    expect(text).not.toContain('x'.repeat(70));
    expect(sample(text, 'alliance_graphql_requests_total{operation="anonymous",outcome="ok"}')).toBeGreaterThanOrEqual(1);
  });
});

describe('request ids', () => {
  it('are made by the server, and taken from X-Request-Id only behind a trusted proxy', async () => {
    const send = (t: TestServer) =>
      fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'edge-42' }, body: '{"query":"{ __typename }"}' });
    const own = (await send(s)).headers.get('x-request-id');
    expect(own).toMatch(/^[0-9a-f-]{36}$/);
    expect((await send(proxied)).headers.get('x-request-id')).toBe('edge-42');
  });
});

describe('liveness and readiness', () => {
  it('/healthz says the process answers; /readyz that the database is reachable and migrated', async () => {
    const live = await fetch(`${origin(s)}/healthz`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${origin(s)}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    // A migration this server knows of but the database has not had: not ready.
    const [last] = await s.sql(`SELECT id, timestamp, name FROM migrations ORDER BY timestamp DESC LIMIT 1`);
    await s.sql(`DELETE FROM migrations WHERE id = $1`, [last.id]);
    try {
      const pending = await fetch(`${origin(s)}/readyz`);
      expect([pending.status, await pending.json()]).toEqual([503, { status: 'migrations pending' }]);
      expect((await fetch(`${origin(s)}/healthz`)).status).toBe(200);
    } finally {
      await s.sql(`INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [last.id, last.timestamp, last.name]);
    }
  });
});
