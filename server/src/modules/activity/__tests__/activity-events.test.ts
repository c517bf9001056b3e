import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_LIFECYCLE, SIGNUP_LIFECYCLE } from '@alliance/shared';
import { names, recordEvents } from '../../../testing/event-recorder.js';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import {
  ACTIVITY_FIELDS,
  CANCEL,
  COMPLETE,
  OUTCOME,
  PUBLISH,
  SIGN_UP,
  START,
  WITHDRAW,
  activityInput,
  allianceOf,
  createActivity,
  ok,
  openActivity,
  timeHasCome,
  userUnit,
} from './helpers.js';

const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $v, input: $input) { ${ACTIVITY_FIELDS} } }`;
const RECORD = `mutation($input: RecordPastActivityInput!) { recordPastActivity(input: $input) { id status } }`;

let s: TestServer;
let committee: Client;
let unit1: Client;
let unit2: Client;
let events: ReturnType<typeof recordEvents>;
let unit1Id: string;
let unit2Id: string;
let allianceId: string;
let committeeId: string;
const none = { committed: [], published: [] };

beforeAll(async () => {
  s = await startTestServer();
  [committee, unit1, unit2] = await Promise.all(['committee', 'unit1', 'unit2'].map((u) => s.as(u)));
  events = recordEvents(s.events);
  [unit1Id, unit2Id, allianceId] = await Promise.all([userUnit(s, 'unit1'), userUnit(s, 'unit2'), allianceOf(s, 'committee')]);
  [{ id: committeeId }] = await s.sql(`SELECT id FROM app_user WHERE username = 'committee'`);
});
afterAll(() => s?.close());

async function state(id: string) {
  const [row] = await s.sql(`SELECT status, version, updated_at, confirmed_count FROM activity WHERE id = $1`, [id]);
  const signups = await s.sql(`SELECT id, status FROM signup WHERE activity_id = $1 ORDER BY id`, [id]);
  const [{ audits }] = await s.sql(`SELECT count(*)::int AS audits FROM audit_entry`);
  const [{ points }] = await s.sql(`SELECT count(*)::int AS points FROM points_entry`);
  return { row, signups, audits, points };
}

const move = (action: string, activityId: string, from: string, to: string) => ({ action, activityId, subjectId: activityId, allianceId, actorId: committeeId, from, to });

describe('every step of ACTIVITY_LIFECYCLE and SIGNUP_LIFECYCLE publishes exactly one event, and a refused one none', () => {
  it('publish: DRAFT -> OPEN; refused by role, status', async () => {
    const a = await createActivity(committee);
    const open = await openActivity(committee);
    events.take();
    const before = await state(a.id);
    expect(codeOf(await unit1(PUBLISH, { id: a.id }))).toBe('FORBIDDEN');
    expect(codeOf(await committee(PUBLISH, { id: open.id }))).toBe('CONFLICT');
    expect(codeOf(await committee(PUBLISH, { id: 'nope' }))).toBe('BAD_USER_INPUT');
    expect(events.take()).toEqual(none);
    expect(await state(a.id)).toEqual(before);
    ok(await committee(PUBLISH, { id: a.id }));
    const seen = events.take();
    expect(names(seen.committed)).toEqual(['ActivityPublished']);
    expect(seen.committed[0]).toMatchObject(move('publish', a.id, 'DRAFT', 'OPEN'));
  });

  it('start: OPEN -> ONGOING; refused too early (the clock) and by role', async () => {
    const a = await openActivity(committee);
    events.take();
    const before = await state(a.id);
    expect(codeOf(await committee(START, { id: a.id }))).toBe('CONFLICT');
    expect(codeOf(await unit1(START, { id: a.id }))).toBe('FORBIDDEN');
    expect(events.take()).toEqual(none);
    expect(await state(a.id)).toEqual(before);
    await timeHasCome(s, a.id);
    ok(await committee(START, { id: a.id }));
    const seen = events.take();
    expect(names(seen.committed)).toEqual(['ActivityStarted']);
    expect(seen.committed[0]).toMatchObject(move('start', a.id, 'OPEN', 'ONGOING'));
  });

  it('complete: ONGOING -> COMPLETED names the confirmed units, who earn points; refused from OPEN and with bad input', async () => {
    const a = await openActivity(committee, { maxUnits: 1 });
    ok(await committee(SIGN_UP, { activityId: a.id, headcount: 3, unitId: unit1Id }));
    ok(await committee(SIGN_UP, { activityId: a.id, headcount: 3, unitId: unit2Id }));
    await timeHasCome(s, a.id);
    events.take();
    expect(codeOf(await committee(COMPLETE, { id: a.id, outcome: OUTCOME }))).toBe('CONFLICT');
    ok(await committee(START, { id: a.id }));
    events.take();
    const before = await state(a.id);
    expect(codeOf(await committee(COMPLETE, { id: a.id, outcome: { ...OUTCOME, summary: '\u0007' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await unit1(COMPLETE, { id: a.id, outcome: OUTCOME }))).toBe('FORBIDDEN');
    expect(events.take()).toEqual(none);
    expect(await state(a.id)).toEqual(before);
    ok(await committee(COMPLETE, { id: a.id, outcome: OUTCOME }));
    const seen = events.take();
    expect(names(seen.committed)).toEqual(['ActivityCompleted', 'PointsAwarded']);
    expect(seen.committed[0]).toMatchObject({ ...move('complete', a.id, 'ONGOING', 'COMPLETED'), confirmedUnitIds: [unit1Id] });
    expect(seen.committed[1]).toMatchObject({ source: 'ACTIVITY_COMPLETED', sourceId: a.id, pointsEach: 10, units: [{ id: unit1Id }] });
  });

  it('cancel: every live sign-up ends, one event each; refused without a reason', async () => {
    const a = await openActivity(committee, { maxUnits: 1 });
    const one = ok(await unit1(SIGN_UP, { activityId: a.id, headcount: 2 })).signUpForActivity;
    const two = ok(await unit2(SIGN_UP, { activityId: a.id, headcount: 2 })).signUpForActivity;
    events.take();
    const before = await state(a.id);
    expect(codeOf(await committee(CANCEL, { id: a.id, reason: '' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await unit1(CANCEL, { id: a.id, reason: '天气' }))).toBe('FORBIDDEN');
    expect(events.take()).toEqual(none);
    expect(await state(a.id)).toEqual(before);
    ok(await committee(CANCEL, { id: a.id, reason: '暴雨预警' }));
    const seen = events.take();
    expect(names(seen.committed)).toEqual(['SignupEndedByCancellation', 'SignupEndedByCancellation', 'ActivityCancelled']);
    expect(seen.committed.slice(0, 2)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'activityCancelled', signupId: one.id, unitId: unit1Id, from: 'CONFIRMED', to: 'ACTIVITY_CANCELLED' }),
        expect.objectContaining({ action: 'activityCancelled', signupId: two.id, unitId: unit2Id, from: 'WAITLISTED', to: 'ACTIVITY_CANCELLED' }),
      ]),
    );
    expect(seen.committed[2]).toMatchObject({ ...move('cancel', a.id, 'OPEN', 'CANCELLED'), details: { decided: { reason: '暴雨预警' } } });
    expect(codeOf(await committee(CANCEL, { id: a.id, reason: '再取消' }))).toBe('CONFLICT');
    expect(events.take()).toEqual(none);
  });

  it('edit: raising maxUnits promotes the oldest waitlisted (SignupPromoted); a stale version publishes nothing', async () => {
    const a = await openActivity(committee, { maxUnits: 1 });
    ok(await unit1(SIGN_UP, { activityId: a.id, headcount: 2 }));
    const waiting = ok(await unit2(SIGN_UP, { activityId: a.id, headcount: 2 })).signUpForActivity;
    expect(waiting.status).toBe('WAITLISTED');
    events.take();
    const before = await state(a.id);
    expect(codeOf(await committee(UPDATE, { id: a.id, v: a.version + 5, input: { maxUnits: 2 } }))).toBe('CONFLICT');
    expect(codeOf(await committee(UPDATE, { id: a.id, v: a.version, input: { title: '' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await unit1(UPDATE, { id: a.id, v: a.version, input: { maxUnits: 2 } }))).toBe('FORBIDDEN');
    expect(events.take()).toEqual(none);
    expect(await state(a.id)).toEqual(before);
    const [{ version }] = await s.sql(`SELECT version FROM activity WHERE id = $1`, [a.id]);
    expect(ok(await committee(UPDATE, { id: a.id, v: version, input: { maxUnits: 2 } })).updateActivity.confirmedCount).toBe(2);
    const seen = events.take();
    expect(names(seen.committed)).toEqual(['SignupPromoted', 'ActivityEdited']);
    expect(seen.committed[0]).toMatchObject({ action: 'promote', signupId: waiting.id, unitId: unit2Id, from: 'WAITLISTED', to: 'CONFIRMED' });
    expect(seen.committed[1]).toMatchObject(move('edit', a.id, 'OPEN', 'OPEN'));
  });

  it('sign-up and withdraw: UnitSignedUp; withdrawing a confirmed one promotes the oldest waitlisted', async () => {
    const a = await openActivity(committee, { maxUnits: 1 });
    events.take();
    expect(codeOf(await unit1(SIGN_UP, { activityId: a.id, headcount: 0 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await unit1(SIGN_UP, { activityId: a.id, headcount: 2, unitId: unit2Id }))).toBe('FORBIDDEN');
    expect(events.take()).toEqual(none);
    const first = ok(await unit1(SIGN_UP, { activityId: a.id, headcount: 2 })).signUpForActivity;
    let seen = events.take();
    expect(names(seen.committed)).toEqual(['UnitSignedUp']);
    expect(seen.committed[0]).toMatchObject({ signupId: first.id, activityId: a.id, unitId: unit1Id, status: 'CONFIRMED' });
    // A second live sign-up of the unit: refused by the database, nothing published.
    expect(codeOf(await unit1(SIGN_UP, { activityId: a.id, headcount: 2 }))).toBe('CONFLICT');
    expect(events.take()).toEqual(none);
    const second = ok(await unit2(SIGN_UP, { activityId: a.id, headcount: 2 })).signUpForActivity;
    events.take();

    const before = await state(a.id);
    expect(codeOf(await unit2(WITHDRAW, { id: first.id }))).toBe('FORBIDDEN');
    expect(events.take()).toEqual(none);
    expect(await state(a.id)).toEqual(before);
    ok(await unit1(WITHDRAW, { id: first.id }));
    seen = events.take();
    expect(names(seen.committed)).toEqual(['SignupWithdrawn', 'SignupPromoted']);
    expect(seen.committed[0]).toMatchObject({ action: 'withdraw', signupId: first.id, from: 'CONFIRMED', to: 'WITHDRAWN' });
    expect(seen.committed[1]).toMatchObject({ action: 'promote', signupId: second.id, from: 'WAITLISTED', to: 'CONFIRMED' });
    expect(codeOf(await unit1(WITHDRAW, { id: first.id }))).toBe('CONFLICT');
    expect(events.take()).toEqual(none);
  });

  it('补录: ActivityRecorded with the units that took part, who earn points; refused input publishes nothing', async () => {
    const past = activityInput({ startsAt: '2024-05-01T01:00:00Z', endsAt: '2024-05-01T03:00:00Z' });
    delete (past as Record<string, unknown>).maxUnits;
    const input = { ...past, outcome: OUTCOME, units: [{ unitId: unit1Id, headcount: 5 }] };
    events.take();
    expect(codeOf(await committee(RECORD, { input: { ...input, units: [] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await unit1(RECORD, { input }))).toBe('FORBIDDEN');
    expect(events.take()).toEqual(none);
    const a = ok(await committee(RECORD, { input })).recordPastActivity;
    const seen = events.take();
    expect(names(seen.committed)).toEqual(['ActivityRecorded', 'PointsAwarded']);
    expect(seen.committed[0]).toMatchObject({ activityId: a.id, allianceId, actorId: committeeId, confirmedUnitIds: [unit1Id] });
  });

  it('a created activity publishes ActivityCreated', async () => {
    events.take();
    const a = await createActivity(committee);
    expect(events.take().committed).toEqual([expect.objectContaining({ activityId: a.id, allianceId })]);
  });

  it('the cases above cover every row of both tables', () => {
    // publish, start, complete, cancel, edit, signUp; withdraw, promote, activityCancelled.
    expect(Object.keys(ACTIVITY_LIFECYCLE).sort()).toEqual(['cancel', 'complete', 'edit', 'publish', 'signUp', 'start']);
    expect(Object.keys(SIGNUP_LIFECYCLE).sort()).toEqual(['activityCancelled', 'promote', 'withdraw']);
  });
});
