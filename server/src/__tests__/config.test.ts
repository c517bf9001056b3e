import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'alliance-config-'));
const SECRET = 'a-production-secret-of-forty-characters!!';

describe('configuration', () => {
  it('production refuses to start without a JWT secret of 32+ characters', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short', DATA_DIR: tmp() })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).production).toBe(true);
  });

  it('production never loads demo data, and says so when asked to', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).seedDemo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, SEED_DEMO: 'true' })).toThrow(/demo data/);
    expect(loadConfig({ DATA_DIR: tmp() }).seedDemo).toBe(true);
    expect(loadConfig({ DATA_DIR: tmp(), SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('development keeps one generated secret per data folder', () => {
    const dir = tmp();
    const a = loadConfig({ DATA_DIR: dir });
    const b = loadConfig({ DATA_DIR: dir });
    const c = loadConfig({ DATA_DIR: tmp() });
    expect(Buffer.from(a.jwtSecret).toString()).toBe(Buffer.from(b.jwtSecret).toString());
    expect(Buffer.from(a.jwtSecret).toString()).not.toBe(Buffer.from(c.jwtSecret).toString());
    expect(readFileSync(path.join(dir, 'jwt-secret'), 'utf8')).toHaveLength(64);
  });

  it('starts only in production, development or test, exactly', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).mode).toBe('development');
    expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: tmp() }).mode).toBe('test');
    for (const wrong of ['Production', 'prod', 'PRODUCTION', 'staging', ' production']) {
      expect(() => loadConfig({ NODE_ENV: wrong, JWT_SECRET: SECRET, DATA_DIR: tmp() }), wrong).toThrow(/NODE_ENV must be production, development or test/);
    }
  });

  it('listens on every interface only in production, unless HOST says otherwise', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: tmp() }).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATA_DIR: tmp(), HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('refuses a production JWT secret that is long but easy to guess', () => {
    for (const weak of ['a'.repeat(40), 'password'.repeat(4), '0123456789'.repeat(4), 'qwertyuiopasdfghjklzxcvbnmqwertyuiop']) {
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: weak }), weak).toThrow(/too easy to guess/);
    }
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'd3b07384d113edec49eaa6238ad5ff00c157a1c9e0a2f6d1' }).production).toBe(true);
  });

  it('reads PORT, DATABASE_URL and DATA_DIR', () => {
    const c = loadConfig({ PORT: '4321', DATABASE_URL: 'postgres://x@h/db', DATA_DIR: '/tmp/x-data' });
    expect(c).toMatchObject({ port: 4321, databaseUrl: 'postgres://x@h/db', dataDir: '/tmp/x-data' });
    expect(loadConfig({ DATA_DIR: tmp() })).toMatchObject({ port: 4000, databaseUrl: null });
    expect(() => loadConfig({ PORT: 'abc', DATA_DIR: tmp() })).toThrow(/PORT/);
  });

  it('reads DATABASE_REPLICA_URLS as a list of postgres:// URLs, only beside DATABASE_URL, never echoing one', () => {
    const primary = 'postgres://app:pw@db/alliance';
    expect(loadConfig({ DATA_DIR: tmp() }).databaseReplicaUrls).toEqual([]);
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: primary, DATABASE_REPLICA_URLS: ' postgres://r1/alliance, postgresql://r2/alliance ,' }).databaseReplicaUrls).toEqual([
      'postgres://r1/alliance',
      'postgresql://r2/alliance',
    ]);
    expect(() => loadConfig({ DATA_DIR: tmp(), DATABASE_REPLICA_URLS: 'postgres://r1/alliance' })).toThrow(/needs DATABASE_URL/);
    const bad = () => loadConfig({ DATA_DIR: tmp(), DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://r1/alliance,mysql://u:secret@r2/x' });
    expect(bad).toThrow(/entry 2 is not a postgres:\/\/ URL/);
    expect(bad).not.toThrow(/secret/);
  });

  it('keeps dashboard figures 30 s by default, 0 turns that off, nonsense is refused', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).dashboardCacheSeconds).toBe(30);
    expect(loadConfig({ DATA_DIR: tmp(), DASHBOARD_CACHE_SECONDS: '0' }).dashboardCacheSeconds).toBe(0);
    expect(() => loadConfig({ DATA_DIR: tmp(), DASHBOARD_CACHE_SECONDS: '-1' })).toThrow(/DASHBOARD_CACHE_SECONDS/);
    expect(() => loadConfig({ DATA_DIR: tmp(), DASHBOARD_CACHE_SECONDS: 'soon' })).toThrow(/DASHBOARD_CACHE_SECONDS/);
  });

  it('keeps 10 database connections by default, DATABASE_POOL_SIZE sets 1..200, nonsense is refused', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).databasePoolSize).toBe(10);
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_POOL_SIZE: '4' }).databasePoolSize).toBe(4);
    for (const bad of ['0', '-2', '2.5', 'many', '201']) {
      expect(() => loadConfig({ DATA_DIR: tmp(), DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE/);
    }
  });

  it('reads every whole-number setting alike: empty is the default, a refusal names the variable, its range and the value', () => {
    const cases: [string, keyof ReturnType<typeof loadConfig>, number, string, string][] = [
      ['PORT', 'port', 4000, '65536', 'PORT must be 0..65535, got 65536'],
      ['DASHBOARD_CACHE_SECONDS', 'dashboardCacheSeconds', 30, '3601', 'DASHBOARD_CACHE_SECONDS must be 0..3600, got 3601'],
      ['DATABASE_POOL_SIZE', 'databasePoolSize', 10, '0', 'DATABASE_POOL_SIZE must be 1..200 connections, got 0'],
      ['NOTIFICATION_SWEEP_SECONDS', 'notificationSweepSeconds', 300, '86401', 'NOTIFICATION_SWEEP_SECONDS must be 0..86400, got 86401'],
      ['SLOW_STATEMENT_MS', 'slowStatementMs', 200, '1e-3', 'SLOW_STATEMENT_MS must be a whole number of milliseconds (0: log none), got 1e-3'],
    ];
    for (const [name, key, fallback, bad, message] of cases) {
      expect(loadConfig({ DATA_DIR: tmp(), [name]: '' })[key]).toBe(fallback);
      expect(() => loadConfig({ DATA_DIR: tmp(), [name]: bad })).toThrow(message);
    }
  });

  it('logs statements from 200 ms by default, 0 turns that off, nonsense is refused', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).slowStatementMs).toBe(200);
    expect(loadConfig({ DATA_DIR: tmp(), SLOW_STATEMENT_MS: '0' }).slowStatementMs).toBe(0);
    expect(loadConfig({ DATA_DIR: tmp(), SLOW_STATEMENT_MS: '50' }).slowStatementMs).toBe(50);
    expect(() => loadConfig({ DATA_DIR: tmp(), SLOW_STATEMENT_MS: '-5' })).toThrow(/SLOW_STATEMENT_MS/);
    expect(() => loadConfig({ DATA_DIR: tmp(), SLOW_STATEMENT_MS: 'slow' })).toThrow(/SLOW_STATEMENT_MS/);
  });
});
