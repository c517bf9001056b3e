import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { ActivityDatesAndCancelledSignups1764921600000 } from '../../../database/migrations/1764921600000-activity-dates-and-cancelled-signups.js';
import { CANCEL, SIGN_UP, START, WITHDRAW, makeUnits, ok, openActivity, timeHasCome, userUnit } from './helpers.js';

/** docs/adoption.md "Activities: dates": cancelling ends every live sign-up as ACTIVITY_CANCELLED. */

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

const signupRows = async (activityId: string) =>
  s.sql(`SELECT unit_id, status FROM signup WHERE activity_id = $1 ORDER BY created_at, id`, [activityId]);
const countRow = async (id: string) => (await s.sql(`SELECT confirmed_count FROM activity WHERE id = $1`, [id]))[0].confirmed_count as number;

/** The database's invariants, across every activity (the demo data's included). */
async function invariantsHold() {
  const drift = await s.sql(`SELECT a.id FROM activity a
     WHERE a.confirmed_count <> (SELECT count(*) FROM signup s WHERE s.activity_id = a.id AND s.status = 'CONFIRMED')
        OR (a.max_units IS NOT NULL AND a.confirmed_count > a.max_units)`);
  expect(drift).toEqual([]);
  const liveOnCancelled = await s.sql(`SELECT s.id FROM signup s JOIN activity a ON a.id = s.activity_id
     WHERE a.status = 'CANCELLED' AND s.status IN ('CONFIRMED','WAITLISTED')`);
  expect(liveOnCancelled).toEqual([]);
}

const SIGNUPS_AS_UNIT = `query($id: ID!) { activity(id: $id) { status confirmedCount signups { status unit { id } } cancelled: signups(status: ACTIVITY_CANCELLED) { unit { id } } } }`;

describe('cancelling an activity with live sign-ups', () => {
  it('ends CONFIRMED and WAITLISTED ones as ACTIVITY_CANCELLED, promotes nobody, leaves the withdrawn one; counts stay right', async () => {
    const a = await openActivity(committee, { maxUnits: 2 });
    const [third, gone] = await makeUnits(s, 2, '取消测试');
    const withdrawn = ok(await committee(SIGN_UP, { activityId: a.id, headcount: 2, unitId: gone })).signUpForActivity;
    ok(await committee(WITHDRAW, { id: withdrawn.id }));
    const mine = ok(await unit1(SIGN_UP, { activityId: a.id, headcount: 3 })).signUpForActivity;
    ok(await committee(SIGN_UP, { activityId: a.id, headcount: 2, unitId: unit2Id }));
    const waiting = ok(await committee(SIGN_UP, { activityId: a.id, headcount: 2, unitId: third })).signUpForActivity;
    expect(waiting.status).toBe('WAITLISTED');
    expect(await countRow(a.id)).toBe(2);

    const r = ok(await committee(CANCEL, { id: a.id, reason: '场地临时占用' })).cancelActivity;
    expect(r).toMatchObject({ status: 'CANCELLED', confirmedCount: 0 });
    expect(await signupRows(a.id)).toEqual([
      { unit_id: gone, status: 'WITHDRAWN' },
      { unit_id: unit1Id, status: 'ACTIVITY_CANCELLED' },
      { unit_id: unit2Id, status: 'ACTIVITY_CANCELLED' },
      { unit_id: third, status: 'ACTIVITY_CANCELLED' },
    ]);
    expect(await countRow(a.id)).toBe(0);
    await invariantsHold();

    // The unit sees it through the existing fields.
    const seen = ok(await unit1(SIGNUPS_AS_UNIT, { id: a.id })).activity;
    expect(seen.status).toBe('CANCELLED');
    expect(seen.confirmedCount).toBe(0);
    expect(seen.signups.find((x: { unit: { id: string } }) => x.unit.id === unit1Id).status).toBe('ACTIVITY_CANCELLED');
    expect(seen.cancelled.map((x: { unit: { id: string } }) => x.unit.id).sort()).toEqual([unit1Id, unit2Id, third].sort());

    // The audit entry says what the cancellation ended.
    const [entry] = await s.sql(`SELECT summary FROM audit_entry WHERE subject_id = $1 AND action = 'ACTIVITY_CANCEL'`, [a.id]);
    expect(entry.summary).toMatchObject({ reason: '场地临时占用', signupsEnded: { confirmed: 2, waitlisted: 1 } });

    // Nothing is freed twice: a later withdraw is CONFLICT, whoever asks, and changes nothing.
    const before = await signupRows(a.id);
    expect(codeOf(await unit1(WITHDRAW, { id: mine.id }))).toBe('CONFLICT');
    expect(codeOf(await committee(WITHDRAW, { id: waiting.id }))).toBe('CONFLICT');
    expect(await signupRows(a.id)).toEqual(before);
    expect(await countRow(a.id)).toBe(0);
    // And no new sign-up on a cancelled activity.
    expect(codeOf(await committee(SIGN_UP, { activityId: a.id, headcount: 1, unitId: gone }))).toBe('CONFLICT');
    await invariantsHold();
  });

  it('an ONGOING activity: its confirmed sign-ups end too, and no points are earned', async () => {
    const a = await openActivity(committee, { maxUnits: 3 });
    ok(await unit1(SIGN_UP, { activityId: a.id, headcount: 3 }));
    ok(await committee(SIGN_UP, { activityId: a.id, headcount: 1, unitId: unit2Id }));
    await timeHasCome(s, a.id);
    ok(await committee(START, { id: a.id }));
    ok(await committee(CANCEL, { id: a.id, reason: '天气原因' }));
    expect((await signupRows(a.id)).map((r: { status: string }) => r.status)).toEqual(['ACTIVITY_CANCELLED', 'ACTIVITY_CANCELLED']);
    expect(await countRow(a.id)).toBe(0);
    expect(await s.sql(`SELECT 1 FROM points_entry WHERE source_id = $1`, [a.id])).toEqual([]);
    await invariantsHold();
  });

  it('without sign-ups, the audit entry has nothing ended to report', async () => {
    const a = await openActivity(committee);
    ok(await committee(CANCEL, { id: a.id, reason: '取消' }));
    const [entry] = await s.sql(`SELECT summary FROM audit_entry WHERE subject_id = $1 AND action = 'ACTIVITY_CANCEL'`, [a.id]);
    expect(entry.summary).not.toHaveProperty('signupsEnded');
  });

  it('a refused cancellation ends nothing', async () => {
    const a = await openActivity(committee);
    ok(await unit1(SIGN_UP, { activityId: a.id, headcount: 3 }));
    for (const who of ['unit1', 'grid1', 'viewer']) {
      expect(codeOf(await (await s.as(who))(CANCEL, { id: a.id, reason: '取消' })), who).toBe('FORBIDDEN');
    }
    expect(codeOf(await (await s.as('n-committee'))(CANCEL, { id: a.id, reason: '取消' }))).toBe('NOT_FOUND');
    expect(codeOf(await committee(CANCEL, { id: a.id, reason: ' ' }))).toBe('BAD_USER_INPUT');
    expect(await signupRows(a.id)).toEqual([{ unit_id: unit1Id, status: 'CONFIRMED' }]);
    expect(await countRow(a.id)).toBe(1);
  });

  it('the database refuses a status outside the list, and keeps counting through ACTIVITY_CANCELLED', async () => {
    const a = await openActivity(committee, { maxUnits: 1 });
    const sg = ok(await unit1(SIGN_UP, { activityId: a.id, headcount: 1 })).signUpForActivity;
    await expect(s.sql(`UPDATE signup SET status = 'GONE' WHERE id = $1`, [sg.id])).rejects.toThrow(/signup_status_check/);
    await s.sql(`UPDATE signup SET status = 'ACTIVITY_CANCELLED' WHERE id = $1`, [sg.id]);
    expect(await countRow(a.id)).toBe(0);
    // Ended is ended, even on an activity still OPEN: withdrawing it is CONFLICT (the sign-up lifecycle).
    expect(codeOf(await unit1(WITHDRAW, { id: sg.id }))).toBe('CONFLICT');
    expect(await signupRows(a.id)).toEqual([{ unit_id: unit1Id, status: 'ACTIVITY_CANCELLED' }]);
    // Not live: the unit may sign up again (signup_live_uq counts live ones only), and the place is free.
    const again = ok(await unit1(SIGN_UP, { activityId: a.id, headcount: 1 })).signUpForActivity;
    expect(again.status).toBe('CONFIRMED');
    expect(await countRow(a.id)).toBe(1);
  });

  // Last in this file: stepping the migration down and up again rewrites the sign-ups the other tests made.
  it('the migration ends the live sign-ups of activities cancelled before it; its down step overbooks nothing', async () => {
    const migration = new ActivityDatesAndCancelledSignups1764921600000();
    const a = await openActivity(committee, { maxUnits: 1 });
    ok(await unit1(SIGN_UP, { activityId: a.id, headcount: 2 }));
    ok(await committee(SIGN_UP, { activityId: a.id, headcount: 2, unitId: unit2Id }));
    const runner = s.db.createQueryRunner();
    try {
      await migration.down(runner);
      // Cancelled the way it was before: the sign-ups stayed live.
      await s.sql(`UPDATE activity SET status = 'CANCELLED', cancel_reason = '旧数据' WHERE id = $1`, [a.id]);
      expect(await signupRows(a.id)).toEqual([
        { unit_id: unit1Id, status: 'CONFIRMED' },
        { unit_id: unit2Id, status: 'WAITLISTED' },
      ]);
      expect(await countRow(a.id)).toBe(1);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await signupRows(a.id)).toEqual([
      { unit_id: unit1Id, status: 'ACTIVITY_CANCELLED' },
      { unit_id: unit2Id, status: 'ACTIVITY_CANCELLED' },
    ]);
    expect(await countRow(a.id)).toBe(0);
    await invariantsHold();
    await expect(s.sql(`UPDATE activity SET recorded_afterwards = true WHERE id = $1`, [a.id])).rejects.toThrow(/activity_recorded_completed/);
  });
});
