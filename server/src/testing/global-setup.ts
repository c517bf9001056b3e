import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../database/bootstrap.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded.js';
import { seedDemoData } from '../modules/seed/seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string with the right to create databases. */
    pgAdminUrl: string;
    /** A migrated database holding the demo data, to copy per test file. */
    pgTemplate: string;
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Once per run: a PostgreSQL (DATABASE_URL, or an embedded one in a temp
 * folder), and a template database migrated and seeded with the demo data.
 */
export default async function setup(project: TestProject) {
  const log = pino({ level: 'warn' });
  let embedded: EmbeddedDatabase | null = null;
  let tmp: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    // A temp folder: as root, PostgreSQL runs as `postgres`, which must reach it.
    tmp = mkdtempSync(path.join(os.tmpdir(), 'alliance-test-'));
    embedded = await startEmbeddedPostgres(tmp, log);
    adminUrl = embedded.adminUrl;
  }
  const template = `alliance_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const ds = await openDatabase(withDatabase(adminUrl, template), log, 2);
  await seedDemoData(ds);
  await ds.destroy();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await embedded?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  };
}
