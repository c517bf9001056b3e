import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { SIGN_UP, WITHDRAW, allianceOf, makeUnits, ok, openActivity, userUnit } from './helpers.js';

let s: TestServer;
let committee: Client;
let unit1: Client;
let units: string[];
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
  unit1 = await s.as('unit1');
  units = await makeUnits(s, 50, '并发测试');
});
afterAll(() => s?.close());

const ROUNDS = 5;

async function counts(activityId: string) {
  const rows = await s.sql(`SELECT status, count(*)::int AS n FROM signup WHERE activity_id = $1 GROUP BY status`, [activityId]);
  const [a] = await s.sql(`SELECT confirmed_count FROM activity WHERE id = $1`, [activityId]);
  return { ...Object.fromEntries(rows.map((r: { status: string; n: number }) => [r.status, r.n])), confirmedCount: a.confirmed_count };
}

describe('concurrent sign-ups', () => {
  it(`50 units at once for 10 places: exactly 10 CONFIRMED and 40 WAITLISTED (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const a = await openActivity(committee, { maxUnits: 10 });
      const results = await Promise.all(units.map((unitId) => committee(SIGN_UP, { activityId: a.id, headcount: 2, unitId })));
      for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const statuses = results.map((r) => r.data.signUpForActivity.status as string);
      expect(statuses.filter((x) => x === 'CONFIRMED')).toHaveLength(10);
      expect(statuses.filter((x) => x === 'WAITLISTED')).toHaveLength(40);
      expect(await counts(a.id)).toEqual({ CONFIRMED: 10, WAITLISTED: 40, confirmedCount: 10 });
      // The confirmed ones are the ten that came first.
      const [span] = await s.sql(
        `SELECT max(created_at) FILTER (WHERE status = 'CONFIRMED') <= min(created_at) FILTER (WHERE status = 'WAITLISTED') AS ok
           FROM signup WHERE activity_id = $1`,
        [a.id],
      );
      expect(span.ok).toBe(true);
    }
  });

  it(`one unit ten times at once: one live sign-up, nine CONFLICT (${ROUNDS} rounds)`, async () => {
    const unit1Id = await userUnit(s, 'unit1');
    for (let round = 0; round < ROUNDS; round++) {
      const a = await openActivity(committee, { maxUnits: 3 });
      // The unit's own admin and the committee, racing for the same unit.
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 ? unit1(SIGN_UP, { activityId: a.id, headcount: 1 }) : committee(SIGN_UP, { activityId: a.id, headcount: 1, unitId: unit1Id }),
        ),
      );
      const succeeded = results.filter((r) => !r.errors);
      expect(succeeded).toHaveLength(1);
      expect(succeeded[0]!.data.signUpForActivity.status).toBe('CONFIRMED');
      expect(results.filter((r) => r.errors).map(codeOf)).toEqual(Array(9).fill('CONFLICT'));
      expect(await counts(a.id)).toEqual({ CONFIRMED: 1, confirmedCount: 1 });
    }
  });

  it('sign-ups and withdrawals racing keep the count right and never overbook', async () => {
    const a = await openActivity(committee, { maxUnits: 5 });
    const first = await Promise.all(units.slice(0, 20).map((unitId) => committee(SIGN_UP, { activityId: a.id, headcount: 1, unitId })));
    const confirmed = first.map((r) => ok(r).signUpForActivity).filter((x) => x.status === 'CONFIRMED');
    expect(confirmed).toHaveLength(5);
    const racing = await Promise.all([
      ...confirmed.slice(0, 3).map((x) => committee(WITHDRAW, { id: x.id })),
      ...units.slice(20, 30).map((unitId) => committee(SIGN_UP, { activityId: a.id, headcount: 1, unitId })),
    ]);
    for (const r of racing) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(await counts(a.id)).toEqual({ CONFIRMED: 5, WAITLISTED: 22, WITHDRAWN: 3, confirmedCount: 5 });
  });
});

describe('the database holds the invariants by itself', () => {
  async function rawSignup(activityId: string, unitId: string, status: string) {
    return s.sql(
      `INSERT INTO signup (alliance_id, activity_id, unit_id, status, headcount) VALUES ($1, $2, $3, $4, 1)`,
      [await allianceOf(s, 'committee'), activityId, unitId, status],
    );
  }

  it('refuses an 11th CONFIRMED row at maxUnits 10', async () => {
    const a = await openActivity(committee, { maxUnits: 10 });
    for (const unitId of units.slice(0, 10)) await rawSignup(a.id, unitId, 'CONFIRMED');
    expect(await counts(a.id)).toEqual({ CONFIRMED: 10, confirmedCount: 10 });
    await expect(rawSignup(a.id, units[10]!, 'CONFIRMED')).rejects.toMatchObject({ driverError: { code: '23514' } });
    // Nor can a waiting row be turned CONFIRMED behind the count's back.
    await rawSignup(a.id, units[11]!, 'WAITLISTED');
    await expect(
      s.sql(`UPDATE signup SET status = 'CONFIRMED' WHERE activity_id = $1 AND unit_id = $2`, [a.id, units[11]]),
    ).rejects.toMatchObject({ driverError: { code: '23514' } });
    expect(await counts(a.id)).toEqual({ CONFIRMED: 10, WAITLISTED: 1, confirmedCount: 10 });
  });

  it('refuses a second live row for the same unit, but not after a withdrawal', async () => {
    const a = await openActivity(committee, { maxUnits: 10 });
    await rawSignup(a.id, units[0]!, 'WAITLISTED');
    for (const status of ['CONFIRMED', 'WAITLISTED']) {
      await expect(rawSignup(a.id, units[0]!, status)).rejects.toMatchObject({
        driverError: { code: '23505', constraint: 'signup_live_uq' },
      });
    }
    await s.sql(`UPDATE signup SET status = 'WITHDRAWN' WHERE activity_id = $1`, [a.id]);
    await rawSignup(a.id, units[0]!, 'CONFIRMED');
    expect(await counts(a.id)).toEqual({ CONFIRMED: 1, WITHDRAWN: 1, confirmedCount: 1 });
  });
});
