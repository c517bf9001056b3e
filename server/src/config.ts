import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

export type Mode = 'production' | 'development' | 'test';

export interface Config {
  /** NODE_ENV, exactly one of these (absent: development); anything else does not start. */
  mode: Mode;
  production: boolean;
  port: number;
  host: string;
  /** Connection string of an external PostgreSQL (>= 15); absent: embedded. */
  databaseUrl: string | null;
  /**
   * Connections each instance keeps to the database (and to each replica):
   * the statements it runs at once. More than the database's cores only adds
   * backends waiting for a core (docs/operations.md, "Scaling out").
   */
  databasePoolSize: number;
  /** Streaming replicas of that PostgreSQL that reads may go to (DATABASE_REPLICA_URLS, comma-separated); none: all on the primary. */
  databaseReplicaUrls: string[];
  /** Where the embedded PostgreSQL keeps its files, and the dev JWT secret. */
  dataDir: string;
  jwtSecret: Uint8Array;
  jwtTtl: string;
  /** Load the demo data into an empty database. Never in production. */
  seedDemo: boolean;
  /** Add the x-sql-statements response header (tests and benchmarks read it). */
  exposeSqlCount: boolean;
  /**
   * Answer the hot reads with one statement each (docs/architecture.md, "Fast
   * path"); FAST_PATH=off sends every read the general way (loaders), which
   * the tests use to check that both paths answer alike.
   */
  fastPath: boolean;
  logLevel: string;
  /** Folder of the built admin to serve at `/`, if present. */
  webDist: string | null;
  /** How long dashboard figures may be served from memory; 0 computes every dashboard afresh. */
  dashboardCacheSeconds: number;
  /** How often each instance looks for the notifications time brings (due soon, follow-up due, agreement expiring); 0: never. */
  notificationSweepSeconds: number;
  /**
   * Express's `trust proxy`: which proxy's X-Forwarded-For names the client
   * (an address, a subnet, `loopback`, or a hop count). Absent: the socket's
   * address, so a forged header changes nothing.
   */
  trustProxy: string | number | false;
  /** Bearer token that opens /metrics; absent: /metrics answers 404. */
  metricsToken: string | null;
  /** Statements taking at least this many milliseconds are logged (`slow statement`); 0 logs none. */
  slowStatementMs: number;
}

export class ConfigError extends Error {}

const bool = (v: string | undefined, dflt: boolean) =>
  v === undefined || v === '' ? dflt : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());

/** FAST_PATH: on unless set to a false value (off, false, 0, no). */
export const fastPathEnabled = (env: NodeJS.ProcessEnv): boolean => bool(env.FAST_PATH, true);

const MODES: readonly Mode[] = ['production', 'development', 'test'];

function parseMode(value: string | undefined): Mode {
  if (value === undefined || value === '') return 'development';
  if (!(MODES as readonly string[]).includes(value)) {
    throw new ConfigError(`NODE_ENV must be production, development or test (exactly, lowercase); got ${JSON.stringify(value)}`);
  }
  return value as Mode;
}

// Estimated guesses (log10) a production JWT secret must need at least: ~66 bits.
const MIN_SECRET_GUESSES_LOG10 = 20;
/**
 * zxcvbn's ranked dictionaries (~3.4 MB of heap) are needed once, when a
 * production server starts; held weakly, the collector may drop them after
 * (tests that load many configurations reuse them while they live).
 */
let strength: WeakRef<ZxcvbnFactory> | null = null;

/** How many guesses a secret would take, estimated by zxcvbn with the common-passwords dictionary (log10). */
function secretGuessesLog10(secret: string): number {
  let factory = strength?.deref();
  if (!factory) strength = new WeakRef((factory = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs })));
  return factory.check(secret).guessesLog10;
}

function parseTrustProxy(value: string | undefined): string | number | false {
  const v = value?.trim();
  if (!v || v === 'false') return false;
  if (v === 'true') throw new ConfigError('TRUST_PROXY=true would believe any X-Forwarded-For; name the proxy (address, subnet, loopback) or a hop count');
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

function parseReplicaUrls(value: string | undefined, primary: string | undefined): string[] {
  const urls = (value ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  if (urls.length && !primary) throw new ConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL: replicas follow an external primary, not the embedded PostgreSQL');
  for (const [i, u] of urls.entries()) {
    let protocol = '';
    try {
      protocol = new URL(u).protocol;
    } catch {
      // reported below
    }
    // The URL itself may hold a password: name its position only.
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') throw new ConfigError(`DATABASE_REPLICA_URLS: entry ${i + 1} is not a postgres:// URL`);
  }
  return urls;
}

/**
 * A whole number from the environment, `fallback` when unset or empty; anything else
 * outside min..max stops the start with the variable's name and what it means.
 */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, meaning: string): number {
  const raw = env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be ${meaning}, got ${raw}`);
  return n;
}

function parseMetricsToken(value: string | undefined): string | null {
  if (!value) return null;
  // The metrics name operations and error rates: not for anyone who can guess a short word.
  if (value.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters (e.g. `openssl rand -hex 16`)');
  return value;
}

/**
 * Reads the environment once at start. Production refuses to start without
 * its own JWT secret and never loads the demo data, whatever else is set.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = parseMode(env.NODE_ENV);
  const production = mode === 'production';
  const dataDir = path.resolve(env.DATA_DIR || './.data');
  const port = wholeNumber(env, 'PORT', 4000, 0, 65535, '0..65535');

  let secret = env.JWT_SECRET;
  if (production) {
    if (!secret || secret.length < 32) throw new ConfigError('JWT_SECRET (at least 32 characters) is required when NODE_ENV=production');
    // A repeated character, a word or a keyboard walk is long enough and still guessed: refuse it.
    if (secretGuessesLog10(secret) < MIN_SECRET_GUESSES_LOG10) {
      throw new ConfigError('JWT_SECRET is too easy to guess (a repeated character, a word, a pattern); use e.g. `openssl rand -hex 32`');
    }
  } else if (!secret) {
    // Development: one secret per data folder, so tokens survive restarts.
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'jwt-secret');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    secret = readFileSync(file, 'utf8').trim();
  }

  const dashboardCacheSeconds = wholeNumber(env, 'DASHBOARD_CACHE_SECONDS', 30, 0, 3600, '0..3600');
  const slowStatementMs = wholeNumber(env, 'SLOW_STATEMENT_MS', 200, 0, Number.MAX_SAFE_INTEGER, 'a whole number of milliseconds (0: log none)');
  const databasePoolSize = wholeNumber(env, 'DATABASE_POOL_SIZE', 10, 1, 200, '1..200 connections');
  const notificationSweepSeconds = wholeNumber(env, 'NOTIFICATION_SWEEP_SECONDS', 300, 0, 86400, '0..86400');

  const seedRequested = bool(env.SEED_DEMO, !production);
  if (production && seedRequested && env.SEED_DEMO !== undefined) {
    throw new ConfigError('SEED_DEMO: demo data is never loaded when NODE_ENV=production');
  }

  return {
    mode,
    production,
    port,
    // Only production listens on every interface unless told otherwise: a laptop's demo stays on the laptop.
    host: env.HOST || (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: env.DATABASE_URL || null,
    databasePoolSize,
    databaseReplicaUrls: parseReplicaUrls(env.DATABASE_REPLICA_URLS, env.DATABASE_URL),
    dataDir,
    jwtSecret: new TextEncoder().encode(secret),
    jwtTtl: env.JWT_TTL || '12h',
    seedDemo: !production && seedRequested,
    exposeSqlCount: bool(env.EXPOSE_SQL_COUNT, !production),
    fastPath: fastPathEnabled(env),
    logLevel: env.LOG_LEVEL || (production ? 'info' : 'warn'),
    webDist: env.WEB_DIST === undefined ? null : env.WEB_DIST || null,
    dashboardCacheSeconds,
    notificationSweepSeconds,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    metricsToken: parseMetricsToken(env.METRICS_TOKEN),
    slowStatementMs,
  };
}
