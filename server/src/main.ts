import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { startApp } from './app.js';
import { openDatabase } from './database/bootstrap.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded.js';
import { seedDemoData } from './modules/seed/seed.js';

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

  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, log);
    url = embedded.url;
  }
  const dataSource = await openDatabase(url, log, undefined, async (ds) => {
    if (!config.seedDemo) return;
    if (await seedDemoData(ds)) log.info('demo data loaded');
  });
  const app = await startApp(config, dataSource, log);
  // The one line a person starting the platform looks for.
  console.log(`Alliance platform ready: ${app.url} (GraphQL at ${app.url}graphql)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await dataSource.destroy();
      await embedded?.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** The built admin, beside the server in the repository. */
function defaultWebDist(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
}

main().catch((err) => {
  log.fatal({ err }, 'failed to start');
  process.exit(1);
});
