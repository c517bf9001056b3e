import { AsyncLocalStorage } from 'node:async_hooks';
import type { AfterQueryEvent, EntitySubscriberInterface, Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
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
    this.out.warn({ err: error, query: withoutLiterals(query) }, 'sql error');
  }
  // Slow statements are timed and logged by StatementObserver, with the threshold from SLOW_STATEMENT_MS.
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.out.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn(String(message));
  }
}

/** Statement kinds a metric label may take: the SQL's command, never its text (unbounded, and it may carry data). */
const KINDS = new Set(['select', 'insert', 'update', 'delete', 'begin', 'commit', 'rollback', 'savepoint', 'release']);

/**
 * The statement's kind: PostgreSQL's command tag when it answered (a
 * `WITH … INSERT` is an insert), else the first keyword of the SQL.
 */
export function statementKind(query: string, command?: unknown): string {
  const word = (typeof command === 'string' && command ? command : /^\s*\(?\s*([A-Za-z]+)/.exec(query)?.[1] ?? '').toLowerCase();
  if (word === 'start') return 'begin';
  return KINDS.has(word) ? word : 'other';
}

/**
 * Quoted literals replaced by `'…'`: our statements carry values as
 * parameters ($1), which are never logged; a literal written into the SQL
 * could still be a name or a phone number.
 */
export function withoutLiterals(query: string): string {
  const text = query.replace(/'(?:[^']|'')*'/g, "'…'");
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/** A statement's kind and its duration in seconds, or null when it failed (TypeORM times only those that succeed). */
export type StatementTimer = (kind: string, seconds: number | null) => void;

/**
 * Times every statement sent through TypeORM (its afterQuery event, where
 * TypeORM has measured it) for the metrics, and logs those slower than the
 * threshold with their kind and their text without parameters or literals.
 */
export class StatementObserver implements EntitySubscriberInterface {
  constructor(
    private readonly timer: StatementTimer,
    private readonly log: Logger,
    /** Milliseconds; 0 logs none. */
    private readonly slowMs: number,
  ) {}

  afterQuery(event: AfterQueryEvent): void {
    const raw = event.rawResults as { command?: unknown } | undefined;
    const kind = statementKind(event.query, raw?.command);
    const ms = event.success ? (event.executionTime ?? 0) : null;
    this.timer(kind, ms === null ? null : ms / 1000);
    if (ms !== null && this.slowMs > 0 && ms >= this.slowMs) {
      this.log.warn(
        { ms, kind, statement: withoutLiterals(event.query), parameters: Array.isArray(event.parameters) ? event.parameters.length : 0 },
        'slow statement',
      );
    }
  }
}
