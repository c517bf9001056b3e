import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { names, recordEvents } from '../../../testing/event-recorder.js';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';

/**
 * Issue 10 point 7: an account change publishes exactly one domain event,
 * with its facts, in the change's transaction, and the audit log writes its
 * entry from it (the same entry as before the events); a refused change
 * publishes nothing and writes nothing.
 */

let s: TestServer;
let events: ReturnType<typeof recordEvents>;
let committee: Client;
let committeeId: string;
let allianceId: string;
beforeAll(async () => {
  s = await startTestServer();
  events = recordEvents(s.events);
  committee = await s.as('committee');
  [{ id: committeeId, alliance_id: allianceId }] = await s.sql(`SELECT id, alliance_id FROM app_user WHERE username = 'committee'`);
});
afterAll(() => s?.close());

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { temporaryPassword user { id } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`;
const DISABLE = `mutation($id: ID!, $r: String!) { disableUser(id: $id, reason: $r) { id } }`;
const ENABLE = `mutation($id: ID!) { enableUser(id: $id) { id } }`;
const RESET = `mutation($id: ID!) { resetUserPassword(id: $id) }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;

const ok = (r: GqlResult) => {
  expect(r.errors).toBeUndefined();
  return r.data;
};

const auditRows = () => s.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE action NOT IN ('SIGN_IN', 'SIGN_IN_FAILED')`).then((r) => r[0].n as number);

/** The one event the act published and handed on after commit, with the facts asked for. */
function theEvent(name: string, facts: Record<string, unknown>, actorId = committeeId) {
  const seen = events.take();
  expect(names(seen.published)).toEqual([name]);
  expect(names(seen.committed)).toEqual([name]);
  expect(seen.committed[0]).toMatchObject({ allianceId, actorId, ...facts });
  expect(seen.committed[0]!.at).toBeInstanceOf(Date);
  return seen.committed[0]!;
}

/** The act's audit entry, the latest about the account. */
async function lastAudit(userId: string) {
  const [row] = await s.sql(`SELECT action, subject_type, actor_id, summary FROM audit_entry WHERE subject_id = $1 AND action NOT IN ('SIGN_IN', 'SIGN_IN_FAILED') ORDER BY at DESC, id DESC LIMIT 1`, [userId]);
  return row;
}

async function refused(r: GqlResult, code: string, auditBefore: number) {
  expect(codeOf(r)).toBe(code);
  const seen = events.take();
  expect(names(seen.published)).toEqual([]);
  expect(names(seen.committed)).toEqual([]);
  expect(await auditRows()).toBe(auditBefore);
}

describe('account changes publish one event each; the audit log records it', () => {
  it('creates, updates, disables, enables, resets and changes a password: one event and one entry each', async () => {
    const unit = (await s.sql(`SELECT id FROM member_unit WHERE name = '松林医院'`))[0].id as string;
    events.take();

    const created = ok(await committee(CREATE, { input: { username: 'liaison-gao', displayName: '高老师', role: 'UNIT_ADMIN', unitId: unit, phone: '13904701288' } })).createUser;
    const id = created.user.id as string;
    const account = { username: 'liaison-gao', displayName: '高老师', role: 'UNIT_ADMIN', unitId: unit, gridId: null, phone: '139****1288', status: 'ACTIVE' };
    theEvent('UserCreated', { userId: id, account });
    expect(await lastAudit(id)).toEqual({ action: 'USER_CREATE', subject_type: 'USER', actor_id: committeeId, summary: { after: account } });

    ok(await committee(UPDATE, { id, input: { displayName: '高主任' } }));
    theEvent('UserUpdated', { userId: id, before: { displayName: '高老师' }, after: { displayName: '高主任' } });
    expect(await lastAudit(id)).toEqual({ action: 'USER_UPDATE', subject_type: 'USER', actor_id: committeeId, summary: { before: { displayName: '高老师' }, after: { displayName: '高主任' } } });

    ok(await committee(DISABLE, { id, r: ' 调离 ' }));
    theEvent('UserDisabled', { userId: id, reason: '调离' });
    expect(await lastAudit(id)).toEqual({
      action: 'USER_DISABLE', subject_type: 'USER', actor_id: committeeId,
      summary: { before: { status: 'ACTIVE' }, after: { status: 'DISABLED' }, reason: '调离' },
    });

    ok(await committee(ENABLE, { id }));
    theEvent('UserEnabled', { userId: id });
    expect(await lastAudit(id)).toEqual({ action: 'USER_ENABLE', subject_type: 'USER', actor_id: committeeId, summary: { before: { status: 'DISABLED' }, after: { status: 'ACTIVE' } } });

    const temporary = ok(await committee(RESET, { id })).resetUserPassword as string;
    const reset = theEvent('UserPasswordReset', { userId: id, username: 'liaison-gao' });
    expect(await lastAudit(id)).toEqual({ action: 'USER_RESET_PASSWORD', subject_type: 'USER', actor_id: committeeId, summary: { username: 'liaison-gao' } });
    // The password itself is in no event.
    expect(JSON.stringify(reset)).not.toContain(temporary);

    const token = await s.login('liaison-gao', temporary);
    events.take();
    expect(ok(await s.gql(CHANGE, { c: temporary, n: 'Songfeng-liaison-2026' }, token))).toEqual({ changePassword: true });
    const changed = theEvent('PasswordChanged', { userId: id, username: 'liaison-gao' }, id);
    expect(JSON.stringify(changed)).not.toMatch(/Songfeng-liaison-2026|argon2/);
    expect(await lastAudit(id)).toEqual({ action: 'PASSWORD_CHANGE', subject_type: 'USER', actor_id: id, summary: { username: 'liaison-gao' } });
  });

  it('a refused change publishes nothing and writes nothing', async () => {
    const grid1 = (await s.sql(`SELECT id FROM app_user WHERE username = 'grid1'`))[0].id as string;
    const unit1 = await s.as('unit1');
    events.take();
    const n = await auditRows();
    await refused(await unit1(UPDATE, { id: grid1, input: { displayName: '谁' } }), 'FORBIDDEN', n);
    await refused(await committee(CREATE, { input: { username: 'x y', displayName: '无效', role: 'VIEWER' } }), 'BAD_USER_INPUT', n);
    await refused(await committee(CREATE, { input: { username: 'grid1', displayName: '重名', role: 'VIEWER' } }), 'BAD_USER_INPUT', n);
    await refused(await committee(UPDATE, { id: grid1, input: { role: 'UNIT_ADMIN' } }), 'BAD_USER_INPUT', n);
    await refused(await committee(DISABLE, { id: grid1, r: '  ' }), 'BAD_USER_INPUT', n);
    await refused(await committee(DISABLE, { id: committeeId, r: '自己' }), 'CONFLICT', n);
    await refused(await committee(ENABLE, { id: grid1 }), 'CONFLICT', n);
    await refused(await unit1(RESET, { id: grid1 }), 'FORBIDDEN', n);
    await refused(await unit1(CHANGE, { c: 'not-my-password', n: 'Another-password-2026' }), 'BAD_USER_INPUT', n);
  });
});
