import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/database/embedded.js';

// `pnpm start` as a person runs it: the built server, an embedded PostgreSQL
// in DATA_DIR, demo data, a clean stop on SIGTERM, and data that survives.
const MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const flagsOf = (command: string[]) => command.filter((w) => w.startsWith('--'));
const startScript = (pkg: string) => (JSON.parse(readFileSync(path.join(ROOT, pkg), 'utf8')).scripts.start as string).split(/\s+/);
/** The Node flags production runs with (server/package.json's start script; docs/benchmarks.md says why). */
const NODE_FLAGS = flagsOf(startScript('server/package.json'));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'alliance-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function start(env: Record<string, string>): Promise<Started> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [...NODE_FLAGS, MAIN], { env: { ...inherited, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 90 s:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /ready: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `${m[1]}graphql`, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
}

function stop(s: Started): Promise<number | null> {
  return new Promise((resolve) => {
    s.child.removeAllListeners('exit');
    s.child.on('exit', (code) => resolve(code));
    s.child.kill('SIGTERM');
  });
}

async function gql(url: string, query: string, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: any; errors?: any[] };
}

const postmasterPid = () => {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('pnpm start on a bare machine', () => {
  it('starts an embedded PostgreSQL with the demo data, keeps it across restarts, and stops cleanly', async () => {
    const port = String(await freePort());
    const first = await start({ DATA_DIR: dataDir, PORT: port });
    expect(first.url).toBe(`http://localhost:${port}/graphql`);
    const login = await gql(first.url, `mutation { login(username: "committee", password: "demo-password") { token } }`);
    const token = login.data.login.token as string;
    const units = await gql(first.url, `{ memberUnits { totalCount } shelfProjects(filter: { status: ON_SHELF }) { totalCount } }`, token);
    expect(units.data.memberUnits.totalCount).toBe(12);
    expect(units.data.shelfProjects.totalCount).toBeGreaterThanOrEqual(50);
    const created = await gql(first.url, `mutation { createMemberUnit(input: { name: "重启后仍在", kind: OTHER, partyMemberCount: 1, contactName: "甲", contactPhone: "13900000000" }) { id } }`, token);
    expect(created.errors).toBeUndefined();
    const pid = postmasterPid();
    expect(pid).toBeGreaterThan(0);
    expect(await stop(first)).toBe(0);
    expect(alive(pid!)).toBe(false);

    const second = await start({ DATA_DIR: dataDir, PORT: port });
    // The same data folder: the token is still good, the unit is still there, and the demo data was not loaded twice.
    const again = await gql(second.url, `{ memberUnits { totalCount } alliance { name } }`, token);
    expect(again.data.memberUnits.totalCount).toBe(13);
    expect(again.data.alliance.name).toBe('松山社区区域化党建联盟');
    expect(await stop(second)).toBe(0);
  }, 180_000);

  it('refuses to start in production without a JWT secret', async () => {
    await expect(start({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0' })).rejects.toThrow(/exited with 2[\s\S]*JWT_SECRET/);
  });

  it('runs Node with the same heap flags from both start scripts and the image', () => {
    expect(NODE_FLAGS).toEqual(['--max-old-space-size=2047', '--max-semi-space-size=32']);
    expect(flagsOf(startScript('package.json'))).toEqual(NODE_FLAGS);
    const cmd = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8').split('\n').find((l) => l.startsWith('CMD '));
    expect(flagsOf(JSON.parse(cmd!.slice(4)) as string[])).toEqual(NODE_FLAGS);
  });
});
