import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { SignJWT } from 'jose';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { startApp, type RunningApp } from '../app.js';
import type { EventBus } from '../common/events/event-bus.js';
import { fastPathEnabled, loadConfig, type Config } from '../config.js';
import { openDatabase } from '../database/bootstrap.js';
import { withDatabase } from './global-setup.js';

export const DEMO_PASSWORD = 'demo-password';

/**
 * Whether this run's servers answer the hot reads by the fast path (FAST_PATH
 * unset or on) or the general one (FAST_PATH=off: the server-general project):
 * for the few tests that count statements, which differ between them.
 */
export const fastPathOn: boolean = fastPathEnabled(process.env);
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret!';

/**
 * A token signed as the test server signs them, for a demo user, with the
 * claims a test wants to vary: the account version, when it was issued, and
 * when it expires (null: no expiry at all).
 */
export async function signTestToken(
  s: Pick<TestServer, 'sql'>,
  username: string,
  o: { tokenVersionOffset?: number; issuedAt?: number; expiresAt?: number | string | null } = {},
): Promise<string> {
  const [row] = await s.sql(`SELECT id, alliance_id, token_version FROM app_user WHERE username = $1`, [username]);
  const jwt = new SignJWT({ aid: row.alliance_id, tv: row.token_version + (o.tokenVersionOffset ?? 0) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(row.id)
    .setIssuer('alliance-platform')
    .setIssuedAt(o.issuedAt);
  const expiresAt = o.expiresAt === undefined ? '5m' : o.expiresAt;
  if (expiresAt !== null) jwt.setExpirationTime(expiresAt);
  return jwt.sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

export interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string; reason?: string; [k: string]: unknown };
  path?: (string | number)[];
}

export interface GqlResult<T = any> {
  status: number;
  data: T | null | undefined;
  errors: GqlError[] | undefined;
  /** SQL statements the server sent for this request (x-sql-statements). */
  sql: number;
}

export interface TestServer {
  url: string;
  db: DataSource;
  /** The server's domain events: subscribe to see what a request published. */
  events: EventBus;
  /** Runs SQL directly on this file's database (for setting up and checking rows). */
  sql<R = any>(text: string, params?: unknown[]): Promise<R[]>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>>;
  login(username: string, password?: string): Promise<string>;
  /** A client signed in as a demo user; tokens are cached per file. */
  as(username: string): Promise<Client>;
  /** Another server instance on the same database (as behind a load balancer); closed with this one. */
  twin(env?: NodeJS.ProcessEnv): Promise<{ url: string; gql: TestServer['gql']; events: EventBus }>;
  close(): Promise<void>;
}

export type Client = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GqlResult<T>>;

/** First error's code, or undefined. */
export const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

/**
 * The SQL statements the test server sent while `run` ran (it runs in the
 * test's process), the caller's account lookups left out.
 */
export async function statementsSent(s: TestServer, run: () => Promise<unknown>): Promise<string[]> {
  const logger = s.db.logger;
  const original = logger.logQuery.bind(logger);
  const seen: string[] = [];
  logger.logQuery = (query, parameters, runner) => {
    seen.push(String(query));
    original(query, parameters, runner);
  };
  try {
    await run();
  } finally {
    logger.logQuery = original;
  }
  return seen.filter((q) => !/^\s*SELECT id, alliance_id, role/.test(q));
}

/**
 * Asks a shelf list until its fast-path statement no longer reads the
 * categories: the server holds the caller's alliance's grids and categories
 * (reference-data.ts; the first read of them is the instance's, begun in the
 * background, and would be counted to whichever request it overlaps).
 */
export async function untilReferenceHeld(s: TestServer, token: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const sent = await statementsSent(s, () => s.gql(`{ shelfProjects(first: 1) { nodes { id category { id } } } }`, {}, token));
    if (sent.length === 1 && !sent[0]!.includes('"service_category"')) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the reference data was never held');
}

/**
 * A real server on a real port, over a database of its own copied from the
 * seeded template: each test file is isolated from every other.
 */
export async function startTestServer(
  overrides: Partial<Config> = {},
  env: NodeJS.ProcessEnv = {},
  /** Where the server logs (tests that read its log lines); silent by default. */
  log: Logger = pino({ level: process.env.TEST_LOG_LEVEL || 'silent' }),
): Promise<TestServer> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const database = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`);
  await admin.end();

  const configEnv: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: os.tmpdir(),
    JWT_SECRET: TEST_JWT_SECRET,
    EXPOSE_SQL_COUNT: 'true',
    // FAST_PATH=off runs a test file against the general path (vitest.config.ts: the server-general project).
    ...(process.env.FAST_PATH ? { FAST_PATH: process.env.FAST_PATH } : {}),
    ...env,
  };
  const config: Config = { ...loadConfig(configEnv), ...overrides };
  const db = await openDatabase(withDatabase(adminUrl, database), log, 20);
  const app: RunningApp = await startApp(config, db, log);
  const url = `http://127.0.0.1:${app.port}/graphql`;
  const twins: { app: RunningApp; db: DataSource }[] = [];

  const clientOf = (url: string) => async <T>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: GqlError[] };
    return { status: res.status, data: body.data, errors: body.errors, sql: Number(res.headers.get('x-sql-statements') ?? NaN) };
  };
  const gql = clientOf(url);

  const tokens = new Map<string, string>();
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const r = await gql<{ login: { token: string } }>(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
      { u: username, p: password },
    );
    if (!r.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(r.errors)}`);
    return r.data.login.token;
  };

  return {
    url,
    db,
    events: app.events,
    sql: (text, params) => db.query(text, params),
    gql,
    login,
    async as(username) {
      if (!tokens.has(username)) tokens.set(username, await login(username));
      const token = tokens.get(username)!;
      return (query, variables) => gql(query, variables, token);
    },
    async twin(twinEnv = {}) {
      const twinConfig: Config = { ...loadConfig({ ...configEnv, ...twinEnv }), ...overrides };
      const twinDb = await openDatabase(withDatabase(adminUrl, database), log, 5);
      const twinApp = await startApp(twinConfig, twinDb, log);
      twins.push({ app: twinApp, db: twinDb });
      const twinUrl = `http://127.0.0.1:${twinApp.port}/graphql`;
      return { url: twinUrl, gql: clientOf(twinUrl), events: twinApp.events };
    },
    async close() {
      for (const t of twins) {
        await t.app.close();
        await t.db.destroy();
      }
      await app.close();
      await db.destroy();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await a.end();
    },
  };
}
