import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { createDataSource } from './data-source.js';

/** One key for the whole platform: only one instance at a time migrates or seeds a database. */
const STARTUP_LOCK = 0x616c6c69; // "alli"

/**
 * Connects and brings the schema up to date through the committed
 * migrations. Instances starting together on one database take turns under a
 * PostgreSQL advisory lock: the first migrates (and seeds, with `then`), the
 * others find nothing left to do and serve.
 */
export async function openDatabase(
  url: string,
  log: Logger,
  poolSize?: number,
  then?: (dataSource: DataSource) => Promise<void>,
  replicaUrls: readonly string[] = [],
): Promise<DataSource> {
  const dataSource = createDataSource(url, log, poolSize, replicaUrls);
  await dataSource.initialize();
  try {
    await underStartupLock(url, async () => {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
      await then?.(dataSource);
    });
  } catch (err) {
    await dataSource.destroy().catch(() => undefined);
    throw err;
  }
  return dataSource;
}

async function underStartupLock(url: string, work: () => Promise<void>): Promise<void> {
  // A session-level lock on a connection of its own, outside the pool: the work may use every pooled one.
  const holder = new pg.Client({ connectionString: url, application_name: 'alliance-startup-lock' });
  await holder.connect();
  try {
    await holder.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    await work();
  } finally {
    // Ending the session releases the lock, also when the work failed.
    await holder.end();
  }
}
