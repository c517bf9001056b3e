import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import {
  ACTIVITY,
  CANCEL,
  COMPLETE,
  OUTCOME,
  SIGN_UP,
  START,
  WITHDRAW,
  createActivity,
  makeUnits,
  ok,
  openActivity,
  timeHasCome,
  userUnit,
} from './helpers.js';

let s: TestServer;
let committee: Client;
let unit1: Client;
let unit1Id: string;
let unit2Id: string;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
  unit1 = await s.as('unit1');
  unit1Id = await userUnit(s, 'unit1');
  unit2Id = await userUnit(s, 'unit2');
});
afterAll(() => s?.close());

const signups = async (activityId: string) =>
  s.sql(`SELECT unit_id, status FROM signup WHERE activity_id = $1 ORDER BY created_at, id`, [activityId]);

async function signUp(c: Client, activityId: string, unitId?: string, headcount = 5) {
  return ok(await c(SIGN_UP, { activityId, headcount, unitId })).signUpForActivity;
}

describe('signing up', () => {
  it('a unit admin signs up its own unit, with unitId omitted or its own', async () => {
    const a = await openActivity(committee);
    const r = await signUp(unit1, a.id, undefined, 12);
    expect(r).toMatchObject({ status: 'CONFIRMED', headcount: 12, note: null, unit: { id: unit1Id, name: '海拉尔区松风小学' }, activity: { id: a.id, confirmedCount: 1 } });
    const b = await openActivity(committee);
    const withNote = ok(await unit1(SIGN_UP, { activityId: b.id, headcount: 3, note: '  派出3名教师志愿者 ', unitId: unit1Id })).signUpForActivity;
    expect(withNote).toMatchObject({ status: 'CONFIRMED', note: '派出3名教师志愿者', unit: { id: unit1Id } });
    expect(ok(await committee(ACTIVITY, { id: b.id })).activity.confirmedCount).toBe(1);
  });

  it('a unit admin may not sign up another unit', async () => {
    const a = await openActivity(committee);
    const r = await unit1(SIGN_UP, { activityId: a.id, headcount: 3, unitId: unit2Id });
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(await signups(a.id)).toEqual([]);
  });

  it('the committee signs up any unit, and must name it', async () => {
    const a = await openActivity(committee);
    const missing = await committee(SIGN_UP, { activityId: a.id, headcount: 3 });
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0]!.extensions!.field).toBe('unitId');
    const r = await signUp(committee, a.id, unit2Id);
    expect(r).toMatchObject({ status: 'CONFIRMED', unit: { id: unit2Id, name: '松林医院' } });
    expect(await signups(a.id)).toEqual([{ unit_id: unit2Id, status: 'CONFIRMED' }]);
  });

  it.each(['grid1', 'viewer'])('%s may not sign up or withdraw', async (username) => {
    const a = await openActivity(committee);
    const c = await s.as(username);
    expect(codeOf(await c(SIGN_UP, { activityId: a.id, headcount: 3, unitId: unit1Id }))).toBe('FORBIDDEN');
    const mine = await signUp(unit1, a.id);
    expect(codeOf(await c(WITHDRAW, { id: mine.id }))).toBe('FORBIDDEN');
    expect(await signups(a.id)).toEqual([{ unit_id: unit1Id, status: 'CONFIRMED' }]);
  });

  it.each([
    ['headcount', { headcount: 0 }],
    ['headcount', { headcount: 501 }],
    ['note', { note: 'x'.repeat(1001) }],
    ['activityId', { activityId: 'not-an-id' }],
    ['unitId', { unitId: 'not-an-id' }],
  ])('bad input %s: %j', async (field, overrides) => {
    const a = await openActivity(committee);
    const r = await committee(SIGN_UP, { activityId: a.id, headcount: 5, unitId: unit1Id, ...overrides });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe(field);
    expect(await signups(a.id)).toEqual([]);
  });

  it('takes sign-ups only while the activity is OPEN', async () => {
    const draft = await createActivity(committee);
    expect(codeOf(await unit1(SIGN_UP, { activityId: draft.id, headcount: 2 }))).toBe('CONFLICT');
    const ongoing = await openActivity(committee);
    await timeHasCome(s, ongoing.id);
    ok(await committee(START, { id: ongoing.id }));
    expect(codeOf(await unit1(SIGN_UP, { activityId: ongoing.id, headcount: 2 }))).toBe('CONFLICT');
    const cancelled = await openActivity(committee);
    ok(await committee(CANCEL, { id: cancelled.id, reason: '取消' }));
    expect(codeOf(await committee(SIGN_UP, { activityId: cancelled.id, headcount: 2, unitId: unit2Id }))).toBe('CONFLICT');
    const completed = await openActivity(committee);
    await timeHasCome(s, completed.id);
    ok(await committee(START, { id: completed.id }));
    ok(await committee(COMPLETE, { id: completed.id, outcome: OUTCOME }));
    expect(codeOf(await unit1(SIGN_UP, { activityId: completed.id, headcount: 2 }))).toBe('CONFLICT');
    for (const a of [draft, ongoing, cancelled, completed]) expect(await signups(a.id)).toEqual([]);
  });

  it('takes only ACTIVE units', async () => {
    const [suspended] = await makeUnits(s, 1, '暂停测试');
    await s.sql(`UPDATE member_unit SET status = 'SUSPENDED' WHERE id = $1`, [suspended]);
    const a = await openActivity(committee);
    expect(codeOf(await committee(SIGN_UP, { activityId: a.id, headcount: 2, unitId: suspended }))).toBe('CONFLICT');
    expect(await signups(a.id)).toEqual([]);
  });

  it('refuses a second live sign-up of the same unit; after withdrawing the unit may sign up again', async () => {
    const a = await openActivity(committee);
    const first = await signUp(unit1, a.id);
    expect(codeOf(await unit1(SIGN_UP, { activityId: a.id, headcount: 2 }))).toBe('CONFLICT');
    expect(codeOf(await committee(SIGN_UP, { activityId: a.id, headcount: 2, unitId: unit1Id }))).toBe('CONFLICT');
    ok(await unit1(WITHDRAW, { id: first.id }));
    const again = await signUp(unit1, a.id);
    expect(again.id).not.toBe(first.id);
    expect(again.status).toBe('CONFIRMED');
    expect(await signups(a.id)).toEqual([
      { unit_id: unit1Id, status: 'WITHDRAWN' },
      { unit_id: unit1Id, status: 'CONFIRMED' },
    ]);
  });
});

describe('the waitlist', () => {
  it('confirms while places are left, then waitlists; withdrawing a confirmed one promotes the oldest waiting one', async () => {
    const a = await openActivity(committee, { maxUnits: 2 });
    const [u3, u4, u5] = await makeUnits(s, 3, '候补测试');
    const sA = await signUp(unit1, a.id);
    const sB = await signUp(committee, a.id, unit2Id);
    const sC = await signUp(committee, a.id, u3);
    const sD = await signUp(committee, a.id, u4);
    const sE = await signUp(committee, a.id, u5);
    expect([sA, sB, sC, sD, sE].map((x) => x.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
    expect(sE.activity.confirmedCount).toBe(2);

    // signups(status) and the order (oldest first)
    const listed = ok(
      await committee(`query($id: ID!) { activity(id: $id) { all: signups { id } waiting: signups(status: WAITLISTED) { id } } }`, { id: a.id }),
    ).activity;
    expect(listed.all.map((x: { id: string }) => x.id)).toEqual([sA.id, sB.id, sC.id, sD.id, sE.id]);
    expect(listed.waiting.map((x: { id: string }) => x.id)).toEqual([sC.id, sD.id, sE.id]);

    // Withdrawing a waiting one promotes nobody.
    const wD = ok(await committee(WITHDRAW, { id: sD.id })).withdrawSignup;
    expect(wD).toMatchObject({ status: 'WITHDRAWN', activity: { confirmedCount: 2 } });

    // Withdrawing a confirmed one promotes C, the oldest still waiting.
    const wA = ok(await unit1(WITHDRAW, { id: sA.id })).withdrawSignup;
    expect(wA).toMatchObject({ status: 'WITHDRAWN', activity: { confirmedCount: 2 } });
    expect(await signups(a.id)).toEqual([
      { unit_id: unit1Id, status: 'WITHDRAWN' },
      { unit_id: unit2Id, status: 'CONFIRMED' },
      { unit_id: u3, status: 'CONFIRMED' },
      { unit_id: u4, status: 'WITHDRAWN' },
      { unit_id: u5, status: 'WAITLISTED' },
    ]);

    // Then E.
    ok(await committee(WITHDRAW, { id: sB.id }));
    expect(ok(await committee(ACTIVITY, { id: a.id })).activity.signups.map((x: { status: string }) => x.status)).toEqual([
      'WITHDRAWN',
      'WITHDRAWN',
      'CONFIRMED',
      'WITHDRAWN',
      'CONFIRMED',
    ]);
    // Nobody left waiting: a freed place stays free, and the next sign-up takes it.
    ok(await committee(WITHDRAW, { id: sC.id }));
    expect(ok(await committee(ACTIVITY, { id: a.id })).activity.confirmedCount).toBe(1);
    const sF = await signUp(unit1, a.id);
    expect(sF).toMatchObject({ status: 'CONFIRMED', activity: { confirmedCount: 2 } });
  });

  it('with no maxUnits every sign-up is confirmed', async () => {
    const a = await openActivity(committee, { maxUnits: null });
    const units = await makeUnits(s, 4, '不限名额');
    for (const u of units) expect((await signUp(committee, a.id, u)).status).toBe('CONFIRMED');
    expect(ok(await committee(ACTIVITY, { id: a.id })).activity.confirmedCount).toBe(4);
  });
});

describe('withdrawing', () => {
  it('a unit admin withdraws only its own unit; the committee any', async () => {
    const a = await openActivity(committee);
    const theirs = await signUp(committee, a.id, unit2Id);
    const mine = await signUp(unit1, a.id);
    expect(codeOf(await unit1(WITHDRAW, { id: theirs.id }))).toBe('FORBIDDEN');
    expect(ok(await unit1(WITHDRAW, { id: mine.id })).withdrawSignup.status).toBe('WITHDRAWN');
    expect(ok(await committee(WITHDRAW, { id: theirs.id })).withdrawSignup.status).toBe('WITHDRAWN');
    expect(await signups(a.id)).toEqual([
      { unit_id: unit2Id, status: 'WITHDRAWN' },
      { unit_id: unit1Id, status: 'WITHDRAWN' },
    ]);
  });

  it('is CONFLICT for a withdrawn sign-up and once the activity is no longer OPEN', async () => {
    const a = await openActivity(committee, { maxUnits: 1 });
    const mine = await signUp(unit1, a.id);
    const waiting = await signUp(committee, a.id, unit2Id);
    expect(waiting.status).toBe('WAITLISTED');
    ok(await unit1(WITHDRAW, { id: mine.id }));
    expect(codeOf(await unit1(WITHDRAW, { id: mine.id }))).toBe('CONFLICT');
    await timeHasCome(s, a.id);
    ok(await committee(START, { id: a.id }));
    expect(codeOf(await committee(WITHDRAW, { id: waiting.id }))).toBe('CONFLICT');
    expect(await signups(a.id)).toEqual([
      { unit_id: unit1Id, status: 'WITHDRAWN' },
      { unit_id: unit2Id, status: 'CONFIRMED' },
    ]);
  });

  it('an unknown, foreign or malformed sign-up id', async () => {
    expect(codeOf(await committee(WITHDRAW, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    const bad = await committee(WITHDRAW, { id: 'x' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.field).toBe('id');
    const a = await openActivity(committee);
    const mine = await signUp(unit1, a.id);
    const n = await s.as('n-committee');
    expect(codeOf(await n(WITHDRAW, { id: mine.id }))).toBe('NOT_FOUND');
    expect(await signups(a.id)).toEqual([{ unit_id: unit1Id, status: 'CONFIRMED' }]);
  });
});

describe('points on completion', () => {
  const POINTS = `query($id: ID!) { memberUnit(id: $id) { points } }`;
  const pointsOf = async (unitId: string) => ok(await committee(POINTS, { id: unitId })).memberUnit.points as number;

  it('+10 to each CONFIRMED unit, nothing to WAITLISTED or WITHDRAWN ones, once', async () => {
    const a = await openActivity(committee, { maxUnits: 2 });
    const [waiting, withdrawn] = await makeUnits(s, 2, '积分测试');
    const units = [unit1Id, unit2Id, waiting, withdrawn];
    const before = await Promise.all(units.map(pointsOf));

    const w = await signUp(committee, a.id, withdrawn);
    await signUp(unit1, a.id);
    ok(await committee(WITHDRAW, { id: w.id }));
    await signUp(committee, a.id, unit2Id);
    expect((await signUp(committee, a.id, waiting)).status).toBe('WAITLISTED');
    await timeHasCome(s, a.id);
    ok(await committee(START, { id: a.id }));
    ok(await committee(COMPLETE, { id: a.id, outcome: OUTCOME }));

    const after = await Promise.all(units.map(pointsOf));
    expect(after.map((p, i) => p - before[i]!)).toEqual([10, 10, 0, 0]);
    const ledger = await s.sql(`SELECT unit_id, points, source FROM points_entry WHERE source_id = $1 ORDER BY unit_id`, [a.id]);
    expect(ledger).toEqual(
      [unit1Id, unit2Id].sort().map((unit_id) => ({ unit_id, points: 10, source: 'ACTIVITY_COMPLETED' })),
    );
  });

  it('a completion refused (wrong state) awards nothing', async () => {
    const a = await openActivity(committee);
    await signUp(unit1, a.id);
    const before = await pointsOf(unit1Id);
    expect(codeOf(await committee(COMPLETE, { id: a.id, outcome: OUTCOME }))).toBe('CONFLICT');
    expect(await pointsOf(unit1Id)).toBe(before);
    expect(await s.sql(`SELECT 1 FROM points_entry WHERE source_id = $1`, [a.id])).toEqual([]);
  });
});

describe('the cost of a sign-up', () => {
  it('is five statements with its unit and activity in the answer, which are right', async () => {
    const a = await openActivity(committee, { maxUnits: 1 });
    const first = await committee(SIGN_UP, { activityId: a.id, headcount: 3, unitId: unit1Id });
    // BEGIN, the activity locked with the unit read beside it (the activity's title goes with the event), the
    // INSERT, the unit's liaisons told (one statement for the inbox and the webhook: notification.service.ts;
    // announced after commit, from the instance's change feed), COMMIT
    expect(first.sql).toBe(5);
    expect(first.data.signUpForActivity).toMatchObject({ status: 'CONFIRMED', unit: { id: unit1Id }, activity: { id: a.id, confirmedCount: 1 } });
    const second = await committee(SIGN_UP, { activityId: a.id, headcount: 3, unitId: unit2Id });
    expect(second.data.signUpForActivity).toMatchObject({ status: 'WAITLISTED', unit: { id: unit2Id }, activity: { confirmedCount: 1 } });
    const [{ confirmed_count }] = await s.sql(`SELECT confirmed_count FROM activity WHERE id = $1`, [a.id]);
    expect(confirmed_count).toBe(1);
  });
});
