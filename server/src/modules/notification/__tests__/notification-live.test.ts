import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { M, driveTo, ok, world, type World } from '../../need/__tests__/need-helpers.js';

/**
 * Live delivery across instances (docs/adoption.md "Notifications", "Operations"):
 * a user subscribed on instance B hears, within a couple of seconds, what
 * instance A wrote for them; nobody else hears it; a refused token is never
 * connected, and a connection ends when its account is disabled.
 */
let s: TestServer;
let w: World;
let wsUrlB: string;
const clients: WsClient[] = [];
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
  const twin = await s.twin();
  wsUrlB = twin.url.replace(/^http/, 'ws');
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  await s?.close();
});

const SUBSCRIPTION = `subscription { notificationAdded { id kind subjectType subjectId params readAt } }`;

interface Listener {
  received: any[];
  errors: unknown[];
  closed: { code: number; reason: string } | null;
  /** Resolves once the server acknowledged the connection (or rejects when it closed it). */
  ready: Promise<void>;
}

function listen(token: string | null, url = wsUrlB): Listener {
  const l: Listener = { received: [], errors: [], closed: null, ready: Promise.resolve() };
  let connected!: () => void;
  let refused!: (e: unknown) => void;
  l.ready = new Promise<void>((resolve, reject) => {
    connected = resolve;
    refused = reject;
  });
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: {
      connected: () => connected(),
      closed: (e) => {
        const ev = e as { code: number; reason: string };
        l.closed = { code: ev.code, reason: ev.reason };
        refused(ev);
      },
    },
  });
  clients.push(client);
  client.subscribe({ query: SUBSCRIPTION }, {
    next: (v) => l.received.push(v.data?.notificationAdded),
    error: (e) => l.errors.push(e),
    complete: () => undefined,
  });
  return l;
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}

describe('notificationAdded over graphql-ws', () => {
  it('a grid worker subscribed on instance B hears the assignment the committee made on instance A, within 2 s; others hear nothing', async () => {
    const grid1 = listen(await s.login('grid1'));
    const grid2 = listen(await s.login('grid2'));
    const neighbour = listen(await s.login('n-committee'));
    await Promise.all([grid1.ready, grid2.ready, neighbour.ready]);
    // The subscription is registered once the first message is in; a round trip makes sure.
    await new Promise((r) => setTimeout(r, 200));

    const planned = await driveTo(w, 'PLANNED');
    const started = Date.now();
    ok(await w.committee(M.assign, { id: planned.id, assigneeId: w.userId.grid1 }));
    await until(() => grid1.received.length > 0, 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(grid1.received).toEqual([
      expect.objectContaining({ kind: 'NEED_ASSIGNED', subjectType: 'NEED', subjectId: planned.id, readAt: null, params: expect.objectContaining({ title: planned.title }) }),
    ]);
    const [row] = await s.sql(`SELECT id FROM notification WHERE subject_id = $1 AND recipient_id = $2`, [planned.id, w.userId.grid1]);
    expect(grid1.received[0].id).toBe(row.id);
    // A beat for anything that should not come.
    await new Promise((r) => setTimeout(r, 300));
    expect(grid2.received).toEqual([]);
    expect(neighbour.received).toEqual([]);
    expect(grid1.errors).toEqual([]);
  });

  it('without a valid token the connection is refused (4403)', async () => {
    const anonymous = listen(null);
    await expect(anonymous.ready).rejects.toBeTruthy();
    expect(anonymous.closed?.code).toBe(4403);
    const forged = listen('not-a-token');
    await expect(forged.ready).rejects.toBeTruthy();
    expect(forged.closed?.code).toBe(4403);
  });

  it('a disabled account\'s connection is closed', async () => {
    const viewer = listen(await s.login('viewer'));
    await viewer.ready;
    ok(await w.committee(`mutation($id: ID!, $reason: String!) { disableUser(id: $id, reason: $reason) { id } }`, { id: w.userId.viewer, reason: '调离' }));
    await until(() => viewer.closed !== null, 3000);
    expect(viewer.closed?.code).toBe(4403);
  });

  it('a graceful stop closes the subscriptions first (1001 Going Away: the client reconnects to another instance)', async () => {
    const other = await startTestServer();
    const grid1 = listen(await other.login('grid1'), other.url.replace(/^http/, 'ws'));
    await grid1.ready;
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(8000);
    await until(() => grid1.closed !== null, 2000);
    expect(grid1.closed?.code).toBe(1001);
  });
});
