import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type TestServer } from '../../../testing/test-server.js';
import { hashPassword } from '../passwords.js';

// A production server over the demo database: the demo password opens nothing.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ production: true, exposeSqlCount: false });
});
afterAll(() => s?.close());

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;

describe('production mode', () => {
  it('refuses the demo password for every demo login, with the answer a wrong password gets', async () => {
    const wrong = await s.gql(LOGIN, { u: 'committee', p: 'wrong-password' });
    for (const u of ['committee', 'unit1', 'grid1', 'viewer', 'n-committee']) {
      const r = await s.gql(LOGIN, { u, p: 'demo-password' });
      expect(codeOf(r), u).toBe('UNAUTHENTICATED');
      expect(r.errors![0]!.message).toBe(wrong.errors![0]!.message);
    }
  });

  it('still signs in a user whose password is their own', async () => {
    await s.sql(`UPDATE app_user SET password_hash = $1 WHERE username = 'committee'`, [await hashPassword('a long and real passphrase')]);
    const r = await s.gql(LOGIN, { u: 'committee', p: 'a long and real passphrase' });
    expect(r.data.login.token).toMatch(/^ey/);
  });

  it('hides introspection', async () => {
    const token = await s.login('committee', 'a long and real passphrase');
    const r = await s.gql(`{ __schema { types { name } } }`, {}, token);
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('sign-in limits', () => {
  it('answers RATE_LIMITED after repeated failures for one username', async () => {
    let last;
    for (let i = 0; i < 11; i++) last = await s.gql(LOGIN, { u: 'grid2', p: `guess-${i}` });
    expect(codeOf(last!)).toBe('RATE_LIMITED');
  });
});
