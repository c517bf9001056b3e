import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type GqlResult, type TestServer } from '../../../testing/test-server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const CREATE = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { temporaryPassword user { id username displayName role status mustChangePassword phone unit { name } grid { name } } }
}`;
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { username mustChangePassword lastSignInAt } } }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
const NEW_PASSWORD = 'Songshan-liaison-2026';

const unitId = async (name: string) => (await s.sql(`SELECT id FROM member_unit WHERE name = $1`, [name]))[0].id as string;
const gridId = async (username: string) => (await s.sql(`SELECT grid_id AS id FROM app_user WHERE username = $1`, [username]))[0].id as string;
const userId = async (username: string) => (await s.sql(`SELECT id FROM app_user WHERE username = $1`, [username]))[0].id as string;
const auditCount = async () => Number((await s.sql(`SELECT count(*) AS n FROM audit_entry`))[0].n);
const userCount = async () => Number((await s.sql(`SELECT count(*) AS n FROM app_user`))[0].n);
const fieldOf = (r: GqlResult) => r.errors?.[0]?.extensions?.field;
const reasonOf = (r: GqlResult) => r.errors?.[0]?.extensions?.reason;

async function create(input: Record<string, unknown>) {
  const c = await s.as('committee');
  return c(CREATE, { input });
}

describe('the committee creates an account; its temporary password must be changed first', () => {
  it('creates a liaison with a temporary password, shown once, audited without it', async () => {
    await s.as('committee');
    const before = await auditCount();
    const r = await create({ username: 'Liaison.Lin', displayName: '林老师', role: 'UNIT_ADMIN', unitId: await unitId('海拉尔区松风小学'), phone: '13904701299' });
    expect(r.errors).toBeUndefined();
    const { user, temporaryPassword } = r.data.createUser;
    expect(user).toMatchObject({ username: 'liaison.lin', role: 'UNIT_ADMIN', status: 'ACTIVE', mustChangePassword: true, phone: '13904701299', unit: { name: '海拉尔区松风小学' }, grid: null });
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{16}$/);
    const [audit] = await s.sql(`SELECT * FROM audit_entry ORDER BY at DESC, id DESC LIMIT 1`);
    expect(audit).toMatchObject({ action: 'USER_CREATE', subject_type: 'USER', subject_id: user.id, actor_name: '刘红梅（社区党委）', client_address: expect.stringContaining('127.0.0.1') });
    expect(audit.summary.after).toMatchObject({ username: 'liaison.lin', role: 'UNIT_ADMIN', phone: '139****1299' });
    expect(JSON.stringify(audit.summary)).not.toContain(temporaryPassword);
    expect(await auditCount()).toBe(before + 1);
    // Stored as argon2id, never as the password itself.
    const [row] = await s.sql(`SELECT password_hash FROM app_user WHERE id = $1`, [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('lets the new account do nothing but change its password, then work', async () => {
    const r = await create({ username: 'liaison-he', displayName: '何老师', role: 'UNIT_ADMIN', unitId: await unitId('松林医院') });
    const temporary = r.data.createUser.temporaryPassword;
    const login = await s.gql(LOGIN, { u: 'liaison-he', p: temporary });
    expect(login.data.login.user).toMatchObject({ username: 'liaison-he', mustChangePassword: true });
    const token = login.data.login.token;
    const shelf = await s.gql(`{ shelfProjects(first: 1) { totalCount } }`, {}, token);
    expect(codeOf(shelf)).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(shelf.data).toBeNull();
    expect((await s.gql(`{ me { username mustChangePassword } }`, {}, token)).data.me).toEqual({ username: 'liaison-he', mustChangePassword: true });

    const wrong = await s.gql(CHANGE, { c: 'not-the-temporary', n: NEW_PASSWORD }, token);
    expect([codeOf(wrong), fieldOf(wrong), reasonOf(wrong)]).toEqual(['BAD_USER_INPUT', 'currentPassword', 'WRONG_PASSWORD']);
    for (const [n, reason] of [
      ['short-1', 'TOO_SHORT'],
      ['Liaison-He', 'SAME_AS_USERNAME'],
      ['password123', 'TOO_COMMON'],
      [temporary, 'SAME_AS_CURRENT'],
    ] as const) {
      const bad = await s.gql(CHANGE, { c: temporary, n }, token);
      expect([codeOf(bad), fieldOf(bad), reasonOf(bad)], n).toEqual(['BAD_USER_INPUT', 'newPassword', reason]);
    }
    const ok = await s.gql(CHANGE, { c: temporary, n: NEW_PASSWORD }, token);
    expect(ok.data).toEqual({ changePassword: true });
    // The change ended the session it was made in: sign in again with the new password.
    const old = await s.gql(`{ me { username } }`, {}, token);
    expect(codeOf(old)).toBe('UNAUTHENTICATED');
    expect(old.errors![0]!.message).toMatch(/session has ended/);
    expect(codeOf(await s.gql(LOGIN, { u: 'liaison-he', p: temporary }))).toBe('UNAUTHENTICATED');
    const again = await s.gql(LOGIN, { u: 'LIAISON-HE', p: NEW_PASSWORD });
    expect(again.data.login.user.mustChangePassword).toBe(false);
    const works = await s.gql(`{ shelfProjects(first: 1) { totalCount } }`, {}, again.data.login.token);
    expect(works.data.shelfProjects.totalCount).toBeGreaterThan(0);
    const actions = await s.sql(`SELECT action FROM audit_entry WHERE subject_id = $1 ORDER BY at, id`, [r.data.createUser.user.id]);
    expect(actions.map((a) => a.action)).toEqual(['USER_CREATE', 'SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_IN_FAILED', 'SIGN_IN']);
  });

  it('refuses a password equal to the username, and a committee password under 12 characters', async () => {
    const r = await create({ username: 'committee-two', displayName: '第二位党委管理员', role: 'COMMITTEE_ADMIN' });
    const token = (await s.gql(LOGIN, { u: 'committee-two', p: r.data.createUser.temporaryPassword })).data.login.token;
    const sameName = await s.gql(CHANGE, { c: r.data.createUser.temporaryPassword, n: 'committee-two' }, token);
    expect(reasonOf(sameName)).toBe('SAME_AS_USERNAME');
    const short = await s.gql(CHANGE, { c: r.data.createUser.temporaryPassword, n: 'Eleven-char' }, token);
    expect([fieldOf(short), reasonOf(short)]).toEqual(['newPassword', 'TOO_SHORT']);
    const ok = await s.gql(CHANGE, { c: r.data.createUser.temporaryPassword, n: 'Twelve-chars' }, token);
    expect(ok.data).toEqual({ changePassword: true });
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const users = await userCount();
    const audits = await auditCount();
    const unit = await unitId('海拉尔区松风小学');
    const neighbourUnit = await unitId('松林第二中学');
    const cases: [Record<string, unknown>, string, string, string | undefined][] = [
      [{ username: 'ab', displayName: 'x', role: 'VIEWER' }, 'BAD_USER_INPUT', 'username', 'INVALID_USERNAME'],
      [{ username: 'has space', displayName: 'x', role: 'VIEWER' }, 'BAD_USER_INPUT', 'username', 'INVALID_USERNAME'],
      [{ username: 'Unit1', displayName: 'x', role: 'VIEWER' }, 'BAD_USER_INPUT', 'username', 'DUPLICATE'],
      [{ username: 'new-viewer', displayName: '', role: 'VIEWER' }, 'BAD_USER_INPUT', 'displayName', 'REQUIRED'],
      [{ username: 'new-viewer', displayName: 'x', role: 'VIEWER', phone: '12345' }, 'BAD_USER_INPUT', 'phone', 'INVALID_PHONE'],
      [{ username: 'new-liaison', displayName: 'x', role: 'UNIT_ADMIN' }, 'BAD_USER_INPUT', 'unitId', 'REQUIRED'],
      [{ username: 'new-liaison', displayName: 'x', role: 'UNIT_ADMIN', unitId: null }, 'BAD_USER_INPUT', 'unitId', 'REQUIRED'],
      [{ username: 'new-worker', displayName: 'x', role: 'GRID_WORKER', unitId: unit, gridId: await gridId('grid1') }, 'BAD_USER_INPUT', 'unitId', 'NOT_ALLOWED_FOR_ROLE'],
      [{ username: 'new-viewer', displayName: 'x', role: 'VIEWER', gridId: await gridId('grid1') }, 'BAD_USER_INPUT', 'gridId', 'NOT_ALLOWED_FOR_ROLE'],
      [{ username: 'new-liaison', displayName: 'x', role: 'UNIT_ADMIN', unitId: neighbourUnit }, 'NOT_FOUND', '', undefined],
    ];
    for (const [input, code, field, reason] of cases) {
      const r = await create(input);
      expect(codeOf(r), JSON.stringify(input)).toBe(code);
      if (field) expect([fieldOf(r), reasonOf(r)], JSON.stringify(input)).toEqual([field, reason]);
    }
    expect(await userCount()).toBe(users);
    expect(await auditCount()).toBe(audits);
  });
});

describe('the committee changes, disables, enables and resets accounts', () => {
  it('moves a grid worker to another grid: its session ends, the change is audited', async () => {
    const c = await s.as('committee');
    const token = await s.login('grid2');
    const grid2 = await gridId('grid2');
    const grid3 = (await s.sql(`SELECT id FROM grid WHERE name = '第三网格' AND alliance_id = (SELECT alliance_id FROM app_user WHERE username = 'grid2')`))[0].id;
    const r = await c(`mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { role grid { name } phone } }`, {
      id: await userId('grid2'),
      input: { gridId: grid3, phone: '13704705555' },
    });
    expect(r.data.updateUser).toEqual({ role: 'GRID_WORKER', grid: { name: '第三网格' }, phone: '13704705555' });
    expect(codeOf(await s.gql(`{ me { id } }`, {}, token))).toBe('UNAUTHENTICATED');
    const [audit] = await s.sql(`SELECT summary FROM audit_entry WHERE action = 'USER_UPDATE' ORDER BY at DESC LIMIT 1`);
    expect(audit.summary).toEqual({ before: { gridId: grid2, phone: null }, after: { gridId: grid3, phone: '137****5555' } });
  });

  it('changes a role: the old unit goes unless a new one fits the new role', async () => {
    const c = await s.as('committee');
    const created = await create({ username: 'role-change', displayName: '换岗人员', role: 'UNIT_ADMIN', unitId: await unitId('松林医院') });
    const id = created.data.createUser.user.id;
    const bad = await c(`mutation($id: ID!) { updateUser(id: $id, input: { role: GRID_WORKER }) { role } }`, { id });
    expect([codeOf(bad), fieldOf(bad), reasonOf(bad)]).toEqual(['BAD_USER_INPUT', 'gridId', 'REQUIRED']);
    const viewer = await c(`mutation($id: ID!) { updateUser(id: $id, input: { role: VIEWER }) { role unit { name } } }`, { id });
    expect(viewer.data.updateUser).toEqual({ role: 'VIEWER', unit: null });
    const [row] = await s.sql(`SELECT role, unit_id FROM app_user WHERE id = $1`, [id]);
    expect(row).toEqual({ role: 'VIEWER', unit_id: null });
  });

  it('disables with a reason: the account cannot sign in, its history stays; enabling lets it back', async () => {
    const c = await s.as('committee');
    const id = await userId('unit2');
    const token = await s.login('unit2');
    const noReason = await c(`mutation($id: ID!) { disableUser(id: $id, reason: "  ") { status } }`, { id });
    expect([codeOf(noReason), fieldOf(noReason)]).toEqual(['BAD_USER_INPUT', 'reason']);
    expect(codeOf(await s.gql(`{ me { id } }`, {}, token))).toBeUndefined();

    const r = await c(`mutation($id: ID!) { disableUser(id: $id, reason: "调离本单位") { status disabledReason disabledAt } }`, { id });
    expect(r.data.disableUser).toMatchObject({ status: 'DISABLED', disabledReason: '调离本单位', disabledAt: expect.any(String) });
    const refused = await s.gql(`{ me { id } }`, {}, token);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0]!.message).toMatch(/session has ended/);
    const signIn = await s.gql(LOGIN, { u: 'unit2', p: 'demo-password' });
    const wrong = await s.gql(LOGIN, { u: 'unit2', p: 'not-the-password' });
    expect(codeOf(signIn)).toBe('UNAUTHENTICATED');
    expect(signIn.errors![0]!.message).toBe(wrong.errors![0]!.message);
    const [{ n }] = await s.sql(`SELECT count(*)::int AS n FROM need_event WHERE actor_id = $1`, [id]);
    expect(n).toBeGreaterThan(0);
    expect(codeOf(await c(`mutation($id: ID!) { disableUser(id: $id, reason: "again") { status } }`, { id }))).toBe('CONFLICT');

    const back = await c(`mutation($id: ID!) { enableUser(id: $id) { status disabledReason } }`, { id });
    expect(back.data.enableUser).toEqual({ status: 'ACTIVE', disabledReason: null });
    expect((await s.gql(LOGIN, { u: 'unit2', p: 'demo-password' })).data.login.user.username).toBe('unit2');
    const actions = await s.sql(`SELECT action, summary FROM audit_entry WHERE subject_id = $1 AND action IN ('USER_DISABLE','USER_ENABLE') ORDER BY at`, [id]);
    expect(actions).toEqual([
      { action: 'USER_DISABLE', summary: { before: { status: 'ACTIVE' }, after: { status: 'DISABLED' }, reason: '调离本单位' } },
      { action: 'USER_ENABLE', summary: { before: { status: 'DISABLED' }, after: { status: 'ACTIVE' } } },
    ]);
  });

  it('assigns no work to a disabled account', async () => {
    const c = await s.as('committee');
    const [need] = await s.sql(`SELECT n.id FROM need n JOIN app_user u ON u.alliance_id = n.alliance_id WHERE u.username = 'committee' AND n.status = 'PLANNED' LIMIT 1`);
    const r = await c(`mutation($id: ID!, $a: ID!) { assignNeed(id: $id, assigneeId: $a) { status } }`, { id: need.id, a: await userId('unit-left') });
    expect([codeOf(r), fieldOf(r)]).toEqual(['BAD_USER_INPUT', 'assigneeId']);
    expect((await s.sql(`SELECT status, assignee_id FROM need WHERE id = $1`, [need.id]))[0]).toEqual({ status: 'PLANNED', assignee_id: null });
  });

  it('keeps the committee from locking itself out', async () => {
    const c = await s.as('committee');
    const me = await userId('committee');
    expect(codeOf(await c(`mutation($id: ID!) { disableUser(id: $id, reason: "test") { status } }`, { id: me }))).toBe('CONFLICT');
    // committee-two (created above) is the other active committee admin: disable it, then the last one cannot step down.
    await c(`mutation($id: ID!) { disableUser(id: $id, reason: "test") { status } }`, { id: await userId('committee-two') });
    const demote = await c(`mutation($id: ID!) { updateUser(id: $id, input: { role: VIEWER }) { role } }`, { id: me });
    expect(codeOf(demote)).toBe('CONFLICT');
    expect((await s.sql(`SELECT role FROM app_user WHERE id = $1`, [me]))[0].role).toBe('COMMITTEE_ADMIN');
  });

  it('resets a password: a new temporary one, the old password and sessions end', async () => {
    const c = await s.as('committee');
    const token = await s.login('viewer');
    const r = await c(`mutation($id: ID!) { resetUserPassword(id: $id) }`, { id: await userId('viewer') });
    expect(r.data.resetUserPassword).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(codeOf(await s.gql(`{ me { id } }`, {}, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await s.gql(LOGIN, { u: 'viewer', p: 'demo-password' }))).toBe('UNAUTHENTICATED');
    const again = await s.gql(LOGIN, { u: 'viewer', p: r.data.resetUserPassword });
    expect(again.data.login.user.mustChangePassword).toBe(true);
    const [audit] = await s.sql(`SELECT summary FROM audit_entry WHERE action = 'USER_RESET_PASSWORD' ORDER BY at DESC LIMIT 1`);
    expect(JSON.stringify(audit.summary)).not.toContain(r.data.resetUserPassword);
  });

  it('manages only its own alliance', async () => {
    const neighbour = await s.as('n-committee');
    const id = await userId('grid1');
    for (const doc of [
      `mutation($id: ID!) { disableUser(id: $id, reason: "x") { id } }`,
      `mutation($id: ID!) { enableUser(id: $id) { id } }`,
      `mutation($id: ID!) { resetUserPassword(id: $id) }`,
      `mutation($id: ID!) { updateUser(id: $id, input: { displayName: "x" }) { id } }`,
    ]) {
      expect(codeOf(await neighbour(doc, { id })), doc).toBe('NOT_FOUND');
    }
    expect((await s.sql(`SELECT status, display_name FROM app_user WHERE id = $1`, [id]))[0]).toEqual({ status: 'ACTIVE', display_name: '张建国（第一网格）' });
  });

  it('lets every role change its own password, and no other role manage accounts', async () => {
    for (const who of ['unit1', 'grid1']) {
      const token = await s.login(who);
      const r = await s.gql(CHANGE, { c: 'demo-password', n: `${who}-new-passphrase` }, token);
      expect(r.data, who).toEqual({ changePassword: true });
      const id = await userId(who);
      for (const doc of [
        `mutation { createUser(input: { username: "sneaky", displayName: "x", role: COMMITTEE_ADMIN }) { temporaryPassword } }`,
        `mutation($id: ID!) { resetUserPassword(id: $id) }`,
        `mutation($id: ID!) { updateUser(id: $id, input: { role: COMMITTEE_ADMIN }) { id } }`,
        `mutation($id: ID!) { enableUser(id: $id) { id } }`,
        `{ auditLog { totalCount } }`,
      ]) {
        const fresh = (await s.gql(LOGIN, { u: who, p: `${who}-new-passphrase` })).data.login.token;
        expect(codeOf(await s.gql(doc, { id }, fresh)), `${who} ${doc}`).toBe('FORBIDDEN');
      }
      expect((await s.sql(`SELECT role FROM app_user WHERE id = $1`, [id]))[0].role).not.toBe('COMMITTEE_ADMIN');
    }
    expect(await s.sql(`SELECT 1 FROM app_user WHERE username = 'sneaky'`)).toEqual([]);
  });
});

describe('audit log', () => {
  it('shows the committee its alliance entries, filtered and paged, newest first', async () => {
    const c = await s.as('committee');
    const all = await c(`{ auditLog(first: 3) { totalCount nodes { at action actorName actor { username } } pageInfo { hasNextPage endCursor } } }`);
    expect(all.data.auditLog.totalCount).toBeGreaterThan(10);
    const ats = all.data.auditLog.nodes.map((n: { at: string }) => n.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const next = await c(`query($a: String) { auditLog(first: 3, after: $a) { nodes { at } } }`, { a: all.data.auditLog.pageInfo.endCursor });
    expect(next.data.auditLog.nodes[0].at <= ats[2]).toBe(true);

    const created = await c(`{ auditLog(filter: { action: [USER_CREATE] }) { totalCount nodes { action subjectType actor { username } summary } } }`);
    expect(created.data.auditLog.nodes.every((n: { action: string }) => n.action === 'USER_CREATE')).toBe(true);
    expect(created.data.auditLog.nodes.map((n: { summary: { after: { username: string } } }) => n.summary.after.username)).toContain('liaison.lin');
    const byActor = await c(`query($id: ID) { auditLog(filter: { actorId: $id, action: [SIGN_IN] }) { nodes { actor { username } } } }`, { id: await userId('viewer') });
    expect(byActor.data.auditLog.nodes.length).toBeGreaterThan(0);
    expect(new Set(byActor.data.auditLog.nodes.map((n: { actor: { username: string } }) => n.actor.username))).toEqual(new Set(['viewer']));
    const past = await c(`{ auditLog(filter: { from: "2020-01-01", to: "2020-12-31" }) { totalCount } }`);
    expect(past.data.auditLog.totalCount).toBe(0);
    const badRange = await c(`{ auditLog(filter: { from: "2026-02-01", to: "2026-01-01" }) { totalCount } }`);
    expect([codeOf(badRange), fieldOf(badRange)]).toEqual(['BAD_USER_INPUT', 'to']);

    const neighbour = await s.as('n-committee');
    const theirs = await neighbour(`{ auditLog(filter: { action: [USER_CREATE] }) { totalCount } }`);
    expect(theirs.data.auditLog.totalCount).toBe(0);
  });

  it('is append-only in the database', async () => {
    const [row] = await s.sql(`SELECT id FROM audit_entry LIMIT 1`);
    await expect(s.sql(`UPDATE audit_entry SET action = 'SIGN_IN' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(s.sql(`DELETE FROM audit_entry WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
  });
});
