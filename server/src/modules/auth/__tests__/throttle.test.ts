import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { SIGN_IN_LIMITS } from '../sign-in-throttle.js';

/**
 * Sign-in limits counted in PostgreSQL (docs/adoption.md: Accounts): per
 * account and per client address, free tries then growing delays, shared by
 * every instance, and the address is the socket's unless TRUST_PROXY names
 * the proxy.
 */
let s: TestServer;
let trusting: Awaited<ReturnType<TestServer['twin']>>;
let twin: Awaited<ReturnType<TestServer['twin']>>;
beforeAll(async () => {
  s = await startTestServer();
  twin = await s.twin();
  trusting = await s.twin({ TRUST_PROXY: 'loopback' });
});
afterAll(() => s?.close());
// Each test starts with no counts (the address, 127.0.0.1, is shared by every test here).
beforeEach(() => s.sql(`DELETE FROM sign_in_limit`));

interface Attempt {
  code: string | undefined;
  retryAfterSeconds?: number;
}

async function signIn(url: string, username: string, password: string, forwardedFor?: string): Promise<Attempt> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, variables: { u: username, p: password } }),
  });
  const body = (await res.json()) as { data?: { login: { token: string } } | null; errors?: { extensions: { code: string; retryAfterSeconds?: number } }[] };
  if (body.data?.login) return { code: undefined };
  return { code: body.errors![0]!.extensions.code, retryAfterSeconds: body.errors![0]!.extensions.retryAfterSeconds };
}

const checkedFailures = async (username: string) =>
  Number((await s.sql(`SELECT count(*) AS n FROM audit_entry a JOIN app_user u ON u.id = a.subject_id::uuid WHERE a.action = 'SIGN_IN_FAILED' AND u.username = $1`, [username]))[0].n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sign-in throttling', () => {
  it('checks at most the free tries of 100 concurrent wrong passwords for one account', async () => {
    const before = await checkedFailures('unit1');
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => signIn(i % 2 ? twin.url : s.url, 'unit1', `wrong-${i}`)));
    const seconds = (Date.now() - started) / 1000;
    const checked = (await checkedFailures('unit1')) - before;
    // The free tries, and one more for each delay (1 s, 2 s, 4 s …) that ran out while a slow machine was still sending the burst.
    const delaysElapsed = seconds < 1 ? 0 : Math.floor(Math.log2(seconds)) + 1;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked, `burst took ${seconds} s`).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountFreeTries + delaysElapsed);
    expect(results.filter((r) => r.code === 'UNAUTHENTICATED')).toHaveLength(checked);
    expect(results.filter((r) => r.code === 'RATE_LIMITED')).toHaveLength(100 - checked);
  });

  it('delays more after each failure past the free tries, not a long lockout; a success clears the account', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.accountFreeTries; i++) expect((await signIn(s.url, 'grid1', 'wrong')).code).toBe('UNAUTHENTICATED');
    // Even the right password waits its turn, on any instance: the count is in PostgreSQL.
    const held = await signIn(twin.url, 'grid1', 'demo-password');
    expect(held).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    await sleep(1100);
    expect((await signIn(s.url, 'grid1', 'wrong')).code).toBe('UNAUTHENTICATED');
    const longer = await signIn(s.url, 'grid1', 'demo-password');
    expect(longer.code).toBe('RATE_LIMITED');
    expect(longer.retryAfterSeconds).toBe(2);
    await sleep(2100);
    expect((await signIn(twin.url, 'grid1', 'demo-password')).code).toBeUndefined();
    // The success gave the account its free tries back.
    for (let i = 0; i < SIGN_IN_LIMITS.accountFreeTries; i++) expect((await signIn(s.url, 'grid1', 'wrong')).code).toBe('UNAUTHENTICATED');
    expect((await signIn(s.url, 'grid1', 'wrong')).code).toBe('RATE_LIMITED');
  });

  it('limits an address guessing many accounts, whatever X-Forwarded-For it forges', async () => {
    const free = SIGN_IN_LIMITS.addressFreeTries;
    for (let i = 0; i < free; i++) {
      expect((await signIn(s.url, `nobody-${i}`, 'guess', `203.0.113.${i + 1}`)).code, `try ${i}`).toBe('UNAUTHENTICATED');
    }
    // The next guess, a right password included, is held: the socket's address is the one counted.
    expect((await signIn(s.url, 'viewer', 'demo-password', '198.51.100.7')).code).toBe('RATE_LIMITED');
    expect((await signIn(s.url, 'nobody-x', 'guess', '198.51.100.8')).code).toBe('RATE_LIMITED');
  });

  it('believes X-Forwarded-For only from the proxy TRUST_PROXY names', async () => {
    const free = SIGN_IN_LIMITS.addressFreeTries;
    for (let i = 0; i <= free + 5; i++) {
      expect((await signIn(trusting.url, `someone-${i}`, 'guess', `203.0.113.${i + 1}`)).code, `try ${i}`).toBe('UNAUTHENTICATED');
    }
    // One client behind the proxy is limited by its own address.
    for (let i = 0; i < free; i++) await signIn(trusting.url, `other-${i}`, 'guess', '198.51.100.9');
    expect((await signIn(trusting.url, 'viewer', 'demo-password', '198.51.100.9')).code).toBe('RATE_LIMITED');
    expect((await signIn(trusting.url, 'viewer', 'demo-password', '198.51.100.10')).code).toBeUndefined();
    const [audit] = await s.sql(`SELECT client_address FROM audit_entry WHERE action = 'SIGN_IN' ORDER BY at DESC LIMIT 1`);
    expect(audit.client_address).toBe('198.51.100.10');
  });
});
