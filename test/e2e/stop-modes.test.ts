import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, stopServer, type Started } from './process.js';

// The other stop tests run the server as vitest does, with NODE_ENV=test. Outside it Apollo installs
// termination-signal handlers of its own unless told not to, and the server's stop then hung until
// its 30 s limit and exited 1: here the modes an operator runs.
const dirs: string[] = [];
const running: Started[] = [];
afterAll(async () => {
  for (const s of running) if (s.child.exitCode === null && s.child.signalCode === null) await stopServer(s);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('SIGTERM outside the test mode', () => {
  it('development: a stop drains, stops the embedded PostgreSQL and exits 0 within seconds', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'alliance-stop-modes-'));
    dirs.push(dataDir);
    const s = await startServer({ NODE_ENV: 'development', SEED_DEMO: 'false', DATA_DIR: dataDir, PORT: '0', WEB_DIST: '' });
    running.push(s);
    const started = Date.now();
    const code = await stopServer(s);
    const seconds = (Date.now() - started) / 1000;
    expect(code).toBe(0);
    expect(seconds).toBeLessThan(10);
  });
});
