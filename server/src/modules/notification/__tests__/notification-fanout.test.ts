import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type TestServer } from '../../../testing/test-server.js';
import { M, MV, driveTo, ok, world, type World } from '../../need/__tests__/need-helpers.js';
import { CANCEL, SIGN_UP, WITHDRAW, openActivity } from '../../activity/__tests__/helpers.js';

/** docs/adoption.md "Notifications": who is told of which event, in the event's transaction. */

let s: TestServer;
let w: World;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
  await s.sql(`UPDATE alliance SET max_open_claims = 100`);
});
afterAll(() => s?.close());

/** Who got a notification of this kind about this thing, by username. */
async function told(subjectId: string, kind?: string): Promise<string[]> {
  const rows = await s.sql<{ username: string }>(
    `SELECT u.username FROM notification n JOIN app_user u ON u.id = n.recipient_id
      WHERE n.subject_id = $1 AND ($2::text IS NULL OR n.kind = $2) ORDER BY u.username`,
    [subjectId, kind ?? null],
  );
  return rows.map((r) => r.username);
}

async function liaisonsOf(unitId: string): Promise<string[]> {
  const rows = await s.sql<{ username: string }>(
    `SELECT username FROM app_user WHERE role = 'UNIT_ADMIN' AND unit_id = $1 AND status = 'ACTIVE' ORDER BY username`,
    [unitId],
  );
  return rows.map((r) => r.username);
}

const INBOX = `query($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } nodes { id kind subjectType subjectId params createdAt readAt } } }`;
const COUNT = `{ unreadNotificationCount }`;
const MARK = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;

describe('needs', () => {
  it('assigned: the assignee and the delivering units\' liaisons, not the committee who acted, nor a disabled liaison, nor another alliance', async () => {
    const need = await driveTo(w, 'IN_PROGRESS', { claimers: [w.unit1] });
    const delivering = (await s.sql(`SELECT unit_id FROM need_delivery WHERE need_id = $1`, [need.id])).map((r) => r.unit_id as string);
    expect(delivering).toContain(w.unitId.unit1);
    const liaisons = (await Promise.all(delivering.map(liaisonsOf))).flat();
    expect(liaisons).toContain('unit1');
    // unit-left is unit1's unit's disabled liaison.
    expect(liaisons).not.toContain('unit-left');
    expect(await told(need.id, 'NEED_ASSIGNED')).toEqual(['grid1', ...liaisons].sort());
    const [row] = await s.sql(`SELECT params, subject_type, alliance_id FROM notification WHERE subject_id = $1 AND kind = 'NEED_ASSIGNED' LIMIT 1`, [need.id]);
    expect(row.subject_type).toBe('NEED');
    expect(row.params.title).toBe(need.title);
    // Whom it was assigned to: the liaisons' admin says their unit takes part, not that it is theirs.
    expect(row.params.assigneeId).toBe(w.userId.grid1);
    const [{ alliance_id }] = await s.sql(`SELECT alliance_id FROM need WHERE id = $1`, [need.id]);
    expect(row.alliance_id).toBe(alliance_id);

    const inbox = ok(await w.grid1(INBOX, { first: 5 })).notifications;
    expect(inbox.nodes[0]).toMatchObject({ kind: 'NEED_ASSIGNED', subjectType: 'NEED', subjectId: need.id, readAt: null, params: { title: need.title } });
  });

  it('a refused assignment (stale version, wrong role) tells nobody', async () => {
    const need = await driveTo(w, 'PLANNED');
    expect(codeOf(await w.committee(MV.assign, { id: need.id, assigneeId: w.userId.grid1, version: need.version - 1 }))).toBe('CONFLICT');
    expect(codeOf(await w.unit1(MV.assign, { id: need.id, assigneeId: w.userId.grid1, version: need.version }))).toBe('FORBIDDEN');
    expect(await told(need.id)).toEqual([]);
  });

  it('reassigned: the new assignee; reopened by a bad follow-up: the assignee and the committee (not the one who followed up)', async () => {
    const need = await driveTo(w, 'IN_PROGRESS');
    const moved = ok(await w.committee(M.reassign, { id: need.id, version: need.version, assigneeId: w.userId.grid2, reason: '网格调整' })).reassignNeed;
    const delivering = (await s.sql(`SELECT unit_id FROM need_delivery WHERE need_id = $1`, [need.id])).map((r) => r.unit_id as string);
    const liaisons = (await Promise.all(delivering.map(liaisonsOf))).flat();
    expect(await told(need.id, 'NEED_REASSIGNED')).toEqual(['grid2', ...liaisons].sort());
    const resolved = ok(await w.grid2(M.resolve, { id: moved.id, resolution: '已处理' })).resolveNeed;
    ok(await w.committee(M.followUp, { id: resolved.id, satisfaction: 1, comment: '还是不亮' }));
    expect(await told(need.id, 'NEED_REOPENED')).toEqual(['grid2']);
    const [{ params }] = await s.sql(`SELECT params FROM notification WHERE subject_id = $1 AND kind = 'NEED_REOPENED'`, [need.id]);
    expect(params.satisfaction).toBe(1);
  });
});

describe('shelf projects', () => {
  it('approved and rejected: the unit\'s liaisons', async () => {
    const CREATE = `mutation($input: ShelfProjectInput!) { createShelfProject(input: $input) { id } }`;
    const input = (title: string) => ({ title, description: '每周三下午为老人量血压', categoryCode: 'LIVELIHOOD_SECURITY', capacityPerMonth: 4, tags: [], unitId: w.unitId.unit1 });
    const a = ok(await w.unit1(CREATE, { input: input('健康义诊（通知测试一）') })).createShelfProject;
    const b = ok(await w.unit1(CREATE, { input: input('健康义诊（通知测试二）') })).createShelfProject;
    for (const p of [a, b]) ok(await w.unit1(`mutation($id: ID!) { submitShelfProject(id: $id) { id } }`, { id: p.id }));
    const REVIEW = `mutation($id: ID!, $approve: Boolean!, $comment: String) { reviewShelfProject(id: $id, approve: $approve, comment: $comment) { status } }`;
    // A rejection without its comment is refused, and tells nobody.
    expect(codeOf(await w.committee(REVIEW, { id: b.id, approve: false }))).toBe('BAD_USER_INPUT');
    expect(await told(b.id)).toEqual([]);
    ok(await w.committee(REVIEW, { id: a.id, approve: true }));
    ok(await w.committee(REVIEW, { id: b.id, approve: false, comment: '内容与已有项目重复' }));
    const liaisons = await liaisonsOf(w.unitId.unit1);
    expect(await told(a.id)).toEqual(liaisons);
    expect(await told(a.id, 'PROJECT_APPROVED')).toEqual(liaisons);
    expect(await told(b.id, 'PROJECT_REJECTED')).toEqual(liaisons);
    const [{ params }] = await s.sql(`SELECT params FROM notification WHERE subject_id = $1`, [b.id]);
    expect(params).toEqual({ title: '健康义诊（通知测试二）', reason: '内容与已有项目重复' });
  });
});

describe('activities', () => {
  it('promoted from the waitlist and cancelled: the units\' liaisons', async () => {
    const a = await openActivity(w.committee, { maxUnits: 1 });
    const first = ok(await w.committee(SIGN_UP, { activityId: a.id, headcount: 3, unitId: w.unitId.unit1 })).signUpForActivity;
    ok(await w.committee(SIGN_UP, { activityId: a.id, headcount: 3, unitId: w.unitId.unit2 }));
    const l1 = await liaisonsOf(w.unitId.unit1);
    const l2 = await liaisonsOf(w.unitId.unit2);
    expect(await told(a.id, 'SIGNUP_CONFIRMED')).toEqual(l1);
    expect(await told(a.id, 'SIGNUP_WAITLISTED')).toEqual(l2);
    ok(await w.committee(WITHDRAW, { id: first.id }));
    expect(await told(a.id, 'SIGNUP_PROMOTED')).toEqual(l2);
    ok(await w.committee(CANCEL, { id: a.id, reason: '暴雨预警' }));
    // unit1 withdrew before: only unit2's sign-up was ended by the cancellation.
    expect(await told(a.id, 'ACTIVITY_CANCELLED')).toEqual(l2);
  });
});

describe('accounts', () => {
  it('a new account and a password reset tell the account\'s owner', async () => {
    const created = ok(
      await w.committee(`mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
        input: { username: 'notice-new', displayName: '新联络员', role: 'VIEWER' },
      }),
    ).createUser.user;
    expect(await told(created.id, 'ACCOUNT_CREATED')).toEqual(['notice-new']);
    ok(await w.committee(`mutation($id: ID!) { resetUserPassword(id: $id) }`, { id: created.id }));
    expect(await told(created.id, 'ACCOUNT_PASSWORD_RESET')).toEqual(['notice-new']);
  });
});

describe('the inbox', () => {
  it('pages newest first, counts the unread, and marks only one\'s own read', async () => {
    const needs = [];
    for (let i = 0; i < 3; i++) needs.push(await driveTo(w, 'IN_PROGRESS', { assignee: { client: w.grid2, id: w.userId.grid2 } }));
    const all = ok(await w.grid2(INBOX, { first: 100 })).notifications;
    const unread = ok(await w.grid2(COUNT)).unreadNotificationCount;
    expect(unread).toBe(all.nodes.filter((n: { readAt: string | null }) => !n.readAt).length);
    expect(unread).toBeGreaterThanOrEqual(3);
    // Newest first: the last assignment leads.
    expect(all.nodes.slice(0, 3).map((n: { subjectId: string }) => n.subjectId)).toEqual(needs.map((n) => n.id).reverse());

    const p1 = ok(await w.grid2(INBOX, { first: 2 })).notifications;
    const p2 = ok(await w.grid2(INBOX, { first: 2, after: p1.pageInfo.endCursor })).notifications;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    expect([...p1.nodes, ...p2.nodes].map((n: { id: string }) => n.id)).toEqual(all.nodes.slice(0, 4).map((n: { id: string }) => n.id));
    expect(p1.totalCount).toBe(all.totalCount);

    // Someone else's ids change nothing; one's own do.
    const grid1Own = ok(await w.grid1(INBOX, { first: 1 })).notifications.nodes[0];
    const mine = all.nodes[0].id;
    expect(ok(await w.grid2(MARK, { ids: [grid1Own.id] })).markNotificationsRead).toBe(0);
    expect(ok(await w.grid1(INBOX, { first: 1 })).notifications.nodes[0].readAt).toBeNull();
    expect(ok(await w.grid2(MARK, { ids: [mine] })).markNotificationsRead).toBe(1);
    expect(ok(await w.grid2(COUNT)).unreadNotificationCount).toBe(unread - 1);
    const onlyUnread = ok(await w.grid2(INBOX, { unreadOnly: true, first: 100 })).notifications;
    expect(onlyUnread.totalCount).toBe(unread - 1);
    expect(onlyUnread.nodes.map((n: { id: string }) => n.id)).not.toContain(mine);
    // Another alliance's committee sees none of it.
    expect(ok(await w.nCommittee(INBOX, { first: 100 })).notifications.nodes.map((n: { id: string }) => n.id)).not.toContain(mine);
    // All: null ids.
    expect(ok(await w.grid2(MARK, { ids: null })).markNotificationsRead).toBe(unread - 1);
    expect(ok(await w.grid2(COUNT)).unreadNotificationCount).toBe(0);
    expect(ok(await w.grid1(COUNT)).unreadNotificationCount).toBeGreaterThan(0);
  });

  it('bad ids are BAD_USER_INPUT naming ids; anonymous callers are refused', async () => {
    const r = await w.grid2(MARK, { ids: ['nope'] });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe('ids');
    expect(codeOf(await s.gql(COUNT))).toBe('UNAUTHENTICATED');
  });
});
