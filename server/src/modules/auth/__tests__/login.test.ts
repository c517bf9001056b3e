import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, signTestToken, startTestServer, type TestServer } from '../../../testing/test-server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { username role displayName unit { name } grid { name } } } }`;

describe('login', () => {
  it('signs in a demo user and returns a token that works for me', async () => {
    const r = await s.gql(LOGIN, { u: 'unit1', p: 'demo-password' });
    expect(r.errors).toBeUndefined();
    expect(r.data.login.user).toMatchObject({ username: 'unit1', role: 'UNIT_ADMIN', unit: { name: '海拉尔区松风小学' }, grid: null });
    const me = await s.gql(`{ me { username role } }`, {}, r.data.login.token);
    expect(me.data.me).toEqual({ username: 'unit1', role: 'UNIT_ADMIN' });
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await s.gql(LOGIN, { u: 'committee', p: 'not-the-password' });
    const unknown = await s.gql(LOGIN, { u: 'nobody-here', p: 'not-the-password' });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(wrong.data).toBeNull();
  });

  it('refuses an expired token with a message that says so', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await signTestToken(s, 'committee', { issuedAt: now - 7200, expiresAt: now - 60 });
    const r = await s.gql(`{ me { username } }`, {}, expired);
    expect(codeOf(r)).toBe('UNAUTHENTICATED');
    expect(r.errors![0]!.message).toMatch(/expired/i);
    expect(r.errors![0]!.extensions!.reason).toBe('SESSION_EXPIRED');
    // The same claims, still valid, are accepted: it is the expiry that was refused.
    const fresh = await signTestToken(s, 'committee');
    expect((await s.gql(`{ me { username } }`, {}, fresh)).data.me.username).toBe('committee');
  });
});

describe('users', () => {
  it('lists the alliance accounts to the committee, filtered, and to no one else', async () => {
    const c = await s.as('committee');
    const all = await c(`{ users { username role } }`);
    const names = all.data.users.map((u: { username: string }) => u.username);
    expect(names).toContain('grid1');
    expect(names).not.toContain('n-committee');
    const [{ id: grid }] = await s.sql(`SELECT grid_id AS id FROM app_user WHERE username = 'grid1'`);
    const workers = await c(`query($g: ID) { users(role: GRID_WORKER, gridId: $g) { username } }`, { g: grid });
    expect(workers.data.users.map((u: { username: string }) => u.username).sort()).toEqual(['grid-new', 'grid1']);
    const disabled = await c(`{ users(status: DISABLED) { username status disabledReason } }`);
    expect(disabled.data.users).toEqual([{ username: 'unit-left', status: 'DISABLED', disabledReason: '已调离松风小学，账号停用' }]);
    const found = await c(`{ users(search: "晓燕") { username } }`);
    expect(found.data.users).toEqual([{ username: 'unit1' }]);
    for (const who of ['unit1', 'grid1', 'viewer']) expect(codeOf(await (await s.as(who))(`{ users { id } }`)), who).toBe('FORBIDDEN');
  });
});
