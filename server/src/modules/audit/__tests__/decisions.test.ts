import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLIANCE_TIME_ZONE } from '@alliance/shared';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';
import { CANCEL, COMPLETE, OUTCOME, PUBLISH, SIGN_UP, START, createActivity, timeHasCome } from '../../activity/__tests__/helpers.js';
import { M, ok, reportInput, world, type World } from '../../need/__tests__/need-helpers.js';

/**
 * Issue 9, Audit log: every committee decision (shelf review, the needs loop,
 * activities, points) writes one audit entry in the transaction that makes
 * the change, and a refused decision writes none.
 */

let s: TestServer;
let w: World;
let names: Record<'committee' | 'grid1', string>;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
  const rows = await s.sql(`SELECT username, display_name FROM app_user WHERE username IN ('committee', 'grid1')`);
  names = Object.fromEntries(rows.map((r: { username: string; display_name: string }) => [r.username, r.display_name])) as typeof names;
});
afterAll(() => s?.close());

interface AuditRow {
  action: string;
  subject_type: string;
  subject_id: string;
  actor_id: string | null;
  actor_name: string | null;
  client_address: string | null;
  summary: Record<string, any>;
}

/** The audit rows about one record, in the order written (one transaction's rows share `at`: then by action). */
async function auditOf(subjectId: string): Promise<AuditRow[]> {
  return s.sql(
    `SELECT action, subject_type, subject_id, actor_id, actor_name, client_address, summary
       FROM audit_entry WHERE subject_id = $1 ORDER BY at, action`,
    [subjectId],
  );
}

/** Every audit row but sign-ins (a test may sign someone in). */
async function decisionRows(): Promise<number> {
  const [{ n }] = await s.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE action NOT IN ('SIGN_IN', 'SIGN_IN_FAILED')`);
  return n;
}

/** Asserts the one new audit row of a subject: written by `actor` from this test's address. */
async function lastEntry(subjectId: string, action: string, actor: 'committee' | 'grid1' = 'committee'): Promise<AuditRow> {
  const rows = (await auditOf(subjectId)).filter((r) => r.action === action);
  expect(rows, action).toHaveLength(1);
  const row = rows[0]!;
  expect(row.actor_id).toBe(w.userId[actor]);
  expect(row.actor_name).toBe(names[actor]);
  expect(row.client_address).toMatch(/127\.0\.0\.1/);
  return row;
}

/** A refused decision: the expected error code, and no audit row written anywhere. */
async function refused(code: string, run: () => Promise<GqlResult>) {
  const before = await decisionRows();
  const r = await run();
  expect(codeOf(r), JSON.stringify(r.errors)).toBe(code);
  expect(await decisionRows()).toBe(before);
}

/** While it exists, the database refuses to write audit entries of this action (to show the change shares their transaction). */
async function withAuditRefused(action: string, run: () => Promise<void>) {
  await s.sql(`
    CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.action = '${action}' THEN RAISE EXCEPTION 'audit refused by the test'; END IF;
      RETURN NEW;
    END $$`);
  await s.sql(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()`);
  try {
    await run();
  } finally {
    await s.sql(`DROP TRIGGER test_refuse_audit ON audit_entry`);
    await s.sql(`DROP FUNCTION test_refuse_audit()`);
  }
}

/**
 * While it exists, PostgreSQL refuses to commit a transaction that updated
 * a row of `table` (a deferred trigger, run at COMMIT): an audit entry
 * written in that transaction goes with it, one written beside it stays.
 */
async function withCommitRefused(table: string, run: () => Promise<void>) {
  await s.sql(`CREATE FUNCTION test_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'commit refused by the test'; END $$`);
  await s.sql(
    `CREATE CONSTRAINT TRIGGER test_refuse_commit AFTER UPDATE ON ${table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_commit()`,
  );
  try {
    await run();
  } finally {
    await s.sql(`DROP TRIGGER test_refuse_commit ON ${table}`);
    await s.sql(`DROP FUNCTION test_refuse_commit()`);
  }
}

const SHELF = {
  create: `mutation($input: ShelfProjectInput!) { createShelfProject(input: $input) { id title } }`,
  submit: `mutation($id: ID!) { submitShelfProject(id: $id) { status } }`,
  review: `mutation($id: ID!, $approve: Boolean!, $comment: String) { reviewShelfProject(id: $id, approve: $approve, comment: $comment) { status } }`,
  takeDown: `mutation($id: ID!, $reason: String!) { takeDownShelfProject(id: $id, reason: $reason) { status } }`,
};

/** A project of unit1, submitted for review through the API. */
async function pendingProject(): Promise<{ id: string; title: string }> {
  const p = ok(
    await w.unit1(SHELF.create, { input: { title: `审计测试项目 ${Math.random()}`, description: '每月一次', categoryCode: 'LIVELIHOOD_SECURITY' } }),
  ).createShelfProject;
  expect(ok(await w.unit1(SHELF.submit, { id: p.id })).submitShelfProject.status).toBe('PENDING_REVIEW');
  return p;
}

const shelfStatus = async (id: string) => (await s.sql(`SELECT status FROM shelf_project WHERE id = $1`, [id]))[0].status;

describe('shelf review', () => {
  it('approve, reject and take down each write one entry with the status before and after and the comment or reason', async () => {
    const a = await pendingProject();
    ok(await w.committee(SHELF.review, { id: a.id, approve: true, comment: '  内容完整  ' }));
    const approved = await lastEntry(a.id, 'SHELF_APPROVE');
    expect(approved.subject_type).toBe('SHELF_PROJECT');
    expect(approved.summary).toEqual({ title: a.title, before: { status: 'PENDING_REVIEW' }, after: { status: 'ON_SHELF' }, comment: '内容完整' });

    ok(await w.committee(SHELF.takeDown, { id: a.id, reason: '冬季暂停' }));
    expect((await lastEntry(a.id, 'SHELF_TAKE_DOWN')).summary).toEqual({
      title: a.title,
      before: { status: 'ON_SHELF' },
      after: { status: 'OFF_SHELF' },
      reason: '冬季暂停',
    });

    const r = await pendingProject();
    ok(await w.committee(SHELF.review, { id: r.id, approve: false, comment: '请补充服务时间' }));
    expect((await lastEntry(r.id, 'SHELF_REJECT')).summary).toEqual({
      title: r.title,
      before: { status: 'PENDING_REVIEW' },
      after: { status: 'REJECTED' },
      comment: '请补充服务时间',
    });
    // The unit's own steps (create, submit) are not committee decisions.
    expect((await auditOf(a.id)).map((e) => e.action)).toEqual(['SHELF_APPROVE', 'SHELF_TAKE_DOWN']);
    expect((await auditOf(r.id)).map((e) => e.action)).toEqual(['SHELF_REJECT']);
  });

  it('a refused review writes nothing', async () => {
    const p = await pendingProject();
    await refused('FORBIDDEN', () => w.unit1(SHELF.review, { id: p.id, approve: true }));
    await refused('FORBIDDEN', () => w.viewer(SHELF.takeDown, { id: w.onShelf[0]!.id, reason: '冬季暂停' }));
    await refused('BAD_USER_INPUT', () => w.committee(SHELF.review, { id: p.id, approve: false, comment: '   ' }));
    await refused('NOT_FOUND', () => w.nCommittee(SHELF.review, { id: p.id, approve: true }));
    ok(await w.committee(SHELF.review, { id: p.id, approve: true }));
    await refused('CONFLICT', () => w.committee(SHELF.review, { id: p.id, approve: true }));
    await refused('BAD_USER_INPUT', () => w.committee(SHELF.takeDown, { id: p.id, reason: '' }));
    expect((await auditOf(p.id)).map((e) => e.action)).toEqual(['SHELF_APPROVE']);
  });

  it('the entry shares the transaction of the change: when it cannot be written, the approval is undone', async () => {
    const p = await pendingProject();
    await withAuditRefused('SHELF_APPROVE', async () => {
      const r = await w.committee(SHELF.review, { id: p.id, approve: true });
      expect(codeOf(r)).toBe('INTERNAL_SERVER_ERROR');
    });
    expect(await shelfStatus(p.id)).toBe('PENDING_REVIEW');
    expect(await auditOf(p.id)).toEqual([]);
    // And when the change cannot commit, neither does its entry.
    for (const [variables, status] of [
      [{ id: p.id, approve: false, comment: '请补充' }, 'PENDING_REVIEW'],
      [{ id: w.onShelf[2]!.id, reason: '冬季暂停' }, 'ON_SHELF'],
    ] as const) {
      await withCommitRefused('shelf_project', async () => {
        const r = await w.committee('reason' in variables ? SHELF.takeDown : SHELF.review, variables);
        expect(codeOf(r)).toBe('INTERNAL_SERVER_ERROR');
      });
      expect(await shelfStatus(variables.id)).toBe(status);
      expect(await auditOf(variables.id)).toEqual([]);
    }
  });
});

/** A need's row, its audit entries and its points. */
async function snapshotOf(id: string) {
  const [row] = await s.sql(
    `SELECT n.status, n.plan, n.assignee_id,
            (SELECT count(*)::int FROM audit_entry a WHERE a.subject_id = n.id::text) AS audited,
            (SELECT count(*)::int FROM points_entry p WHERE p.source_id = n.id) AS points
       FROM need n WHERE n.id = $1`,
    [id],
  );
  return row;
}

const needRow = async (id: string) => (await s.sql(`SELECT status, plan, due_at, assignee_id FROM need WHERE id = $1`, [id]))[0];

describe('the needs loop', () => {
  it('accept, order, plan, assign and follow-up each write one entry; resolving and following up with 5 credit points', async () => {
    const need = ok(await w.committee(M.report, { input: reportInput(w) })).reportNeed;
    const title = need.title as string;
    expect(await auditOf(need.id)).toEqual([]); // reporting is not a decision

    ok(await w.committee(M.screen, { id: need.id, accept: true }));
    const accepted = await lastEntry(need.id, 'NEED_ACCEPT');
    expect(accepted.subject_type).toBe('NEED');
    expect(accepted.summary).toEqual({ title, before: { status: 'REPORTED' }, after: { status: 'ACCEPTED' }, comment: null });

    ok(await w.unit2(M.claim, { id: need.id }));
    const projects = [w.onShelf[3]!.id, w.onShelf[1]!.id];
    ok(await w.committee(M.order, { id: need.id, ids: projects, comment: '优先第一个' }));
    const titles = await s.sql(`SELECT id, title FROM shelf_project WHERE id = ANY($1)`, [projects]);
    const titleOf = (id: string) => titles.find((t: { id: string }) => t.id === id).title;
    expect((await lastEntry(need.id, 'NEED_ORDER')).summary).toEqual({
      title,
      before: { status: 'ACCEPTED' },
      after: { status: 'ORDERED' },
      projects: projects.map((id) => ({ id, title: titleOf(id) })),
      comment: '优先第一个',
    });

    const plan = `${'联系供电服务站更换灯具，'.repeat(10)}并张贴通知`; // more than the 80 characters the log keeps
    const dueAt = new Date(Date.UTC(2090, 5, 1, 8)).toISOString();
    ok(await w.committee(M.plan, { id: need.id, plan, dueAt }));
    const planned = (await lastEntry(need.id, 'NEED_PLAN')).summary;
    // Issue 10: the plan names its delivering units; omitted, all the projects' units and the claimer (by name).
    const delivering = await s.sql(
      `SELECT u.id, u.name FROM member_unit u
        WHERE u.id IN (SELECT p.unit_id FROM shelf_project p WHERE p.id = ANY($1)) OR u.id = $2
        ORDER BY u.name, u.id`,
      [projects, w.unitId.unit2],
    );
    expect(planned).toEqual({
      title,
      before: { status: 'ORDERED' },
      after: { status: 'PLANNED', plan: `${Array.from(plan).slice(0, 80).join('')}…`, dueAt, deliveringUnits: delivering },
    });
    expect((await needRow(need.id)).plan).toBe(plan); // the need keeps all of it

    ok(await w.committee(M.assign, { id: need.id, assigneeId: w.userId.grid1 }));
    expect((await lastEntry(need.id, 'NEED_ASSIGN')).summary).toEqual({
      title,
      before: { status: 'PLANNED', assigneeId: null },
      after: { status: 'IN_PROGRESS', assigneeId: w.userId.grid1, assigneeName: names.grid1 },
    });

    // The assignee resolves: not a decision, but the credited units' points are, by the assignee.
    ok(await w.grid1(M.resolve, { id: need.id, resolution: '已更换LED灯具' }));
    const credited = await s.sql(
      `SELECT u.id, u.name FROM member_unit u
        WHERE u.id IN (SELECT p.unit_id FROM shelf_project p WHERE p.id = ANY($1)) OR u.id = $2
        ORDER BY u.name, u.id`,
      [projects, w.unitId.unit2],
    );
    expect(credited.length).toBeGreaterThanOrEqual(2);
    const resolved = await lastEntry(need.id, 'POINTS_AWARD', 'grid1');
    expect(resolved.subject_type).toBe('NEED');
    expect(resolved.summary).toEqual({ source: 'NEED_RESOLVED', pointsEach: 5, total: 5 * credited.length, units: credited });

    // grid1 follows up in its own grid: the decision and the +2 both are grid1's.
    ok(await w.grid1(M.followUp, { id: need.id, satisfaction: 5, comment: '居民很满意' }));
    expect((await lastEntry(need.id, 'NEED_FOLLOW_UP', 'grid1')).summary).toEqual({
      title,
      before: { status: 'RESOLVED' },
      after: { status: 'CLOSED' },
      satisfaction: 5,
      comment: '居民很满意',
    });
    const awards = (await auditOf(need.id)).filter((e) => e.action === 'POINTS_AWARD');
    expect(awards.map((e) => e.summary)).toEqual([
      { source: 'NEED_RESOLVED', pointsEach: 5, total: 5 * credited.length, units: credited },
      { source: 'FOLLOW_UP_SATISFIED', pointsEach: 2, total: 2 * credited.length, units: credited },
    ]);
    expect(awards.map((e) => e.actor_id)).toEqual([w.userId.grid1, w.userId.grid1]);
    // The ledger agrees with the log.
    const [ledger] = await s.sql(`SELECT count(*)::int AS n, sum(points)::int AS points FROM points_entry WHERE source_id = $1`, [need.id]);
    expect(ledger).toEqual({ n: 2 * credited.length, points: 7 * credited.length });

    expect((await auditOf(need.id)).map((e) => e.action).sort()).toEqual(
      ['NEED_ACCEPT', 'NEED_ORDER', 'NEED_PLAN', 'NEED_ASSIGN', 'POINTS_AWARD', 'NEED_FOLLOW_UP', 'POINTS_AWARD'].sort(),
    );
    // No personal phone in any of it.
    expect(JSON.stringify(await auditOf(need.id))).not.toContain(reportInput(w).requesterPhone);
  });

  it('rejection keeps the reason; a reopening follow-up keeps the satisfaction, and the second resolution credits (and logs) nothing', async () => {
    const rejected = ok(await w.committee(M.report, { input: reportInput(w) })).reportNeed;
    ok(await w.committee(M.screen, { id: rejected.id, accept: false, comment: '不属于社区受理范围' }));
    expect((await lastEntry(rejected.id, 'NEED_REJECT')).summary).toEqual({
      title: rejected.title,
      before: { status: 'REPORTED' },
      after: { status: 'REJECTED' },
      reason: '不属于社区受理范围',
    });

    const need = ok(await w.committee(M.report, { input: reportInput(w) })).reportNeed;
    ok(await w.committee(M.screen, { id: need.id, accept: true }));
    ok(await w.unit1(M.claim, { id: need.id }));
    ok(await w.committee(M.order, { id: need.id, ids: [] })); // the claim is enough
    expect((await lastEntry(need.id, 'NEED_ORDER')).summary).toMatchObject({ projects: [], comment: null });
    ok(await w.committee(M.plan, { id: need.id, plan: '更换灯具', dueAt: new Date(Date.UTC(2090, 0, 1)).toISOString() }));
    expect((await lastEntry(need.id, 'NEED_PLAN')).summary.after.plan).toBe('更换灯具');
    ok(await w.committee(M.assign, { id: need.id, assigneeId: w.userId.unit1 }));
    ok(await w.unit1(M.resolve, { id: need.id, resolution: '已处理' }));
    ok(await w.committee(M.followUp, { id: need.id, satisfaction: 2, comment: '灯又坏了' }));
    expect((await lastEntry(need.id, 'NEED_FOLLOW_UP')).summary).toEqual({
      title: need.title,
      before: { status: 'RESOLVED' },
      after: { status: 'IN_PROGRESS' },
      satisfaction: 2,
      comment: '灯又坏了',
    });
    const before = await decisionRows();
    ok(await w.unit1(M.resolve, { id: need.id, resolution: '已再次处理' }));
    expect(await decisionRows()).toBe(before); // the unit was credited for this need already
    const awards = (await auditOf(need.id)).filter((e) => e.action === 'POINTS_AWARD');
    expect(awards.map((e) => e.summary.units.map((u: { id: string }) => u.id))).toEqual([[w.unitId.unit1]]);
  });

  it('a refused step writes nothing', async () => {
    const need = ok(await w.committee(M.report, { input: reportInput(w) })).reportNeed;
    await refused('FORBIDDEN', () => w.viewer(M.screen, { id: need.id, accept: true }));
    await refused('FORBIDDEN', () => w.grid1(M.screen, { id: need.id, accept: true }));
    await refused('BAD_USER_INPUT', () => w.committee(M.screen, { id: need.id, accept: false, comment: ' ' }));
    await refused('NOT_FOUND', () => w.nCommittee(M.screen, { id: need.id, accept: true }));
    await refused('CONFLICT', () => w.committee(M.order, { id: need.id, ids: [w.onShelf[0]!.id] }));
    ok(await w.committee(M.screen, { id: need.id, accept: true }));
    await refused('CONFLICT', () => w.committee(M.screen, { id: need.id, accept: true }));
    await refused('FORBIDDEN', () => w.unit1(M.order, { id: need.id, ids: [w.onShelf[0]!.id] }));
    // Refused inside the transaction, after the need was locked: rolled back with it.
    await refused('BAD_USER_INPUT', () => w.committee(M.order, { id: need.id, ids: [w.offShelf[0]!.id] }));
    await refused('BAD_USER_INPUT', () => w.committee(M.order, { id: need.id, ids: [w.neighbourProject] }));
    await refused('BAD_USER_INPUT', () => w.committee(M.order, { id: need.id, ids: [] }));
    ok(await w.committee(M.order, { id: need.id, ids: [w.onShelf[0]!.id] }));
    await refused('BAD_USER_INPUT', () => w.committee(M.plan, { id: need.id, plan: '  ', dueAt: new Date().toISOString() }));
    ok(await w.committee(M.plan, { id: need.id, plan: '更换灯具', dueAt: new Date(Date.UTC(2090, 0, 1)).toISOString() }));
    await refused('BAD_USER_INPUT', () => w.committee(M.assign, { id: need.id, assigneeId: w.userId.viewer }));
    await refused('BAD_USER_INPUT', () => w.committee(M.assign, { id: need.id, assigneeId: w.userId.nCommittee }));
    await refused('FORBIDDEN', () => w.grid1(M.assign, { id: need.id, assigneeId: w.userId.grid1 }));
    ok(await w.committee(M.assign, { id: need.id, assigneeId: w.userId.grid1 }));
    await refused('FORBIDDEN', () => w.grid2(M.resolve, { id: need.id, resolution: '已处理' }));
    await refused('CONFLICT', () => w.committee(M.followUp, { id: need.id, satisfaction: 5 }));
    ok(await w.grid1(M.resolve, { id: need.id, resolution: '已处理' }));
    await refused('FORBIDDEN', () => w.grid2(M.followUp, { id: need.id, satisfaction: 5 })); // not grid2's grid
    await refused('BAD_USER_INPUT', () => w.committee(M.followUp, { id: need.id, satisfaction: 9 }));
    expect((await auditOf(need.id)).map((e) => e.action).sort()).toEqual(['NEED_ACCEPT', 'NEED_ASSIGN', 'NEED_ORDER', 'NEED_PLAN', 'POINTS_AWARD']);
  });

  it('the entries share the transaction of the change', async () => {
    const need = ok(await w.committee(M.report, { input: reportInput(w) })).reportNeed;
    ok(await w.committee(M.screen, { id: need.id, accept: true }));
    ok(await w.committee(M.order, { id: need.id, ids: [w.onShelf[0]!.id] }));
    await withAuditRefused('NEED_PLAN', async () => {
      expect(codeOf(await w.committee(M.plan, { id: need.id, plan: '更换灯具', dueAt: new Date(Date.UTC(2090, 0, 1)).toISOString() }))).toBe('INTERNAL_SERVER_ERROR');
    });
    expect(await needRow(need.id)).toEqual({ status: 'ORDERED', plan: null, due_at: null, assignee_id: null });
    ok(await w.committee(M.plan, { id: need.id, plan: '更换灯具', dueAt: new Date(Date.UTC(2090, 0, 1)).toISOString() }));
    ok(await w.committee(M.assign, { id: need.id, assigneeId: w.userId.grid1 }));
    // The points' entry too: no entry, no points and no resolution.
    await withAuditRefused('POINTS_AWARD', async () => {
      expect(codeOf(await w.grid1(M.resolve, { id: need.id, resolution: '已处理' }))).toBe('INTERNAL_SERVER_ERROR');
    });
    expect((await needRow(need.id)).status).toBe('IN_PROGRESS');
    expect(await s.sql(`SELECT 1 FROM points_entry WHERE source_id = $1`, [need.id])).toEqual([]);

    // Every step's entries (the decision's, the points') commit with the step or not at all.
    const fresh = ok(await w.committee(M.report, { input: reportInput(w) })).reportNeed;
    const steps: [string, Client, string, Record<string, unknown>][] = [
      ['NEED_ACCEPT', w.committee, M.screen, { accept: true }],
      ['NEED_ORDER', w.committee, M.order, { ids: [w.onShelf[0]!.id] }],
      ['NEED_PLAN', w.committee, M.plan, { plan: '更换灯具', dueAt: new Date(Date.UTC(2090, 0, 1)).toISOString() }],
      ['NEED_ASSIGN', w.committee, M.assign, { assigneeId: w.userId.grid1 }],
      ['POINTS_AWARD', w.grid1, M.resolve, { resolution: '已处理' }],
      ['NEED_FOLLOW_UP', w.grid1, M.followUp, { satisfaction: 5 }],
    ];
    for (const [action, client, doc, variables] of steps) {
      const before = await snapshotOf(fresh.id);
      await withCommitRefused('need', async () => {
        expect(codeOf(await client(doc, { id: fresh.id, ...variables })), action).toBe('INTERNAL_SERVER_ERROR');
      });
      expect(await snapshotOf(fresh.id), action).toEqual(before);
      ok(await client(doc, { id: fresh.id, ...variables }));
      expect((await auditOf(fresh.id)).map((e) => e.action), action).toContain(action);
    }
    expect((await auditOf(fresh.id)).filter((e) => e.action === 'POINTS_AWARD')).toHaveLength(2);
    const rejected = ok(await w.committee(M.report, { input: reportInput(w) })).reportNeed;
    await withCommitRefused('need', async () => {
      expect(codeOf(await w.committee(M.screen, { id: rejected.id, accept: false, comment: '不受理' }))).toBe('INTERNAL_SERVER_ERROR');
    });
    expect(await auditOf(rejected.id)).toEqual([]);
  });
});

const activityStatus = async (id: string) => (await s.sql(`SELECT status FROM activity WHERE id = $1`, [id]))[0].status;

describe('activities', () => {
  it('publish, start, complete (with the outcome figures and the points) and cancel each write one entry', async () => {
    const a = await createActivity(w.committee);
    ok(await w.committee(PUBLISH, { id: a.id }));
    await timeHasCome(s, a.id);
    const published = await lastEntry(a.id, 'ACTIVITY_PUBLISH');
    expect(published.subject_type).toBe('ACTIVITY');
    expect(published.summary).toEqual({ title: a.title, before: { status: 'DRAFT' }, after: { status: 'OPEN' } });

    ok(await w.unit1(SIGN_UP, { activityId: a.id, headcount: 3 }));
    ok(await w.unit2(SIGN_UP, { activityId: a.id, headcount: 2 }));
    ok(await w.committee(START, { id: a.id }));
    expect((await lastEntry(a.id, 'ACTIVITY_START')).summary).toEqual({ title: a.title, before: { status: 'OPEN' }, after: { status: 'ONGOING' } });

    ok(await w.committee(COMPLETE, { id: a.id, outcome: OUTCOME }));
    expect((await lastEntry(a.id, 'ACTIVITY_COMPLETE')).summary).toEqual({
      title: a.title,
      before: { status: 'ONGOING' },
      after: { status: 'COMPLETED' },
      outcome: { participants: OUTCOME.participants, volunteerHours: OUTCOME.volunteerHours, beneficiaries: OUTCOME.beneficiaries },
      confirmedUnits: 2,
    });
    const units = await s.sql(`SELECT id, name FROM member_unit WHERE id = ANY($1) ORDER BY name, id`, [[w.unitId.unit1, w.unitId.unit2]]);
    const award = await lastEntry(a.id, 'POINTS_AWARD');
    expect(award.subject_type).toBe('ACTIVITY');
    expect(award.summary).toEqual({ source: 'ACTIVITY_COMPLETED', pointsEach: 10, total: 20, units });

    const c = await createActivity(w.committee);
    ok(await w.committee(CANCEL, { id: c.id, reason: '  天气原因取消 ' }));
    expect((await lastEntry(c.id, 'ACTIVITY_CANCEL')).summary).toEqual({
      title: c.title,
      before: { status: 'DRAFT' },
      after: { status: 'CANCELLED' },
      reason: '天气原因取消',
    });
  });

  it('completing with no confirmed unit logs the completion and no points', async () => {
    const a = await createActivity(w.committee);
    ok(await w.committee(PUBLISH, { id: a.id }));
    await timeHasCome(s, a.id);
    ok(await w.committee(START, { id: a.id }));
    ok(await w.committee(COMPLETE, { id: a.id, outcome: { ...OUTCOME, volunteerHours: 0.25 } }));
    expect((await lastEntry(a.id, 'ACTIVITY_COMPLETE')).summary).toMatchObject({
      outcome: { participants: OUTCOME.participants, volunteerHours: 0.3, beneficiaries: OUTCOME.beneficiaries },
      confirmedUnits: 0,
    });
    expect((await auditOf(a.id)).map((e) => e.action)).not.toContain('POINTS_AWARD');
  });

  it('a refused transition writes nothing', async () => {
    const a = await createActivity(w.committee);
    await refused('FORBIDDEN', () => w.unit1(PUBLISH, { id: a.id }));
    await refused('FORBIDDEN', () => w.grid1(CANCEL, { id: a.id, reason: '天气' }));
    await refused('NOT_FOUND', () => w.nCommittee(PUBLISH, { id: a.id }));
    await refused('CONFLICT', () => w.committee(START, { id: a.id }));
    await refused('CONFLICT', () => w.committee(COMPLETE, { id: a.id, outcome: OUTCOME }));
    await refused('BAD_USER_INPUT', () => w.committee(CANCEL, { id: a.id, reason: '   ' }));
    ok(await w.committee(PUBLISH, { id: a.id }));
    await timeHasCome(s, a.id);
    ok(await w.unit1(SIGN_UP, { activityId: a.id, headcount: 3 }));
    await refused('CONFLICT', () => w.committee(PUBLISH, { id: a.id }));
    ok(await w.committee(START, { id: a.id }));
    await refused('BAD_USER_INPUT', () => w.committee(COMPLETE, { id: a.id, outcome: { ...OUTCOME, participants: -1 } }));
    await refused('FORBIDDEN', () => w.unit1(COMPLETE, { id: a.id, outcome: OUTCOME }));
    expect((await auditOf(a.id)).map((e) => e.action)).toEqual(['ACTIVITY_PUBLISH', 'ACTIVITY_START']);
    expect(await activityStatus(a.id)).toBe('ONGOING');
  });

  it('the completion, its points and their entries are one transaction', async () => {
    const a = await createActivity(w.committee);
    ok(await w.committee(PUBLISH, { id: a.id }));
    await timeHasCome(s, a.id);
    ok(await w.unit1(SIGN_UP, { activityId: a.id, headcount: 3 }));
    ok(await w.committee(START, { id: a.id }));
    await withAuditRefused('POINTS_AWARD', async () => {
      expect(codeOf(await w.committee(COMPLETE, { id: a.id, outcome: OUTCOME }))).toBe('INTERNAL_SERVER_ERROR');
    });
    expect(await activityStatus(a.id)).toBe('ONGOING');
    expect(await s.sql(`SELECT 1 FROM points_entry WHERE source_id = $1`, [a.id])).toEqual([]);
    expect((await auditOf(a.id)).map((e) => e.action)).toEqual(['ACTIVITY_PUBLISH', 'ACTIVITY_START']);
    await withAuditRefused('ACTIVITY_CANCEL', async () => {
      expect(codeOf(await w.committee(CANCEL, { id: a.id, reason: '天气' }))).toBe('INTERNAL_SERVER_ERROR');
    });
    expect(await activityStatus(a.id)).toBe('ONGOING');

    // When the change cannot commit, none of its entries do.
    const d = await createActivity(w.committee);
    for (const [doc, variables, status] of [
      [PUBLISH, {}, 'DRAFT'],
      [START, {}, 'OPEN'],
      [COMPLETE, { outcome: OUTCOME }, 'ONGOING'],
    ] as const) {
      await withCommitRefused('activity', async () => {
        expect(codeOf(await w.committee(doc, { id: d.id, ...variables }))).toBe('INTERNAL_SERVER_ERROR');
      });
      expect(await activityStatus(d.id)).toBe(status);
      expect(await auditOf(d.id)).toHaveLength(status === 'DRAFT' ? 0 : status === 'OPEN' ? 1 : 2);
      expect(await s.sql(`SELECT 1 FROM points_entry WHERE source_id = $1`, [d.id])).toEqual([]);
      ok(await w.committee(doc, { id: d.id, ...variables }));
      if (doc === PUBLISH) ok(await w.unit2(SIGN_UP, { activityId: d.id, headcount: 1 }));
      if (doc === PUBLISH) await timeHasCome(s, d.id);
    }
    expect((await auditOf(d.id)).map((e) => e.action)).toEqual(['ACTIVITY_PUBLISH', 'ACTIVITY_START', 'ACTIVITY_COMPLETE', 'POINTS_AWARD']);
    const e = await createActivity(w.committee);
    await withCommitRefused('activity', async () => {
      expect(codeOf(await w.committee(CANCEL, { id: e.id, reason: '天气' }))).toBe('INTERNAL_SERVER_ERROR');
    });
    expect(await auditOf(e.id)).toEqual([]);
  });
});

const LOG = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id at action subjectType subjectId actorName actor { id username } summary }
  }
}`;

type Entry = { id: string; at: string; action: string; subjectType: string; subjectId: string; actorName: string; actor: { id: string; username: string } | null; summary: any };

async function log(c: Client, filter: Record<string, unknown> | null, first = 100, after?: string) {
  return ok(await c(LOG, { filter, first, after })).auditLog as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Entry[] };
}

async function allianceOf(username: string): Promise<string> {
  return (await s.sql(`SELECT alliance_id FROM app_user WHERE username = $1`, [username]))[0].alliance_id;
}

describe('auditLog', () => {
  // Decisions of both alliances to read back.
  let project: { id: string; title: string };
  let neighbourNeed: string;
  beforeAll(async () => {
    project = await pendingProject();
    ok(await w.committee(SHELF.review, { id: project.id, approve: true, comment: '通过' }));
    const n = ok(await w.nCommittee(M.report, { input: { ...reportInput(w), gridId: (await s.sql(
      `SELECT id FROM grid WHERE alliance_id = $1 ORDER BY name LIMIT 1`, [await allianceOf('n-committee')]))[0].id } })).reportNeed;
    ok(await w.nCommittee(M.screen, { id: n.id, accept: true }));
    neighbourNeed = n.id;
  });

  it('shows a decision as the SQL row has it, filtered by action', async () => {
    const page = await log(w.committee, { action: ['SHELF_APPROVE', 'SHELF_REJECT'] });
    expect(page.nodes.length).toBeGreaterThan(0);
    expect(new Set(page.nodes.map((n) => n.action))).toEqual(new Set(['SHELF_APPROVE', 'SHELF_REJECT']));
    const [{ n }] = await s.sql(
      `SELECT count(*)::int AS n FROM audit_entry WHERE alliance_id = $1 AND action IN ('SHELF_APPROVE', 'SHELF_REJECT')`,
      [await allianceOf('committee')],
    );
    expect(page.totalCount).toBe(n);
    const entry = page.nodes.find((e) => e.subjectId === project.id)!;
    expect(entry).toMatchObject({
      action: 'SHELF_APPROVE',
      subjectType: 'SHELF_PROJECT',
      actorName: names.committee,
      actor: { id: w.userId.committee, username: 'committee' },
      summary: { title: project.title, before: { status: 'PENDING_REVIEW' }, after: { status: 'ON_SHELF' }, comment: '通过' },
    });
    const one = await log(w.committee, { subjectType: 'SHELF_PROJECT', subjectId: project.id });
    expect(one.nodes.map((e) => e.action)).toEqual(['SHELF_APPROVE']);
  });

  it('filters by actor', async () => {
    const mine = await log(w.committee, { actorId: w.userId.grid1 });
    expect(mine.nodes.length).toBeGreaterThan(0);
    expect(new Set(mine.nodes.map((e) => e.actor?.username))).toEqual(new Set(['grid1']));
    expect(new Set(mine.nodes.map((e) => e.action))).toEqual(new Set(['SIGN_IN', 'NEED_FOLLOW_UP', 'POINTS_AWARD']));
    const [{ n }] = await s.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE actor_id = $1`, [w.userId.grid1]);
    expect(mine.totalCount).toBe(n);
    const followUps = await log(w.committee, { actorId: w.userId.grid1, action: ['NEED_FOLLOW_UP'] });
    const expected = await s.sql(
      `SELECT id, summary FROM audit_entry WHERE actor_id = $1 AND action = 'NEED_FOLLOW_UP' ORDER BY at DESC, id DESC`,
      [w.userId.grid1],
    );
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(followUps.nodes.map((e) => ({ id: e.id, summary: e.summary }))).toEqual(expected);
  });

  it('filters by day in the alliance time zone', async () => {
    // The alliance's day of the approval (whatever the server's time zone), the day before and the day after.
    const [{ day, before, after }] = await s.sql(
      `SELECT d::text AS day, (d - 1)::text AS before, (d + 1)::text AS after
         FROM (SELECT (at AT TIME ZONE $1)::date AS d FROM audit_entry WHERE subject_id = $2 AND action = 'SHELF_APPROVE') x`,
      [ALLIANCE_TIME_ZONE, project.id],
    );
    const approvals = async (where: string, param: string) =>
      (await s.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'SHELF_APPROVE' AND alliance_id = $1 AND (at AT TIME ZONE $2)::date ${where} $3::date`, [
        await allianceOf('committee'),
        ALLIANCE_TIME_ZONE,
        param,
      ]))[0].n;
    const onDay = await log(w.committee, { from: day, to: day, action: ['SHELF_APPROVE'] });
    expect(onDay.nodes.map((e) => e.subjectId)).toContain(project.id);
    expect(onDay.totalCount).toBe(await approvals('=', day));
    const later = await log(w.committee, { from: after, action: ['SHELF_APPROVE'] });
    expect(later.nodes.map((e) => e.subjectId)).not.toContain(project.id);
    expect(later.totalCount).toBe(await approvals('>=', after));
    const earlier = await log(w.committee, { to: before, action: ['SHELF_APPROVE'] });
    expect(earlier.nodes.map((e) => e.subjectId)).not.toContain(project.id);
    expect(earlier.totalCount).toBe(await approvals('<=', before));

    // Two decisions of a past day, either side of Shanghai's midnight (16:00 UTC).
    const allianceId = await allianceOf('committee');
    await s.sql(
      `INSERT INTO audit_entry (alliance_id, at, actor_id, action, subject_type, subject_id, summary)
       VALUES ($1, '2025-03-10T15:59:00Z', $2, 'NEED_ACCEPT', 'NEED', 'day-10', '{}'),
              ($1, '2025-03-10T16:01:00Z', $2, 'NEED_ACCEPT', 'NEED', 'day-11', '{}')`,
      [allianceId, w.userId.committee],
    );
    const subjectsOn = async (d: string) => (await log(w.committee, { from: d, to: d })).nodes.map((e) => e.subjectId);
    expect(await subjectsOn('2025-03-10')).toEqual(['day-10']);
    expect(await subjectsOn('2025-03-11')).toEqual(['day-11']);
    expect((await log(w.committee, { from: '2025-03-10', to: '2025-03-11' })).nodes.map((e) => e.subjectId)).toEqual(['day-11', 'day-10']);
  });

  it('pages with first/after, newest first, without gaps or repeats', async () => {
    const filter = { action: ['NEED_ACCEPT', 'NEED_REJECT', 'NEED_ORDER', 'NEED_PLAN', 'NEED_ASSIGN', 'NEED_FOLLOW_UP', 'POINTS_AWARD'] };
    const expected: { id: string }[] = await s.sql(
      `SELECT id FROM audit_entry WHERE alliance_id = $1 AND action = ANY($2) ORDER BY at DESC, id DESC`,
      [await allianceOf('committee'), filter.action],
    );
    expect(expected.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await log(w.committee, filter, 3, after);
      expect(page.totalCount).toBe(expected.length);
      expect(page.nodes.length).toBeLessThanOrEqual(3);
      seen.push(...page.nodes.map((e) => e.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(expected.map((e) => e.id));
  });

  it('is the committee admin only', async () => {
    for (const c of [w.unit1, w.grid1, w.viewer]) expect(codeOf(await c(LOG, {}))).toBe('FORBIDDEN');
    expect(codeOf(await s.gql(LOG, {}))).toBe('UNAUTHENTICATED');
  });

  it("never shows another alliance's entries", async () => {
    const theirs = await log(w.nCommittee, null);
    expect(theirs.nodes.length).toBeGreaterThan(0);
    expect(theirs.nodes.map((e) => e.subjectId)).toContain(neighbourNeed);
    const [{ n }] = await s.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE alliance_id = $1`, [await allianceOf('n-committee')]);
    expect(theirs.totalCount).toBe(n);
    const ours: { id: string }[] = await s.sql(`SELECT id FROM audit_entry WHERE alliance_id = $1`, [await allianceOf('committee')]);
    const ourIds = new Set(ours.map((r) => r.id));
    expect(theirs.nodes.filter((e) => ourIds.has(e.id))).toEqual([]);
    // Not even when asked for by actor or subject.
    expect((await log(w.nCommittee, { actorId: w.userId.committee })).totalCount).toBe(0);
    expect((await log(w.nCommittee, { subjectType: 'SHELF_PROJECT', subjectId: project.id })).totalCount).toBe(0);
    // Nor ours theirs.
    expect((await log(w.committee, { subjectType: 'NEED', subjectId: neighbourNeed })).totalCount).toBe(0);
    expect((await log(w.committee, { actorId: w.userId.nCommittee })).totalCount).toBe(0);
  });
});

describe('audit_entry in the database', () => {
  it('refuses to change or delete a recent decision', async () => {
    const [row] = await s.sql(`SELECT id, action, summary FROM audit_entry WHERE action = 'SHELF_APPROVE' ORDER BY at DESC LIMIT 1`);
    await expect(s.sql(`UPDATE audit_entry SET summary = '{}' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(s.sql(`UPDATE audit_entry SET at = at - interval '4 years' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(s.sql(`DELETE FROM audit_entry WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(s.sql(`DELETE FROM audit_entry WHERE action = 'SHELF_APPROVE'`)).rejects.toThrow(/append-only/);
    expect((await s.sql(`SELECT id, action, summary FROM audit_entry WHERE id = $1`, [row.id]))[0]).toEqual(row);
  });
});
