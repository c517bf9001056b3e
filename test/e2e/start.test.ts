import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/database/embedded.js';
import {
  alive,
  embeddedSql,
  flagsOf,
  gql,
  NODE_FLAGS,
  postmasterPid,
  postmasterPort,
  ROOT,
  secretsOf,
  startScript,
  startServer as start,
  stopServer as stop,
} from './process.js';

// `pnpm start` as a person runs it: the built server, an embedded PostgreSQL
// in DATA_DIR, demo data, a clean stop on SIGTERM, and data that survives.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'alliance-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The SQLSTATE a statement or a sign-in fails with, or 'ok'. */
const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));

describe('pnpm start on a bare machine', () => {
  it('starts an embedded PostgreSQL with the demo data, keeps it across restarts, and stops cleanly', async () => {
    const port = String(await freePort());
    const first = await start({ DATA_DIR: dataDir, PORT: port });
    expect(first.url).toBe(`http://localhost:${port}/graphql`);
    const login = await gql(first.url, `mutation { login(username: "committee", password: "demo-password") { token } }`);
    const token = login.data.login.token as string;
    const units = await gql(first.url, `{ memberUnits { totalCount } shelfProjects(filter: { status: ON_SHELF }) { totalCount } }`, token);
    // The 12 units and the 15 social organisations that joined for the 阳光驿站.
    expect(units.data.memberUnits.totalCount).toBe(27);
    expect(units.data.shelfProjects.totalCount).toBeGreaterThanOrEqual(50);
    const created = await gql(first.url, `mutation { createMemberUnit(input: { name: "重启后仍在", kind: OTHER, partyMemberCount: 1, contactName: "甲", contactPhone: "13900000000" }) { id } }`, token);
    expect(created.errors).toBeUndefined();
    const pid = postmasterPid(dataDir);
    expect(pid).toBeGreaterThan(0);

    // The embedded database is private: a password of its own in a file only this user reads, loopback only,
    // no Unix socket, and the server's role is no superuser and owns only its database.
    expect(statSync(path.join(dataDir, 'pg-secrets.json')).mode & 0o777).toBe(0o600);
    const secrets = secretsOf(dataDir);
    expect(secrets.superuser).toMatch(/^[\w-]{32}$/);
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(secrets.superuser);
    expect(await outcome(embeddedSql(dataDir, 'superuser', 'SELECT 1', 'postgres'))).toBe('ok');
    const [settings] = await embeddedSql(dataDir, 'superuser', `SELECT current_setting('listen_addresses') AS listen, current_setting('unix_socket_directories') AS sockets`, 'postgres');
    expect(settings).toEqual({ listen: '127.0.0.1', sockets: '' });
    const [role] = await embeddedSql(dataDir, 'app', `SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication FROM pg_roles WHERE rolname = current_user`);
    expect(role).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolreplication: false });
    const owned = await embeddedSql(dataDir, 'app', `SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)`);
    expect(owned.map((r) => r.datname)).toEqual(['alliance']);
    // What a stolen application password could do with a superuser: run programs, read files, reach other databases.
    expect(await outcome(embeddedSql(dataDir, 'app', `COPY (SELECT 1) TO PROGRAM 'id'`))).toBe('42501');
    expect(await outcome(embeddedSql(dataDir, 'app', `SELECT pg_read_file('postgresql.conf')`))).toBe('42501');
    expect(await outcome(embeddedSql(dataDir, 'app', 'SELECT 1', 'postgres'))).toBe('42501');
    // The old fixed password of every embedded database before is refused.
    const legacy = new pg.Client({ host: '127.0.0.1', port: postmasterPort(dataDir), user: 'postgres', password: 'alliance-embedded', database: 'postgres' });
    expect(await outcome(legacy.connect())).toBe('28P01');
    await legacy.end().catch(() => undefined);

    // A data folder from before: the fixed password, no secrets file, everything owned by the superuser.
    await embeddedSql(dataDir, 'superuser', `ALTER TABLE member_unit OWNER TO postgres; ALTER DATABASE alliance OWNER TO postgres; ALTER ROLE postgres PASSWORD 'alliance-embedded'`);
    rmSync(path.join(dataDir, 'pg-secrets.json'));
    expect(await stop(first)).toBe(0);
    expect(alive(pid!)).toBe(false);

    const second = await start({ DATA_DIR: dataDir, PORT: port });
    // The same data folder: the token is still good, the unit is still there, and the demo data was not loaded twice.
    const again = await gql(second.url, `{ memberUnits { totalCount } alliance { name } }`, token);
    expect(again.data.memberUnits.totalCount).toBe(28);
    expect(again.data.alliance.name).toBe('松山社区区域化党建联盟');
    // ... was given passwords of its own and handed to the server's role.
    expect(secretsOf(dataDir).superuser).not.toBe(secrets.superuser);
    const [owners] = await embeddedSql(dataDir, 'app', `SELECT pg_get_userbyid(d.datdba) AS db, pg_get_userbyid(c.relowner) AS tbl FROM pg_database d, pg_class c WHERE d.datname = 'alliance' AND c.relname = 'member_unit'`);
    expect(owners).toEqual({ db: 'alliance_app', tbl: 'alliance_app' });
    const stale = new pg.Client({ host: '127.0.0.1', port: postmasterPort(dataDir), user: 'postgres', password: 'alliance-embedded', database: 'postgres' });
    expect(await outcome(stale.connect())).toBe('28P01');
    await stale.end().catch(() => undefined);
    const pid2 = postmasterPid(dataDir)!;
    expect(await stop(second)).toBe(0);
    expect(alive(pid2)).toBe(false);
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
