import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import {
  ACTIVITY,
  CANCEL,
  COMPLETE,
  CREATE,
  OUTCOME,
  PUBLISH,
  SIGN_UP,
  START,
  activityInput,
  createActivity,
  makeNeeds,
  ok,
  onShelfProjects,
  openActivity,
  timeHasCome,
  userUnit,
} from './helpers.js';

let s: TestServer;
let committee: Client;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
});
afterAll(() => s?.close());

type Status = 'DRAFT' | 'OPEN' | 'ONGOING' | 'COMPLETED' | 'CANCELLED';
type Action = 'publish' | 'start' | 'complete' | 'cancel';

/** docs/domain.md's activity lifecycle, written out here (not read from the shared table) so a wrong table fails. */
const LEGAL: Record<Status, Partial<Record<Action, Status>>> = {
  DRAFT: { publish: 'OPEN', cancel: 'CANCELLED' },
  OPEN: { start: 'ONGOING', cancel: 'CANCELLED' },
  ONGOING: { complete: 'COMPLETED', cancel: 'CANCELLED' },
  COMPLETED: {},
  CANCELLED: {},
};
const ACTIONS: Action[] = ['publish', 'start', 'complete', 'cancel'];

async function activityIn(status: Status, c: Client = committee): Promise<{ id: string; version: number }> {
  const a = await createActivity(c);
  const path: Record<Status, [string, Record<string, unknown>][]> = {
    DRAFT: [],
    OPEN: [[PUBLISH, {}]],
    ONGOING: [[PUBLISH, {}], [START, {}]],
    COMPLETED: [[PUBLISH, {}], [START, {}], [COMPLETE, { outcome: OUTCOME }]],
    CANCELLED: [[CANCEL, { reason: '天气原因取消' }]],
  };
  let current = a;
  for (const [mutation, vars] of path[status]) {
    const data = ok(await c(mutation, { id: a.id, ...vars }));
    current = Object.values(data)[0];
    // Published for a start in the future; then its time comes, so it can be started and completed.
    if (mutation === PUBLISH) await timeHasCome(s, a.id);
  }
  expect(current.status).toBe(status);
  return current;
}

function run(c: Client, action: Action, id: string) {
  switch (action) {
    case 'publish':
      return c(PUBLISH, { id });
    case 'start':
      return c(START, { id });
    case 'complete':
      return c(COMPLETE, { id, outcome: OUTCOME });
    case 'cancel':
      return c(CANCEL, { id, reason: '场地临时占用' });
  }
}

describe('creating an activity', () => {
  it('creates a DRAFT with its fields, no sign-ups and no outcome', async () => {
    const input = activityInput({ title: '  创城创卫清洁日  ', maxUnits: 8 });
    const r = ok(await committee(CREATE, { input })).createActivity;
    expect(r).toMatchObject({
      title: '创城创卫清洁日',
      status: 'DRAFT',
      kind: 'CIVILIZED_CITY',
      maxUnits: 8,
      confirmedCount: 0,
      outcome: null,
      cancelReason: null,
      category: { code: 'ENVIRONMENT_SANITATION' },
      version: 1,
    });
    expect(new Date(r.startsAt).toISOString()).toBe(input.startsAt);
    const [row] = await s.sql(`SELECT status, title FROM activity WHERE id = $1`, [r.id]);
    expect(row).toEqual({ status: 'DRAFT', title: '创城创卫清洁日' });
  });

  it('attaches ON_SHELF projects and needs of the alliance; maxUnits and category may be left out', async () => {
    const projects = await onShelfProjects(s, 2);
    const needs = await makeNeeds(s, 1);
    const a = await createActivity(committee, { shelfProjectIds: projects, needIds: needs, maxUnits: null, categoryCode: null });
    expect(a.maxUnits).toBeNull();
    expect(a.category).toBeNull();
    const r = ok(await committee(`query($id: ID!) { activity(id: $id) { shelfProjects { id } needs { id } } }`, { id: a.id }));
    expect(r.activity.shelfProjects.map((p: { id: string }) => p.id).sort()).toEqual([...projects].sort());
    expect(r.activity.needs.map((n: { id: string }) => n.id)).toEqual(needs);
  });
});

describe('bad input names the field and writes nothing', () => {
  const count = async () => Number((await s.sql(`SELECT count(*) AS n FROM activity`))[0].n);

  it.each([
    ['endsAt', { endsAt: '2090-01-01T00:00:00Z', startsAt: '2090-01-01T02:00:00Z' }],
    ['endsAt', { endsAt: '2090-01-01T00:00:00Z', startsAt: '2090-01-01T00:00:00Z' }],
    ['maxUnits', { maxUnits: 0 }],
    ['maxUnits', { maxUnits: 1001 }],
    ['title', { title: '   ' }],
    ['title', { title: '标'.repeat(101) }],
    ['location', { location: '' }],
    ['description', { description: 'a\u0000b' }],
    ['categoryCode', { categoryCode: 'NO_SUCH_CODE' }],
    ['shelfProjectIds', { shelfProjectIds: ['not-an-id'] }],
    ['needIds', { needIds: ['00000000-0000-4000-8000-000000000000'] }],
  ])('%s: %j', async (field, overrides) => {
    const before = await count();
    const r = await committee(CREATE, { input: activityInput(overrides) });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe(field);
    expect(await count()).toBe(before);
  });

  it('refuses shelf projects that are not ON_SHELF, or of another alliance, and needs of another alliance', async () => {
    const [draft] = await s.sql(`SELECT p.id FROM shelf_project p JOIN app_user u ON u.alliance_id = p.alliance_id
      WHERE u.username = 'committee' AND p.status <> 'ON_SHELF' LIMIT 1`);
    const [foreign] = await s.sql(`SELECT p.id FROM shelf_project p JOIN app_user u ON u.alliance_id = p.alliance_id
      WHERE u.username = 'n-committee' AND p.status = 'ON_SHELF' LIMIT 1`);
    expect(draft && foreign).toBeTruthy();
    const [ownOnShelf] = await onShelfProjects(s, 1);
    const [foreignNeed] = await makeNeeds(s, 1, 'n-committee');
    const before = await count();
    for (const ids of [[draft.id], [ownOnShelf, foreign.id]]) {
      const r = await committee(CREATE, { input: activityInput({ shelfProjectIds: ids }) });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.extensions!.field).toBe('shelfProjectIds');
    }
    const r = await committee(CREATE, { input: activityInput({ needIds: [foreignNeed] }) });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe('needIds');
    expect(await count()).toBe(before);
    expect(await s.sql(`SELECT 1 FROM activity_project WHERE shelf_project_id = ANY($1)`, [[draft.id, foreign.id]])).toEqual([]);
  });

  it.each([
    ['participants', { participants: -1 }],
    ['volunteerHours', { volunteerHours: -0.5 }],
    ['beneficiaries', { beneficiaries: -3 }],
    ['summary', { summary: '  ' }],
  ])('completeActivity %s', async (field, overrides) => {
    const a = await activityIn('ONGOING');
    const r = await committee(COMPLETE, { id: a.id, outcome: { ...OUTCOME, ...overrides } });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe(field);
    const after = ok(await committee(ACTIVITY, { id: a.id })).activity;
    expect(after).toMatchObject({ status: 'ONGOING', version: a.version, outcome: null });
  });

  it('cancelActivity needs a reason; a malformed id is bad input', async () => {
    const a = await activityIn('OPEN');
    const r = await committee(CANCEL, { id: a.id, reason: '   ' });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe('reason');
    expect(ok(await committee(ACTIVITY, { id: a.id })).activity.status).toBe('OPEN');
    const bad = await committee(PUBLISH, { id: 'nope' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.field).toBe('id');
  });
});

describe('the lifecycle: every legal transition, and the illegal ones are CONFLICT with nothing changed', () => {
  for (const from of Object.keys(LEGAL) as Status[]) {
    for (const action of ACTIONS) {
      const to = LEGAL[from][action];
      if (to) {
        it(`${from} --${action}--> ${to}`, async () => {
          const a = await activityIn(from);
          const r = ok(await run(committee, action, a.id));
          const after = Object.values(r)[0] as { status: string; version: number };
          expect(after.status).toBe(to);
          expect(after.version).toBe(a.version + 1);
          const [row] = await s.sql(`SELECT status FROM activity WHERE id = $1`, [a.id]);
          expect(row.status).toBe(to);
        });
      } else {
        it(`${from} --${action}--> CONFLICT`, async () => {
          const a = await activityIn(from);
          const [before] = await s.sql(`SELECT * FROM activity WHERE id = $1`, [a.id]);
          const r = await run(committee, action, a.id);
          expect(codeOf(r)).toBe('CONFLICT');
          const [after] = await s.sql(`SELECT * FROM activity WHERE id = $1`, [a.id]);
          expect(after).toEqual(before);
        });
      }
    }
  }

  it('records the outcome on completion, and only then shows it; keeps the cancel reason', async () => {
    const a = await activityIn('ONGOING');
    expect(ok(await committee(ACTIVITY, { id: a.id })).activity.outcome).toBeNull();
    const done = ok(await run(committee, 'complete', a.id)).completeActivity;
    expect(done.outcome).toEqual(OUTCOME);
    const c = await activityIn('OPEN');
    const cancelled = ok(await committee(CANCEL, { id: c.id, reason: '  天气原因取消 ' })).cancelActivity;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: '天气原因取消', outcome: null });
  });

  it('a cancelled activity with outcome columns set still shows no outcome', async () => {
    const a = await activityIn('CANCELLED');
    await s.sql(`UPDATE activity SET outcome_participants = 1, outcome_volunteer_hours = 1, outcome_beneficiaries = 1, outcome_summary = 'x' WHERE id = $1`, [a.id]);
    expect(ok(await committee(ACTIVITY, { id: a.id })).activity.outcome).toBeNull();
  });
});

describe('roles', () => {
  it.each(['unit1', 'grid1', 'viewer'])('%s may not create, publish, start, complete or cancel', async (username) => {
    const c = await s.as(username);
    const before = await s.sql(`SELECT count(*) AS n FROM activity`);
    const created = await c(CREATE, { input: activityInput() });
    expect(codeOf(created)).toBe('FORBIDDEN');
    expect(await s.sql(`SELECT count(*) AS n FROM activity`)).toEqual(before);
    const targets: [Action, Status][] = [
      ['publish', 'DRAFT'],
      ['start', 'OPEN'],
      ['complete', 'ONGOING'],
      ['cancel', 'OPEN'],
    ];
    for (const [action, status] of targets) {
      const a = await activityIn(status);
      const r = await run(c, action, a.id);
      expect(codeOf(r), `${username} ${action}`).toBe('FORBIDDEN');
      const [row] = await s.sql(`SELECT status, version FROM activity WHERE id = $1`, [a.id]);
      expect(row).toEqual({ status, version: a.version });
    }
  });

  it('every role reads activities', async () => {
    const a = await activityIn('OPEN');
    for (const username of ['committee', 'unit1', 'grid1', 'viewer']) {
      const c = await s.as(username);
      expect(ok(await c(ACTIVITY, { id: a.id })).activity.id).toBe(a.id);
    }
  });
});

describe('tenant isolation', () => {
  it("the neighbouring committee sees nothing of this alliance's activity and cannot act on it", async () => {
    const a = await activityIn('OPEN');
    const n = await s.as('n-committee');
    expect(ok(await n(ACTIVITY, { id: a.id })).activity).toBeNull();
    const list = ok(await n(`{ activities(first: 100) { nodes { id } totalCount } }`)).activities;
    expect(list.nodes.map((x: { id: string }) => x.id)).not.toContain(a.id);
    for (const action of ACTIONS) expect(codeOf(await run(n, action, a.id)), action).toBe('NOT_FOUND');
    const nUnit = await userUnit(s, 'n-unit1');
    const signUp = await n(SIGN_UP, { activityId: a.id, headcount: 3, unitId: nUnit });
    expect(codeOf(signUp)).toBe('NOT_FOUND');
    const nUnitAdmin = await s.as('n-unit1');
    expect(codeOf(await nUnitAdmin(SIGN_UP, { activityId: a.id, headcount: 3 }))).toBe('NOT_FOUND');
    expect(await s.sql(`SELECT 1 FROM signup WHERE activity_id = $1`, [a.id])).toEqual([]);
    const [row] = await s.sql(`SELECT status, version FROM activity WHERE id = $1`, [a.id]);
    expect(row).toEqual({ status: 'OPEN', version: a.version });
  });

  it("this committee cannot sign up the neighbour's unit (it does not exist here)", async () => {
    const a = await activityIn('OPEN');
    const nUnit = await userUnit(s, 'n-unit1');
    const r = await committee(SIGN_UP, { activityId: a.id, headcount: 3, unitId: nUnit });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe('unitId');
    expect(await s.sql(`SELECT 1 FROM signup WHERE activity_id = $1`, [a.id])).toEqual([]);
  });

  it("the neighbour's own activity stays in the neighbour's alliance", async () => {
    const n = await s.as('n-committee');
    const theirs = await openActivity(n);
    expect(ok(await committee(ACTIVITY, { id: theirs.id })).activity).toBeNull();
    const r = await committee(SIGN_UP, { activityId: theirs.id, headcount: 2, unitId: await userUnit(s, 'unit1') });
    expect(codeOf(r)).toBe('NOT_FOUND');
  });
});
