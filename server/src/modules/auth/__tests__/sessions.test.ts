import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, signTestToken, startTestServer, type TestServer } from '../../../testing/test-server.js';

/**
 * A session ends the moment its account changes, on every instance: the
 * change is made through server A, which refuses the old token from the
 * next request on; server B, which shares the database and had the account
 * in memory, refuses it as soon as PostgreSQL's notification reaches it
 * (milliseconds; the test allows a loaded machine 2 s and reports the delay).
 */
let s: TestServer;
let b: Awaited<ReturnType<TestServer['twin']>>;
beforeAll(async () => {
  s = await startTestServer();
  b = await s.twin();
});
afterAll(() => s?.close());

const ME = `{ me { username role } }`;
const userId = async (username: string) => (await s.sql(`SELECT id FROM app_user WHERE username = $1`, [username]))[0].id as string;

async function createAccount(username: string, role = 'VIEWER'): Promise<{ id: string; token: string }> {
  const c = await s.as('committee');
  const r = await c(`mutation($u: String!, $r: Role!) { createUser(input: { username: $u, displayName: "测试账号", role: $r }) { user { id } temporaryPassword } }`, {
    u: username,
    r: role,
  });
  const { id } = r.data.createUser.user;
  const temp = await s.login(username, r.data.createUser.temporaryPassword);
  await s.gql(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`, { c: r.data.createUser.temporaryPassword, n: 'a-long-passphrase-1' }, temp);
  return { id, token: await s.login(username, 'a-long-passphrase-1') };
}

const delays: Record<string, number> = {};
afterAll(() => console.info(`sessions ended on the second instance after (ms): ${JSON.stringify(delays)}`));

/**
 * The token works on B (so B keeps the account); the change is made (through
 * A's API, or `viaSql` by an operator); A refuses the token at once, and B
 * within the notification's delay.
 */
async function expectEndedOnTwin(token: string, change: () => Promise<unknown>, viaSql = false) {
  const before = await b.gql(ME, {}, token);
  expect(before.errors).toBeUndefined();
  await change();
  const changedAt = Date.now();
  if (!viaSql) {
    const onWriter = await s.gql(ME, {}, token);
    expect(codeOf(onWriter)).toBe('UNAUTHENTICATED');
    expect(onWriter.errors![0]!.message).toMatch(/session has ended/);
  }
  let after = await b.gql(ME, {}, token);
  while (!after.errors && Date.now() - changedAt < 2000) {
    await new Promise((r) => setTimeout(r, 10));
    after = await b.gql(ME, {}, token);
  }
  delays[expect.getState().currentTestName ?? '?'] = Date.now() - changedAt;
  expect(codeOf(after)).toBe('UNAUTHENTICATED');
  expect(after.errors![0]!.message).toMatch(/session has ended/);
  expect(after.errors![0]!.extensions!.reason).toBe('SESSION_ENDED');
  expect(after.data).toBeNull();
}

describe('a session ends on every instance when its account changes', () => {
  it('checks the caller without a statement once the instance knows the account', async () => {
    const token = await s.login('viewer');
    const first = await b.gql(`{ alliance { name } }`, {}, token);
    const second = await b.gql(`{ alliance { name } }`, {}, token);
    expect(first.data).toEqual(second.data);
    expect(first.sql - second.sql).toBe(1);
  });

  it('disable', async () => {
    const { id, token } = await createAccount('to-disable');
    const c = await s.as('committee');
    await expectEndedOnTwin(token, () => c(`mutation($id: ID!) { disableUser(id: $id, reason: "离职") { status } }`, { id }));
  });

  it('delete (an operator removes the row)', async () => {
    const { id, token } = await createAccount('to-delete');
    // The audit log names the account by id, not by a foreign key: the log outlives the row.
    await expectEndedOnTwin(token, () => s.sql(`DELETE FROM app_user WHERE id = $1`, [id]), true);
  });

  it('password change by the account itself', async () => {
    const { token } = await createAccount('to-repassword');
    await expectEndedOnTwin(token, () =>
      s.gql(`mutation { changePassword(currentPassword: "a-long-passphrase-1", newPassword: "another-passphrase-2") }`, {}, token),
    );
  });

  it('password reset by the committee', async () => {
    const { id, token } = await createAccount('to-reset');
    const c = await s.as('committee');
    await expectEndedOnTwin(token, () => c(`mutation($id: ID!) { resetUserPassword(id: $id) }`, { id }));
  });

  it('role change', async () => {
    const { id, token } = await createAccount('to-promote');
    const c = await s.as('committee');
    await expectEndedOnTwin(token, () => c(`mutation($id: ID!) { updateUser(id: $id, input: { role: COMMITTEE_ADMIN }) { role } }`, { id }));
    // No request runs with the old role: the new one needs a new sign-in.
    const again = await s.login('to-promote', 'a-long-passphrase-1');
    expect((await b.gql(ME, {}, again)).data.me).toEqual({ username: 'to-promote', role: 'COMMITTEE_ADMIN' });
  });

  it('unit or grid change, and a change made directly in SQL', async () => {
    const token = await s.login('grid1');
    const grid3 = (await s.sql(`SELECT g.id FROM grid g JOIN app_user u ON u.alliance_id = g.alliance_id WHERE u.username = 'grid1' AND g.name = '第三网格'`))[0].id;
    await expectEndedOnTwin(token, () => s.sql(`UPDATE app_user SET grid_id = $1 WHERE username = 'grid1'`, [grid3]), true);
  });

  it('leaves other sessions alone when nothing that matters changed', async () => {
    const token = await s.login('unit1');
    await b.gql(ME, {}, token);
    const c = await s.as('committee');
    await c(`mutation($id: ID!) { updateUser(id: $id, input: { displayName: "林晓燕（松风小学德育处）" }) { id } }`, { id: await userId('unit1') });
    expect((await b.gql(ME, {}, token)).data.me).toEqual({ username: 'unit1', role: 'UNIT_ADMIN' });
  });
});

describe('tokens', () => {
  it('refuses a token without an expiry, and one issued under an older account version', async () => {
    expect(codeOf(await s.gql(ME, {}, await signTestToken(s, 'committee', { expiresAt: null })))).toBe('UNAUTHENTICATED');
    expect(codeOf(await s.gql(ME, {}, await signTestToken(s, 'committee', { tokenVersionOffset: -1 })))).toBe('UNAUTHENTICATED');
    // The same claims with an expiry and the current version are accepted: it is those that were refused.
    expect((await s.gql(ME, {}, await signTestToken(s, 'committee'))).data.me.username).toBe('committee');
  });
});
