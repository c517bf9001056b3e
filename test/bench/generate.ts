import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../../server/src/database/bootstrap.js';
import { rebuildDashboardDays } from '../../server/src/modules/dashboard/dashboard.days.js';
import { hashPassword } from '../../server/src/modules/auth/passwords.js';
import { BENCH_PASSWORD, SIZES, TABLES, generateAlliance, type SizeSpec, type TableData } from './data.js';

/*
 * Builds bench_<size>: drops and creates the database, brings it up to date
 * through the server's own migrations, then loads the generated rows with
 * COPY (pg-copy-streams), never row by row.
 *
 * Bulk-load rules: the plain secondary indexes (and the partial unique index
 * signup_live_uq) are dropped before the load and rebuilt after it, which is
 * also when PostgreSQL proves one live sign-up per unit and activity again;
 * primary keys, UNIQUE, CHECK and foreign-key constraints stay on and are
 * checked row by row. The signup trigger that keeps activity.confirmed_count
 * is disabled during COPY (the generator computes confirmed_count itself) and
 * enabled again afterwards; the invariants are then verified by SQL.
 */

export interface GenerateOptions {
  size: string;
  /** A connection string with the right to create databases (any database name). */
  adminUrl: string;
  database?: string;
  /** Parallel loaders (each loads whole alliances, one COPY per table). */
  workers?: number;
  log?: (msg: string) => void;
  now?: number;
}

export interface GenerateResult {
  database: string;
  url: string;
  size: string;
  spec: SizeSpec;
  rows: Record<string, number>;
  seconds: { migrate: number; copy: number; indexes: number; analyze: number; verify: number; total: number };
  invariants: Record<string, number>;
}

/** The server's migrations want a pino logger; the generator prints its own lines. */
const noop = () => undefined;
export const quietLogger = { info: noop, warn: noop, error: noop, debug: noop, trace: noop, fatal: noop, isLevelEnabled: () => false } as unknown as Parameters<typeof openDatabase>[1];

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function copyTable(client: pg.Client, t: TableData): Promise<void> {
  if (!t.lines.length) return;
  const stream = client.query(copyFrom(`COPY ${t.table} (${t.columns.join(', ')}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // Chunks of about 1 MB, respecting back-pressure.
  let chunk: string[] = [];
  let size = 0;
  for (const line of t.lines) {
    chunk.push(line);
    size += line.length + 1;
    if (size > 1 << 20) {
      if (!stream.write(chunk.join('\n') + '\n')) await once(stream, 'drain');
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length) stream.write(chunk.join('\n') + '\n');
  stream.end();
  await done;
}

/** The secondary indexes to drop for the load and rebuild after it (not those behind constraints). */
async function secondaryIndexes(client: pg.Client): Promise<{ name: string; def: string; table: string }[]> {
  const { rows } = await client.query(`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def, i.indrelid::regclass::text AS table
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
     WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
       AND c.relname = ANY($1)`,
    [TABLES.map((t) => t.table)],
  );
  return rows;
}

/** Invariants the server relies on, counted by SQL: every count must be 0. */
export async function verifyInvariants(client: pg.Client | pg.Pool): Promise<Record<string, number>> {
  const checks: Record<string, string> = {
    confirmedCountMismatch: `
      SELECT count(*) FROM activity a
       WHERE a.confirmed_count <> (SELECT count(*) FROM signup s WHERE s.activity_id = a.id AND s.status = 'CONFIRMED')`,
    overbooked: `SELECT count(*) FROM activity WHERE max_units IS NOT NULL AND confirmed_count > max_units`,
    duplicateLiveSignups: `
      SELECT count(*) FROM (SELECT 1 FROM signup WHERE status IN ('CONFIRMED','WAITLISTED')
       GROUP BY activity_id, unit_id HAVING count(*) > 1) d`,
    signupAcrossAlliances: `
      SELECT count(*) FROM signup s JOIN activity a ON a.id = s.activity_id JOIN member_unit u ON u.id = s.unit_id
       WHERE s.alliance_id <> a.alliance_id OR s.alliance_id <> u.alliance_id`,
    // Issue 10: a need's points go to the delivering units its plan named, and to no one else.
    pointsWithoutDelivery: `
      SELECT count(*) FROM points_entry e
       WHERE e.source IN ('NEED_RESOLVED', 'FOLLOW_UP_SATISFIED')
         AND NOT EXISTS (SELECT 1 FROM need_delivery d WHERE d.need_id = e.source_id AND d.unit_id = e.unit_id)`,
    triggerDisabled: `SELECT count(*) FROM pg_trigger WHERE tgname = 'signup_confirmed_count' AND tgenabled = 'D'`,
    invalidIndexes: `SELECT count(*) FROM pg_index WHERE NOT indisvalid`,
  };
  const out: Record<string, number> = {};
  for (const [name, sql] of Object.entries(checks)) {
    const { rows } = await client.query(sql);
    out[name] = Number(rows[0].count);
  }
  return out;
}

/**
 * bench_<size>, or BENCH_DB_PREFIX<size> when set: helpers sharing one
 * PostgreSQL can each load their own copy without dropping another's.
 */
export function benchDatabase(size: string): string {
  // BENCH_DB_PREFIX / BENCH_DB_SUFFIX: a database of one's own when several people bench on one PostgreSQL.
  return `${process.env.BENCH_DB_PREFIX ?? 'bench_'}${size.toLowerCase()}${process.env.BENCH_DB_SUFFIX ?? ''}`;
}

export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  const spec = SIZES[opts.size];
  if (!spec) throw new Error(`size must be one of ${Object.keys(SIZES).join(', ')}`);
  const log = opts.log ?? ((m: string) => console.log(m));
  const database = opts.database ?? benchDatabase(opts.size);
  const url = withDatabase(opts.adminUrl, database);
  const now = opts.now ?? Date.now();
  const t0 = performance.now();
  const secs = (from: number) => Math.round((performance.now() - from) / 100) / 10;

  const admin = new pg.Client({ connectionString: opts.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();

  const ds = await openDatabase(url, quietLogger, 1);
  await ds.destroy();
  const migrate = secs(t0);
  log(`${database}: migrated in ${migrate} s`);

  const main = new pg.Client({ connectionString: url });
  await main.connect();
  const indexes = await secondaryIndexes(main);
  for (const ix of indexes) await main.query(`DROP INDEX ${ix.name}`);
  await main.query(`ALTER TABLE signup DISABLE TRIGGER signup_confirmed_count`);

  // One hash, computed once with the server's own function, for every bench account.
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  const tCopy = performance.now();
  const rows: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t.table, 0]));
  let next = 0;
  const workers = Math.max(1, Math.min(opts.workers ?? 2, spec.alliances));
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`SET synchronous_commit = off`);
      try {
        for (let a = next++; a < spec.alliances; a = next++) {
          const tables = generateAlliance(a, spec, now, passwordHash);
          // One transaction per alliance: parents are visible to their children's FK checks.
          await client.query('BEGIN');
          for (const t of tables) {
            await copyTable(client, t);
            rows[t.table]! += t.lines.length;
          }
          await client.query('COMMIT');
          if (spec.alliances > 1 && (a + 1) % Math.max(1, Math.floor(spec.alliances / 10)) === 0) {
            log(`  alliance ${a + 1}/${spec.alliances} loaded (${secs(tCopy)} s)`);
          }
        }
      } finally {
        await client.end();
      }
    }),
  );
  const copy = secs(tCopy);
  log(`${database}: ${Object.values(rows).reduce((x, y) => x + y, 0).toLocaleString('en')} rows copied in ${copy} s`);

  // Rebuild the dropped indexes, two at a time (one per core).
  const tIx = performance.now();
  const queue = [...indexes].sort((x, y) => x.table.localeCompare(y.table));
  await Promise.all(
    [0, 1].map(async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`SET maintenance_work_mem = '256MB'`);
      try {
        for (let ix = queue.shift(); ix; ix = queue.shift()) await client.query(ix.def);
      } finally {
        await client.end();
      }
    }),
  );
  await main.query(`ALTER TABLE signup ENABLE TRIGGER signup_confirmed_count`);
  const indexSecs = secs(tIx);
  log(`${database}: ${indexes.length} indexes rebuilt in ${indexSecs} s`);

  // COPY writes records without their domain events: the dashboard's per-day aggregates are counted from them once.
  const tDays = performance.now();
  const daysDs = await openDatabase(url, quietLogger, 1);
  try {
    await daysDs.transaction((m) => rebuildDashboardDays(m));
  } finally {
    await daysDs.destroy();
  }
  log(`${database}: dashboard days counted in ${secs(tDays)} s`);

  const tAn = performance.now();
  // VACUUM sets the visibility map (index-only scans); ANALYZE gives the planner real statistics.
  await main.query(`VACUUM (ANALYZE)`);
  const analyze = secs(tAn);

  const tVer = performance.now();
  const invariants = await verifyInvariants(main);
  const verify = secs(tVer);
  await main.end();
  const bad = Object.entries(invariants).filter(([, n]) => n !== 0);
  if (bad.length) throw new Error(`${database}: invariants broken after load: ${JSON.stringify(invariants)}`);
  const total = secs(t0);
  log(`${database}: analyzed in ${analyze} s, invariants verified in ${verify} s; total ${total} s`);
  return { database, url, size: opts.size, spec, rows, seconds: { migrate, copy, indexes: indexSecs, analyze, verify, total }, invariants };
}

/** `tsx test/bench/generate.ts L` builds bench_l on BENCH_PG_URL (default: the machine's PostgreSQL). */
if (import.meta.url === `file://${process.argv[1]}`) {
  const size = process.argv[2] ?? 'S';
  generate({ size, adminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' })
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
