import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError, TypeORMError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../pg-errors.js';

describe('isDatabaseUnavailable', () => {
  it('knows the errors of a transaction whose connection was lost, whichever statement comes next', () => {
    // TypeORM releases the connection of a failed socket: the COMMIT, or a raw query (the dashboard's pg_notify), then fails with these.
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
    expect(isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
    expect(isDatabaseUnavailable({ originalError: new QueryRunnerProviderAlreadyReleasedError() })).toBe(true);
    // Anything else of TypeORM's is a bug, not an outage.
    expect(isDatabaseUnavailable(new TypeORMError('Entity metadata for X#y was not found'))).toBe(false);
  });
});
