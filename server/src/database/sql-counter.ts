import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import type { Logger } from 'pino';

/** Counts the SQL statements each HTTP request sends, for tests and benchmarks. */
export const sqlStatements = new AsyncLocalStorage<{ count: number }>();

export class CountingLogger implements TypeOrmLogger {
  constructor(private readonly out: Logger) {}

  logQuery(query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    const store = sqlStatements.getStore();
    if (store) store.count++;
    if (this.out.isLevelEnabled('trace')) this.out.trace({ query }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    this.out.warn({ err: error, query }, 'sql error');
  }
  logQuerySlow(time: number, query: string): void {
    this.out.warn({ time, query }, 'slow sql');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.out.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn(String(message));
  }
}
