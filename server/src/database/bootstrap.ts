import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { createDataSource } from './data-source.js';

/** Connects and brings the schema up to date through the committed migrations. */
export async function openDatabase(url: string, log: Logger, poolSize?: number): Promise<DataSource> {
  const dataSource = createDataSource(url, log, poolSize);
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  return dataSource;
}
