import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { startApp } from './app.js';
import { openDatabase } from './database/bootstrap.js';
import type { EmbeddedDatabase } from './database/embedded.js';

const log = pino({ level: process.env.LOG_LEVEL || 'info' });

async function main() {
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
    // Loaded only here: a server with DATABASE_URL never loads the embedded database's code.
    const { startEmbeddedPostgres } = await import('./database/embedded.js');
    embedded = await startEmbeddedPostgres(config.dataDir, log, {
      // A database that keeps dying is beyond this process: exit non-zero so its supervisor restarts the whole.
      onGiveUp: () => void stop('the embedded PostgreSQL could not be brought back', 1),
    });
    url = embedded.url;
    close = () => embedded!.stop();
  }
  const dataSource = await openDatabase(url, log, undefined, async (ds) => {
    if (!config.seedDemo) return;
    // Demo data is for development and tests: a production server never loads its module.
    const { seedDemoData } = await import('./modules/seed/seed.js');
    if (await seedDemoData(ds)) log.info('demo data loaded');
  });
  close = async () => {
    await dataSource.destroy();
    await embedded?.stop();
  };
  const db = embedded;
  const app = await startApp(config, dataSource, log, db ? { databaseAvailable: () => db.available } : {});
  // In this order: no new requests, every in-flight one answered, the pool closed, then the database stopped.
  close = async () => {
    await app.close();
    await dataSource.destroy();
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

main().catch((err) => {
  log.fatal({ err }, 'failed to start');
  process.exit(1);
});
