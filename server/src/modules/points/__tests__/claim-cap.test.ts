import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_OPEN_CLAIMS } from '@alliance/shared';
import { codeOf, startTestServer, type TestServer } from '../../../testing/test-server.js';
import { DAY, driveTo, expectError, M, ok, world, type World } from '../../need/__tests__/need-helpers.js';

/*
 * Issue 10: a unit may hold at most the alliance's maxOpenClaims open claims
 * (claims on needs not yet RESOLVED/CLOSED/REJECTED), 5 unless the committee
 * changes it; the cap holds under concurrency.
 */

let s: TestServer;
let w: World;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
});
afterAll(() => s?.close());

const SETTINGS = `mutation($n: Int!) { updateAllianceSettings(maxOpenClaims: $n) { id maxOpenClaims } }`;
const READ = `{ alliance { id maxOpenClaims } }`;

async function openClaims(unitId: string): Promise<number> {
  const [{ n }] = await s.sql(
    `SELECT count(*)::int AS n FROM need_claim c JOIN need x ON x.id = c.need_id
      WHERE c.unit_id = $1 AND x.status NOT IN ('RESOLVED', 'CLOSED', 'REJECTED')`,
    [unitId],
  );
  return n;
}

/** Sets the cap to leave exactly `room` more open claims for unit1. */
async function leaveRoom(room: number): Promise<number> {
  const cap = (await openClaims(w.unitId.unit1)) + room;
  expect(ok(await w.committee(SETTINGS, { n: cap })).updateAllianceSettings.maxOpenClaims).toBe(cap);
  return cap;
}

describe('the alliance setting', () => {
  it('is 5 by default, read by every role of the alliance', async () => {
    expect(DEFAULT_MAX_OPEN_CLAIMS).toBe(5);
    for (const c of [w.committee, w.unit1, w.grid1, w.viewer, w.nCommittee]) {
      expect(ok(await c(READ)).alliance.maxOpenClaims).toBe(5);
    }
  });

  it('is changed by the committee only, within 1..100, audited with before and after, in its own alliance only', async () => {
    for (const c of [w.unit1, w.grid1, w.viewer]) expectError(await c(SETTINGS, { n: 7 }), 'FORBIDDEN');
    for (const n of [0, 101, -1]) expectError(await w.committee(SETTINGS, { n }), 'BAD_USER_INPUT', 'maxOpenClaims');
    expect(ok(await w.committee(READ)).alliance.maxOpenClaims).toBe(5);
    expect(await s.sql(`SELECT 1 FROM audit_entry WHERE action = 'ALLIANCE_SETTINGS'`)).toEqual([]);

    const changed = ok(await w.committee(SETTINGS, { n: 8 })).updateAllianceSettings;
    expect(changed.maxOpenClaims).toBe(8);
    expect(ok(await w.unit1(READ)).alliance.maxOpenClaims).toBe(8);
    expect(ok(await w.nCommittee(READ)).alliance.maxOpenClaims).toBe(5);
    const entries = await s.sql(`SELECT actor_id, subject_type, subject_id, summary FROM audit_entry WHERE action = 'ALLIANCE_SETTINGS'`);
    expect(entries).toEqual([
      { actor_id: w.userId.committee, subject_type: 'ALLIANCE', subject_id: changed.id, summary: expect.objectContaining({ before: { maxOpenClaims: 5 }, after: { maxOpenClaims: 8 } }) },
    ]);
    const log = ok(await w.committee(`{ auditLog(filter: { action: [ALLIANCE_SETTINGS] }) { nodes { action subjectType actor { username } } } }`)).auditLog.nodes;
    expect(log).toEqual([{ action: 'ALLIANCE_SETTINGS', subjectType: 'ALLIANCE', actor: { username: 'committee' } }]);
    // Setting the same value again changes (and logs) nothing.
    ok(await w.committee(SETTINGS, { n: 8 }));
    expect(await s.sql(`SELECT 1 FROM audit_entry WHERE action = 'ALLIANCE_SETTINGS'`)).toHaveLength(1);
    ok(await w.committee(SETTINGS, { n: 5 }));
  });
});

describe('the cap on open claims', () => {
  it('refuses the claim past the cap as CONFLICT naming it, writing nothing; a finished need frees a place', async () => {
    const cap = await leaveRoom(2);
    const needs = await Promise.all([0, 1, 2].map(() => driveTo(w, 'ACCEPTED')));
    ok(await w.unit1(M.claim, { id: needs[0].id }));
    ok(await w.unit1(M.claim, { id: needs[1].id }));
    const refused = await w.unit1(M.claim, { id: needs[2].id });
    expectError(refused, 'CONFLICT');
    expect(refused.errors![0]!.message).toContain(`maxOpenClaims = ${cap}`);
    expect(refused.errors![0]!.message).toContain(`${cap} open claims`);
    // The admin words the refusal from these, not from the English message.
    expect(refused.errors![0]!.extensions).toEqual({ code: 'CONFLICT', reason: 'CLAIM_LIMIT_REACHED', limit: cap, open: cap });
    expect(await s.sql(`SELECT 1 FROM need_claim WHERE need_id = $1`, [needs[2].id])).toEqual([]);
    expect(await openClaims(w.unitId.unit1)).toBe(cap);
    // Another unit is not held back by unit1's claims.
    ok(await w.unit2(M.claim, { id: needs[2].id }));

    // The first need is taken to RESOLVED: its claim is no longer open.
    const id = needs[0].id;
    ok(await w.committee(M.order, { id, ids: [] }));
    ok(await w.committee(M.plan, { id, plan: '上门处理', dueAt: new Date(Date.now() + 3 * DAY).toISOString() }));
    ok(await w.committee(M.assign, { id, assigneeId: w.userId.grid1 }));
    ok(await w.grid1(M.resolve, { id, resolution: '已处理' }));
    expect(await openClaims(w.unitId.unit1)).toBe(cap - 1);
    ok(await w.unit1(M.claim, { id: needs[2].id }));
    expectError(await w.unit1(M.claim, { id: (await driveTo(w, 'ACCEPTED')).id }), 'CONFLICT');
    // A claim the unit already holds is named as such, not as the cap.
    const again = await w.unit1(M.claim, { id: needs[1].id });
    expectError(again, 'CONFLICT');
    expect(again.errors![0]!.message).toContain('already claimed');
    expect(again.errors![0]!.extensions).toEqual({ code: 'CONFLICT', reason: 'ALREADY_CLAIMED' });
  });

  it('holds under concurrency: 20 claims at once by one unit on 20 needs, 5 places left: exactly 5 succeed', async () => {
    const cap = await leaveRoom(5);
    const needs = [];
    for (let i = 0; i < 20; i++) needs.push(await driveTo(w, 'ACCEPTED'));
    const results = await Promise.all(needs.map((n) => w.unit1(M.claim, { id: n.id })));
    const codes = results.map((r) => codeOf(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(5);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(15);
    expect(await openClaims(w.unitId.unit1)).toBe(cap);
    const [{ n }] = await s.sql(`SELECT count(*)::int AS n FROM need_claim WHERE need_id = ANY($1)`, [needs.map((x) => x.id)]);
    expect(n).toBe(5);
  });
});
