import 'reflect-metadata';
import pg from 'pg';
import { startApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/database/bootstrap.js';
import { quietLogger } from './generate.js';
import { gql } from './harness.js';

/*
 * The real SQL of each scenario, with its real parameters: our server runs
 * in this process on the bench database, TypeORM's logger is wrapped to keep
 * every statement it sends, and each statement is then run again under
 * EXPLAIN (ANALYZE, BUFFERS) inside a transaction that is rolled back.
 */

export interface StatementPlan {
  sql: string;
  /** Execution and planning time under EXPLAIN ANALYZE. */
  ms: number;
  planMs: number;
  plan: string;
  /** Sequential scans over tables of more than LARGE rows. */
  largeSeqScans: string[];
}

export interface ScenarioPlans {
  scenario: string;
  statements: StatementPlan[];
  /** The statement that took longest under EXPLAIN ANALYZE. */
  main: StatementPlan | null;
}

export const LARGE = 10_000;

type TypeOrmLogger = Awaited<ReturnType<typeof openDatabase>>['logger'];

/**
 * Our server, started in this process on a bench database as production runs
 * it, with TypeORM's logger wrapped: `sent` holds every statement it sends
 * (empty it before a request to keep that request's).
 */
export async function startCapturingServer(databaseUrl: string): Promise<{
  api: string;
  sent: { query: string; parameters: unknown[] }[];
  close: () => Promise<void>;
}> {
  const ds = await openDatabase(databaseUrl, quietLogger, 4);
  const sent: { query: string; parameters: unknown[] }[] = [];
  const inner = ds.logger;
  const capturing: TypeOrmLogger = {
    logQuery: (query, parameters, runner) => {
      sent.push({ query: String(query), parameters: Array.isArray(parameters) ? parameters : [] });
      inner.logQuery(query, parameters, runner);
    },
    logQueryError: (e, q, p, r) => inner.logQueryError(e, q, p, r),
    logQuerySlow: (t, q, p, r) => inner.logQuerySlow(t, q, p, r),
    logSchemaBuild: (m, r) => inner.logSchemaBuild(m, r),
    logMigration: (m, r) => inner.logMigration(m, r),
    log: (l, m, r) => inner.log(l, m, r),
  };
  (ds as unknown as { logger: TypeOrmLogger }).logger = capturing;
  const config = {
    ...loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-only-secret-0123456789abcdef-0123456789',
      EXPOSE_SQL_COUNT: 'true',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: '/tmp',
    }),
    webDist: null,
  };
  const app = await startApp(config, ds, quietLogger);
  return {
    api: `http://127.0.0.1:${app.port}/graphql`,
    sent,
    close: async () => {
      await app.close();
      await ds.destroy();
    },
  };
}

export async function capturePlans(
  databaseUrl: string,
  requests: { scenario: string; query: string; variables: Record<string, unknown>; token: string }[],
): Promise<ScenarioPlans[]> {
  const server = await startCapturingServer(databaseUrl);
  const captured = server.sent;
  const url = server.api;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows: sizes } = await client.query(
    `SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
  );
  const large = new Set(sizes.filter((r) => Number(r.n) > LARGE).map((r) => r.relname as string));
  const out: ScenarioPlans[] = [];
  try {
    for (const r of requests) {
      // A read is captured as a loaded server sends it: after one request of it (the instance then
      // holds the alliance's categories and grids, read in the background, and the read's plan).
      if (!/^\s*mutation\b/.test(r.query)) {
        await gql(url, r.query, r.variables, r.token);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      captured.length = 0;
      const res = await gql(url, r.query, r.variables, r.token);
      if (res.body.errors?.length) throw new Error(`${r.scenario}: ${JSON.stringify(res.body.errors)}`);
      const statements: StatementPlan[] = [];
      for (const s of captured) {
        if (/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(s.query)) continue;
        await client.query('BEGIN');
        try {
          const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, s.parameters as unknown[]);
          const plan = rows.map((x) => x['QUERY PLAN'] as string).join('\n');
          const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
          const planMs = Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
          const seq = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!).filter((t) => large.has(t));
          statements.push({ sql: s.query.trim(), ms, planMs, plan, largeSeqScans: [...new Set(seq)] });
        } catch (err) {
          // A write replayed after the request made it (M1's INSERT meets its own unique row).
          statements.push({ sql: s.query.trim(), ms: 0, planMs: 0, plan: `(not replayed: ${(err as Error).message})`, largeSeqScans: [] });
        } finally {
          await client.query('ROLLBACK');
        }
      }
      const main = statements.reduce<StatementPlan | null>((m, s) => (!m || s.ms > m.ms ? s : m), null);
      out.push({ scenario: r.scenario, statements, main });
    }
  } finally {
    await client.end();
    await server.close();
  }
  return out;
}
