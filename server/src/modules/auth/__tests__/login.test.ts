import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type TestServer } from '../../../testing/test-server.js';

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
});
