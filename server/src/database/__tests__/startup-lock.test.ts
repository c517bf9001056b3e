import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../bootstrap.js';
import { migrations } from '../data-source.js';
import { seedDemoData } from '../../modules/seed/seed.js';
import { withDatabase } from '../../testing/global-setup.js';

const adminUrl = inject('pgAdminUrl');
const database = `t_lock_${randomBytes(5).toString('hex')}`;
const admin = async (sql: string) => {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
};
afterAll(() => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));

describe('instances starting together on an empty database', () => {
  it('take turns: one migrates and seeds, all serve, nothing is applied twice', async () => {
    await admin(`CREATE DATABASE ${database}`);
    const log = pino({ level: 'silent' });
    const seeded: boolean[] = [];
    const instances = await Promise.all(
      [1, 2, 3].map(() =>
        // A pool of one: the lock must not need a pooled connection of its own.
        openDatabase(withDatabase(adminUrl, database), log, 1, async (ds) => {
          seeded.push(await seedDemoData(ds));
        }),
      ),
    );
    try {
      expect(seeded.sort()).toEqual([false, false, true]);
      const [{ n }] = await instances[0]!.query(`SELECT count(*)::int AS n FROM migrations`);
      expect(n).toBe(migrations.length);
      const alliances = await Promise.all(instances.map((ds) => ds.query(`SELECT count(*)::int AS n FROM alliance`)));
      expect(alliances.map((r) => r[0].n)).toEqual([2, 2, 2]);
    } finally {
      await Promise.all(instances.map((ds) => ds.destroy()));
    }
  });
});
