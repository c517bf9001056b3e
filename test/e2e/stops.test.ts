import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/database/embedded.js';
import { alive, embeddedSql, gql, login, newWriteLog, postmasterPid, ROOT, startServer, stopServer, writeLoad, type Started } from './process.js';

// The built server under write load, stopped by SIGTERM and robbed of its
// embedded PostgreSQL: every acknowledged write must be in the database, and
// nothing may be committed that was not answered.
const dirs: string[] = [];
const newDataDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'alliance-stops-'));
  dirs.push(d);
  return d;
};
const running: Started[] = [];
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null && s.child.signalCode === null) await stopServer(s);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const start = async (env: Record<string, string>) => {
  const s = await startServer(env);
  running.push(s);
  return s;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Until `check()` holds (or `ms` passed): the load's progress, not a fixed time, whatever the machine's speed. */
const until = async (check: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await sleep(50);
};
const namesIn = async (dataDir: string, prefix: string) =>
  new Set((await embeddedSql<{ name: string }>(dataDir, 'app', `SELECT name FROM member_unit WHERE name LIKE '${prefix}-%'`)).map((r) => r.name));


describe('stopping and failing under load (built server, embedded PostgreSQL)', () => {
  it('SIGTERM: stops taking requests, answers those in flight, then stops PostgreSQL and exits 0', async () => {
    const dataDir = newDataDir();
    const port = String(await freePort());
    const server = await start({ DATA_DIR: dataDir, PORT: port });
    const token = await login(server.url);
    const pgPid = postmasterPid(dataDir)!;

    let signalledAt = 0;
    let exitedAt = 0;
    void server.exited.then(() => (exitedAt = Date.now()));
    const t0 = Date.now();
    const progress = newWriteLog();
    const load = writeLoad(server.url, token, 'drain', 16, () => exitedAt > 0 || Date.now() - t0 > 120_000, progress);
    // The signal comes once the writes are well under way.
    await until(() => progress.acknowledged.size > 20, 60_000);
    signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;
    const writes = await load;

    // The server's own words when it did not stop cleanly.
    expect(code, server.output().slice(-4000)).toBe(0);
    expect(alive(pgPid)).toBe(false);
    // Writes went on until the signal, and the ones in flight then were still answered.
    expect(writes.acknowledged.size).toBeGreaterThan(20);
    expect(Math.max(...writes.ackTimes) + t0).toBeGreaterThanOrEqual(signalledAt);
    // Requests read after the signal are turned away unexecuted, with a code; nothing else failed.
    expect(new Set(writes.refused.values())).toEqual(new Set(writes.refused.size ? ['SERVICE_UNAVAILABLE'] : []));

    const again = await start({ DATA_DIR: dataDir, PORT: port });
    const stored = await namesIn(dataDir, 'drain');
    // No acknowledged write lost; nothing committed that was not answered.
    expect([...writes.acknowledged].filter((n) => !stored.has(n))).toEqual([]);
    expect([...stored].filter((n) => !writes.acknowledged.has(n))).toEqual([]);
    expect(await stopServer(again)).toBe(0);
  }, 180_000);

  it('the postmaster killed under write load: SERVICE_UNAVAILABLE meanwhile, serving again within seconds, no acknowledged write lost', async () => {
    const dataDir = newDataDir();
    const server = await start({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    const token = await login(server.url);
    const firstPid = postmasterPid(dataDir)!;

    const t0 = Date.now();
    const progress = newWriteLog();
    let killedAt = Infinity;
    // Writes until 20 more are acknowledged after the kill (or 60 s after it: then the checks below fail).
    const load = writeLoad(server.url, token, 'crash', 8, () => progress.ackTimes.filter((t) => t > killedAt + 200).length > 20 || Date.now() - t0 > killedAt + 60_000, progress);
    await until(() => progress.acknowledged.size > 20, 60_000);
    killedAt = Date.now() - t0;
    process.kill(firstPid, 'SIGKILL');
    const writes = await load;

    // Back within seconds: acknowledgements resumed soon after the kill.
    const firstAfter = writes.ackTimes.filter((t) => t > killedAt + 200).sort((a, b) => a - b)[0];
    expect(firstAfter, server.output().slice(-4000)).toBeDefined();
    expect(firstAfter! - killedAt, server.output().slice(-4000)).toBeLessThan(8_000);
    expect(writes.ackTimes.filter((t) => t > killedAt + 200).length).toBeGreaterThan(20);
    // In between, a clear SERVICE_UNAVAILABLE: no internal errors, no dropped connections.
    expect(new Set(writes.refused.values()), server.output().slice(-4000)).toEqual(new Set(writes.refused.size ? ['SERVICE_UNAVAILABLE'] : []));
    expect([...writes.unanswered]).toEqual([]);

    const newPid = postmasterPid(dataDir)!;
    expect(newPid).not.toBe(firstPid);
    expect(alive(newPid)).toBe(true);
    const stored = await namesIn(dataDir, 'crash');
    expect([...writes.acknowledged].filter((n) => !stored.has(n))).toEqual([]);
    expect(await stopServer(server)).toBe(0);
    expect(alive(newPid)).toBe(false);
  }, 180_000);

  it('a database that cannot be brought back: retries a few times, then exits non-zero for its supervisor', async () => {
    const dataDir = newDataDir();
    const server = await start({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    const token = await login(server.url);
    // Without PG_VERSION PostgreSQL refuses the folder, so every restart fails.
    renameSync(path.join(dataDir, 'pg', 'PG_VERSION'), path.join(dataDir, 'pg', 'PG_VERSION.away'));
    process.kill(postmasterPid(dataDir)!, 'SIGKILL');
    await sleep(300);
    const meanwhile = await gql(server.url, `{ memberUnits { totalCount } }`, token);
    expect(meanwhile.status).toBe(503);
    expect(meanwhile.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const started = Date.now();
    expect(await server.exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(server.output()).toMatch(/cannot be brought back/);
  }, 120_000);

  it('the production entry (server/dist/main.js) cannot start an embedded PostgreSQL, whatever the mode', async () => {
    const { DATABASE_URL: _none, ...env } = process.env;
    const child = spawn(process.execPath, [path.join(ROOT, 'server/dist/main.js')], {
      env: { ...env, NODE_ENV: 'development', DATA_DIR: newDataDir(), PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(2);
    expect(out).toMatch(/DATABASE_URL is required: server\/dist\/main.js \(the production entry\) has no embedded PostgreSQL/);
  });

  it('production requires DATABASE_URL: the embedded PostgreSQL is not for production', async () => {
    await expect(
      startServer({ NODE_ENV: 'production', JWT_SECRET: 'd3b07384d113edec49eaa6238ad5ff00c157a1c9e0a2f6d1', DATA_DIR: newDataDir(), PORT: '0' }),
    ).rejects.toThrow(/exited with 2[\s\S]*DATABASE_URL is required/);
  });
});
