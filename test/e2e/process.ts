import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/*
 * The built server as a person runs it in a checkout (`pnpm start`: `node server/dist/dev.js`,
 * the entry that can start an embedded PostgreSQL) in a child process, with the production
 * Node flags, talked to over HTTP.
 */
export const MAIN = fileURLToPath(new URL('../../server/dist/dev.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const flagsOf = (command: string[]) => command.filter((w) => w.startsWith('--'));
export const startScript = (pkg: string) => (JSON.parse(readFileSync(path.join(ROOT, pkg), 'utf8')).scripts.start as string).split(/\s+/);
/** The Node flags production runs with (server/package.json's start script; docs/benchmarks.md says why). */
export const NODE_FLAGS = flagsOf(startScript('server/package.json'));

export interface Started {
  child: ChildProcess;
  /** The GraphQL endpoint. */
  url: string;
  output: () => string;
  /** Resolves with the exit code (or the signal's name) whenever the process ends. */
  exited: Promise<number | string>;
}

/** Starts the built server with an embedded PostgreSQL (DATABASE_URL is removed unless given) and waits for its ready line. */
export function startServer(env: Record<string, string>): Promise<Started> {
  if (!existsSync(MAIN)) throw new Error('server/dist/dev.js is missing: run `pnpm --filter @alliance/server build` first');
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [...NODE_FLAGS, MAIN], { env: { ...inherited, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 90 s:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /ready: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `${m[1]}graphql`, output: () => out, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
}

/** SIGTERM, then the exit code. */
export function stopServer(s: Started): Promise<number | string> {
  s.child.kill('SIGTERM');
  return s.exited;
}

export interface Answer {
  status: number;
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql(url: string, query: string, token?: string, variables?: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as { data?: any; errors?: any[] }) };
}

export async function login(url: string, username = 'committee'): Promise<string> {
  const r = await gql(url, `mutation { login(username: "${username}", password: "demo-password") { token } }`);
  if (!r.data?.login) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
  return r.data.login.token as string;
}

export const postmasterPid = (dataDir: string) => {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
};

/** The port the embedded PostgreSQL of a running server listens on (from its postmaster.pid). */
export const postmasterPort = (dataDir: string) => Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export const secretsOf = (dataDir: string) => JSON.parse(readFileSync(path.join(dataDir, 'pg-secrets.json'), 'utf8')) as { superuser: string; app: string };

/** SQL on a running server's embedded database, as the superuser or as the application's role. */
export async function embeddedSql<R = any>(dataDir: string, as: 'superuser' | 'app', text: string, database = 'alliance'): Promise<R[]> {
  const secrets = secretsOf(dataDir);
  const c = new pg.Client({
    host: '127.0.0.1',
    port: postmasterPort(dataDir),
    user: as === 'superuser' ? 'postgres' : 'alliance_app',
    password: as === 'superuser' ? secrets.superuser : secrets.app,
    database,
  });
  await c.connect();
  try {
    return (await c.query(text)).rows as R[];
  } finally {
    await c.end();
  }
}

export interface WriteLog {
  /** Names whose creation was answered with an id. */
  acknowledged: Set<string>;
  /** Names whose request was answered with an error, by code. */
  refused: Map<string, string>;
  /** Names whose request got no HTTP answer (connection refused or closed), with the cause. */
  unanswered: Map<string, string>;
  /** Times (ms since start) of the acknowledgements. */
  ackTimes: number[];
}

/**
 * `workers` loops that each create member units with unique names, one after
 * the other, until `until()` is true. Every request's outcome is recorded in
 * `log` (pass one to watch it while the load runs).
 */
export const newWriteLog = (): WriteLog => ({ acknowledged: new Set(), refused: new Map(), unanswered: new Map(), ackTimes: [] });

export async function writeLoad(url: string, token: string, prefix: string, workers: number, until: () => boolean, log = newWriteLog()): Promise<WriteLog> {
  const t0 = Date.now();
  let n = 0;
  const worker = async () => {
    while (!until()) {
      const name = `${prefix}-${n++}`;
      try {
        const r = await gql(
          url,
          `mutation($name: String!) { createMemberUnit(input: { name: $name, kind: OTHER, partyMemberCount: 1, contactName: "甲", contactPhone: "13900000000" }) { id } }`,
          token,
          { name },
        );
        if (r.data?.createMemberUnit?.id) {
          log.acknowledged.add(name);
          log.ackTimes.push(Date.now() - t0);
        } else log.refused.set(name, r.errors?.[0]?.extensions?.code ?? `HTTP ${r.status}`);
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        log.unanswered.set(name, cause?.code ?? cause?.message ?? String(err));
        // A refused connection: the server no longer takes requests; do not spin.
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return log;
}
