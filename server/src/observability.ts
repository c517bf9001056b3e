import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { StatementTimer } from './database/sql-counter.js';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/*
 * Seeing the server run (docs/operations.md): Prometheus metrics at /metrics
 * behind a bearer token, one JSON log line per GraphQL request with its id,
 * and the request id handed back in X-Request-Id.
 */

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Operation names are the client's to choose: past this many distinct ones, the rest are counted as "other". */
const MAX_OPERATION_NAMES = 200;

export interface Metrics {
  registry: Registry;
  plugin: ApolloServerPlugin<BaseContext>;
  dashboardLookup(hit: boolean): void;
  /** A database statement's kind and duration (null: it failed). */
  statement: StatementTimer;
}

/** One registry per app (tests run several in one process). */
export function createMetrics(pool: () => Pool | undefined, log: Logger): Metrics {
  const registry = new Registry();
  // Process CPU, memory, GC, and event-loop lag (nodejs_eventloop_lag_*).
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'alliance_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, or the first error code)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'alliance_graphql_request_duration_seconds',
    help: 'GraphQL request duration by operation name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const signInFailures = new Counter({
    name: 'alliance_sign_in_failures_total',
    help: 'Refused sign-ins by error code (UNAUTHENTICATED: wrong credentials; RATE_LIMITED: throttled)',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const dashboard = new Counter({
    name: 'alliance_dashboard_cache_lookups_total',
    help: 'Dashboard figure lookups, answered from memory (hit) or computed (miss)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const statements = new Histogram({
    name: 'alliance_db_statement_duration_seconds',
    help: 'Database statements that succeeded, by kind (select, insert, update, delete, begin, commit, rollback, savepoint, release, other)',
    labelNames: ['kind'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const failedStatements = new Counter({
    name: 'alliance_db_statement_errors_total',
    help: 'Database statements that failed, by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'alliance_db_pool_connections',
    help: 'Database pool connections: in use, idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const p = pool();
      if (!p) return;
      this.set({ state: 'in_use' }, p.totalCount - p.idleCount);
      this.set({ state: 'idle' }, p.idleCount);
      this.set({ state: 'waiting' }, p.waitingCount);
    },
  });

  const names = new Set<string>();
  const operationLabel = (name: string | null | undefined) => {
    if (!name || !OPERATION_NAME.test(name)) return 'anonymous';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };

  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      const requestId = request.http?.headers.get('x-request-id') ?? undefined;
      return {
        async willSendResponse({ response, operationName, operation, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const body = response.body;
          const sent = body.kind === 'single' ? body.singleResult.errors : undefined;
          const code = (sent?.[0]?.extensions?.code ?? errors?.[0]?.extensions?.code) as string | undefined;
          const outcome = sent?.length || errors?.length ? (code ?? 'INTERNAL_SERVER_ERROR') : 'ok';
          const label = operationLabel(operationName ?? request.operationName);
          requests.inc({ operation: label, outcome });
          duration.observe({ operation: label, outcome }, seconds);
          const signedIn = operation?.selectionSet.selections.some((s) => s.kind === 'Field' && s.name.value === 'login');
          if (signedIn && outcome !== 'ok') signInFailures.inc({ code: outcome });
          log.info({ reqId: requestId, operation: label, outcome, ms: Math.round(seconds * 1000) }, 'graphql');
        },
      };
    },
  };

  return {
    registry,
    plugin,
    dashboardLookup: (hit) => dashboard.inc({ result: hit ? 'hit' : 'miss' }),
    statement: (kind, seconds) => (seconds === null ? failedStatements.inc({ kind }) : statements.observe({ kind }, seconds)),
  };
}

/**
 * Gives every request an id: the caller's X-Request-Id when a trusted proxy
 * sent it (TRUST_PROXY), else a new one; written back on the request (for
 * the GraphQL log line) and in the response.
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse, trustProxy: boolean): void {
  const given = req.headers['x-request-id'];
  const id = trustProxy && typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  res.setHeader('x-request-id', id);
}

/** /metrics: only with `Authorization: Bearer <METRICS_TOKEN>`; without a token configured it does not exist. */
export function metricsEndpoint(metrics: Metrics, token: string | null): RequestHandler {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  return async (req, res) => {
    if (!expected) {
      res.status(404).json({ error: 'metrics are off: set METRICS_TOKEN' });
      return;
    }
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.status(401).set('www-authenticate', 'Bearer').json({ error: 'a bearer token is required' });
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
