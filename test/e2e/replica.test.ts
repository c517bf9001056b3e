import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/database/embedded.js';
import { REPLICA_APPLICATION_NAME } from '../../server/src/database/data-source.js';
import { startServer, stopServer, type Started } from './process.js';

// A real streaming replica from the machine's PostgreSQL programs: a primary initdb'd in a temp
// folder with wal_level=replica, a copy of it by pg_basebackup -R started on another port, and the
// built server pointed at both (DATABASE_URL, DATABASE_REPLICA_URLS).

/** The machine's PostgreSQL server programs (Debian's postgresql package). Missing, the test fails: CI has them. */
function programs(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'pg_basebackup'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`no PostgreSQL server programs with pg_basebackup under ${root}: install the postgresql package (apt-get install postgresql)`);
  return path.join(root, newest, 'bin');
}

// As root, PostgreSQL must run as another user.
const owner = process.getuid?.() === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : null;
const base = mkdtempSync(path.join(os.tmpdir(), 'alliance-replica-'));
chmodSync(base, 0o755);
const clusters: ChildProcess[] = [];
let server: Started | undefined;
afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) await stopServer(server);
  // Fast shutdown, the replica first.
  for (const c of clusters.reverse()) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGINT');
    await gone;
  }
  rmSync(base, { recursive: true, force: true });
});

function run(bin: string, args: string[]): void {
  execFileSync(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(owner ?? {}) });
}

/** Starts a postmaster on its data folder and resolves once it takes connections. */
async function startCluster(bin: string, dir: string, port: number, settings: string[]): Promise<void> {
  const child = spawn(path.join(bin, 'postgres'), ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...settings.flatMap((s) => ['-c', s])], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(owner ?? {}),
  });
  clusters.push(child);
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  for (const end = Date.now() + 60_000; Date.now() < end; ) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}): ${log}`);
    const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    try {
      await c.connect();
      await c.end();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`postgres on ${port} not ready in 60 s: ${log}`);
}

async function query<R = any>(port: number, text: string, database = 'alliance'): Promise<R[]> {
  const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database });
  await c.connect();
  try {
    return (await c.query(text)).rows as R[];
  } finally {
    await c.end();
  }
}

async function gql(url: string, q: string, o: { token?: string; cookie?: string; variables?: Record<string, unknown> } = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...(o.cookie ? { cookie: o.cookie } : {}),
    },
    body: JSON.stringify({ query: q, variables: o.variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, cookie: res.headers.get('set-cookie'), ...body };
}

describe('reads from a streaming replica (DATABASE_REPLICA_URLS)', () => {
  it('queries read from the replica, a writer reads its own writes from the primary, and lag breaks nothing', async () => {
    const bin = programs();
    const primaryDir = path.join(base, 'primary');
    const replicaDir = path.join(base, 'replica');
    for (const dir of [primaryDir, replicaDir]) {
      mkdirSync(dir, { mode: 0o700 });
      if (owner) chownSync(dir, owner.uid, owner.gid);
    }
    // trust on loopback: a throwaway cluster in a temp folder, reachable from this machine only.
    run(path.join(bin, 'initdb'), [`--pgdata=${primaryDir}`, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C.UTF-8']);
    const primaryPort = await freePort();
    await startCluster(bin, primaryDir, primaryPort, ['wal_level=replica', 'max_wal_senders=4']);
    await query(primaryPort, 'CREATE DATABASE alliance', 'postgres');
    run(path.join(bin, 'pg_basebackup'), ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast']);
    const replicaPort = await freePort();
    await startCluster(bin, replicaDir, replicaPort, ['hot_standby=on']);
    expect((await query(replicaPort, 'SELECT pg_is_in_recovery() AS r'))[0].r).toBe(true);

    server = await startServer({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${primaryPort}/alliance`,
      DATABASE_REPLICA_URLS: `postgres://postgres@127.0.0.1:${replicaPort}/alliance`,
      SEED_DEMO: 'true',
      PORT: '0',
    });
    const url = server.url;
    const login = async (username: string) =>
      (await gql(url, `mutation($u: String!) { login(username: $u, password: "demo-password") { token } }`, { variables: { u: username } })).data.login.token as string;
    const committee = await login('committee');
    const viewer = await login('viewer');
    // The seeded data has reached the replica.
    await expect.poll(async () => (await query(replicaPort, 'SELECT count(*)::int AS n FROM alliance'))[0].n, { timeout: 30_000 }).toBe(2);

    const search = `query($q: String) { memberUnits(filter: { search: $q }) { totalCount } }`;
    const unitCount = `{ dashboard { unitCount } }`;
    const countBefore = (await gql(url, unitCount, { token: viewer })).data.dashboard.unitCount as number;

    // The replica stops replaying: from now on it lags behind the primary.
    await query(replicaPort, 'SELECT pg_wal_replay_pause()');
    const name = `只读副本-${Date.now()}`;
    const created = await gql(
      url,
      `mutation($name: String!) { createMemberUnit(input: { name: $name, kind: OTHER, partyMemberCount: 1, contactName: "甲", contactPhone: "13900000000" }) { id } }`,
      { token: committee, variables: { name } },
    );
    expect(created.data?.createMemberUnit?.id).toBeTruthy();
    // The writer's answer carries the cookie that keeps its reads on the primary for a while.
    expect(created.cookie).toMatch(/^alliance_wrote=1; Max-Age=10; Path=\/; HttpOnly; SameSite=Strict$/);
    const wrote = created.cookie!.split(';')[0]!;

    // The writer reads its own write (primary)...
    const own = await gql(url, search, { token: committee, cookie: wrote, variables: { q: name } });
    expect(own.data.memberUnits.totalCount).toBe(1);
    // ...another user's query is answered from the lagging replica: not yet there, and no error.
    const other = await gql(url, search, { token: viewer, variables: { q: name } });
    expect(other.status).toBe(200);
    expect(other.errors).toBeUndefined();
    expect(other.data.memberUnits.totalCount).toBe(0);
    const apps = await query<{ application_name: string }>(replicaPort, `SELECT application_name FROM pg_stat_activity WHERE datname = 'alliance'`);
    expect(apps.map((a) => a.application_name)).toContain(REPLICA_APPLICATION_NAME);
    // The dashboard's cached figures are computed on the primary: a lagging replica never freezes them.
    expect((await gql(url, unitCount, { token: viewer })).data.dashboard.unitCount).toBe(countBefore + 1);

    // Replay resumes: everyone sees the unit.
    await query(replicaPort, 'SELECT pg_wal_replay_resume()');
    await expect.poll(async () => (await gql(url, search, { token: viewer, variables: { q: name } })).data.memberUnits.totalCount, { timeout: 10_000 }).toBe(1);

    expect(await stopServer(server)).toBe(0);
  }, 240_000);
});
