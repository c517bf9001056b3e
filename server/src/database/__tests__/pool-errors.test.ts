import pg from 'pg';
import { pino } from 'pino';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { describe, expect, inject, it } from 'vitest';
import { createDataSource } from '../data-source.js';

describe('the pool after its database went away', () => {
  it('a connection ended by PostgreSQL while lent out, with no listener of its borrower, does not end the process', async () => {
    const ds = createDataSource(inject('pgAdminUrl'), pino({ level: 'silent' }), 2);
    await ds.initialize();
    try {
      const pool = (ds.driver as PostgresDriver).master as pg.Pool;
      // Lent out as the pool lends to anyone: the pool's own idle listener is removed, the borrower adds none.
      const client = await pool.connect();
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const errors: string[] = [];
      client.on('end', () => errors.push('end'));
      const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
      await admin.connect();
      // What every backend does when the postmaster dies: a FATAL to an idle connection.
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await admin.end();
      await expect.poll(() => errors).toEqual(['end']);
      // The next statement tells its borrower, as an error to handle, not an event.
      await expect(client.query('SELECT 1')).rejects.toThrow();
      client.release(true);
    } finally {
      await ds.destroy();
    }
  });
});
