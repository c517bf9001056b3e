import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import type { ConflictReason, ErrorCode, InvalidReason, SessionEndReason } from '@alliance/shared';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../database/pg-errors.js';

/** An error a client is meant to see: a code, a message, and for bad input the field. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: {
      field?: string;
      reason?: InvalidReason | SessionEndReason | ConflictReason;
      retryAfterSeconds?: number;
      /** CLAIM_LIMIT_REACHED: the alliance's cap and the unit's open claims. */
      limit?: number;
      open?: number;
      /** VENUE_TAKEN: the reservation the request collides with. */
      conflictsWith?: string;
    } = {},) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message = 'Authentication required') => new AppError('UNAUTHENTICATED', message);

const SESSION_MESSAGES: Record<SessionEndReason, string> = {
  SESSION_ENDED: 'Your session has ended because the account was changed or disabled; please sign in again',
  SESSION_EXPIRED: 'Session expired, please sign in again',
  INVALID_TOKEN: 'Invalid token',
};

/** A token refused, with the reason as a code (`extensions.reason`) beside the words. */
export const sessionRefused = (reason: SessionEndReason) => new AppError('UNAUTHENTICATED', SESSION_MESSAGES[reason], { reason });
/** With `field`: the caller's role may not set that input field (extensions.field names it). */
export const forbidden = (message = 'Not allowed for your role', field?: string) =>
  new AppError('FORBIDDEN', message, field ? { field } : {});
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string) => new AppError('CONFLICT', message);
/** CONFLICT with a machine-readable reason (and its figures) the admin turns into its own sentence. */
export const conflictWhy = (reason: ConflictReason, message: string, figures: { limit?: number; open?: number; conflictsWith?: string } = {}) =>
  new AppError('CONFLICT', message, { reason, ...figures });
/** CONFLICT about one field of the record as it stands (e.g. its startsAt against the clock): extensions name it. */
export const conflictOn = (field: string, reason: InvalidReason, message: string) => new AppError('CONFLICT', message, { field, reason });
export const badInput = (field: string, reason: InvalidReason, message?: string) =>
  new AppError('BAD_USER_INPUT', message ?? `${field}: ${reason}`, { field, reason });
export const staleVersion = () =>
  conflict('The record was changed by someone else (stale version); reload it and try again');

/** Throws the first failing check as BAD_USER_INPUT naming its field. */
export function ensure(checks: Record<string, InvalidReason | null>): void {
  for (const [field, reason] of Object.entries(checks)) if (reason) throw badInput(field, reason);
}

function firstViolation(errors: ValidationError[], prefix = ''): { field: string; reason: string } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const [reason] = Object.values(e.constraints);
      return { field, reason: reason ?? 'INVALID' };
    }
    const nested = firstViolation(e.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

export const DATABASE_UNAVAILABLE = 'The database is unavailable for the moment; try again shortly';

// Codes whose messages come from Apollo or graphql-js about the request itself;
// they carry no server internals.
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one place errors leave the server: known codes pass with their field,
 * everything else is logged and replaced by a bare INTERNAL_SERVER_ERROR, so
 * no stack trace or SQL text reaches a client.
 */
export function makeFormatError(log: Logger, options: { production?: boolean } = {}) {
  // graphql-js names the enum values, fields and types it expected ("Did you mean ...?"): the schema, which production does not show.
  const words = options.production ? (m: string) => m.replace(/ ?Did you mean [^?]*\?/g, '') : (m: string) => m;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      // `http` (a status for Apollo) is not for the client.
      const { http: _status, ...extensions } = original.extensions;
      return { message: original.message, path: formatted.path, locations: formatted.locations, extensions };
    }
    if (original instanceof ArgumentValidationError) {
      const v = firstViolation(original.extensions.validationErrors as ValidationError[]);
      const field = v?.field ?? 'input';
      const reason = v?.reason ?? 'INVALID';
      return {
        message: `${field}: ${reason}`,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'BAD_USER_INPUT', field, reason },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      // A variable that failed coercion names its field: a field inside it ("... got invalid value ... at
      // "input.signedAt""), or the variable itself ('Variable "$id" of non-null type "ID!" must not be null.'),
      // which is the argument's name when the document names them alike (as the admin's do).
      const at =
        code === 'BAD_USER_INPUT'
          ? (/got invalid value .* at "([^"]+)"/.exec(formatted.message)?.[1] ??
            /^Variable "\$(\w+)" of (?:non-null|required) type "[^"]+" (?:must not be null|was not provided)\.$/.exec(formatted.message)?.[1] ??
            /^Variable "\$(\w+)" got invalid value /.exec(formatted.message)?.[1])
          : undefined;
      const field = at ? at.split('.').pop()!.replace(/\[\d+\]$/, '') : undefined;
      return {
        message: words(formatted.message),
        locations: formatted.locations,
        path: formatted.path,
        extensions: field ? { code, field, reason: 'INVALID' } : { code },
      };
    }
    if (isDatabaseUnavailable(original)) {
      log.warn({ err: (original as Error)?.message, path: formatted.path }, 'database unavailable');
      return { message: DATABASE_UNAVAILABLE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
