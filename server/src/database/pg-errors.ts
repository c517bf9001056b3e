/** PostgreSQL's unique_violation, optionally on one named constraint or index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  const name = e?.constraint ?? e?.driverError?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}

// SQLSTATEs of a server that is shutting down, starting, or gone: connection_exception (08…),
// admin_shutdown, crash_shutdown, cannot_connect_now.
const UNAVAILABLE_STATES = /^(08...|57P01|57P02|57P03)$/;
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
// pg's own words when the socket goes away under a query or while waiting for a pooled connection.
const UNAVAILABLE_MESSAGES = /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * The database could not be reached or went away. A read may simply be tried
 * again; a write in flight at that moment may or may not have been committed.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  type Wrapped = { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown; originalError?: unknown };
  for (let e = err as Wrapped | undefined, depth = 0; e && depth < 5; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_ERRNOS.has(code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    // TypeORM releases a transaction's connection when its socket fails; the statement that follows says only
    // this: the COMMIT (QueryRunnerAlreadyReleasedError), or a raw query in the transaction such as the
    // dashboard's pg_notify (QueryRunnerProviderAlreadyReleasedError).
    if (e.name === 'QueryRunnerAlreadyReleasedError' || e.name === 'QueryRunnerProviderAlreadyReleasedError') return true;
    // TypeORM's QueryFailedError, Error.cause, and Apollo's "Context creation failed" GraphQLError.
    e = (e.driverError ?? e.cause ?? e.originalError) as Wrapped | undefined;
  }
  return false;
}
