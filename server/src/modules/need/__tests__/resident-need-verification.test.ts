import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { solvedCaptcha } from '../../../testing/residents-captcha.js';
import { expectError, ok, reportInput, world, type World } from './need-helpers.js';

/*
 * 核实 (issue 12): a resident's own report (the residents' page, source
 * RESIDENT) is called back by its grid's worker before the committee screens
 * it. Over real HTTP: who may verify, what it writes (the need, its history,
 * the audit log), and that screening waits for it, refused without a write.
 */

let s: TestServer;
let w: World;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
});
afterAll(() => s?.close());
// Each resident report counts against the page's per-phone and per-address limits.
beforeEach(async () => {
  await s.sql(`DELETE FROM public_limit`);
});

const VERIFY = `mutation($id: ID!, $comment: String) { verifyResidentNeed(id: $id, comment: $comment) {
  id status source verifiedAt verifiedBy { username } history { from to comment actor { username } } } }`;
const SCREEN = `mutation($id: ID!, $accept: Boolean!, $comment: String) { screenNeed(id: $id, accept: $accept, comment: $comment) { id status verifiedAt } }`;
const READ = `query($id: ID!) { need(id: $id) { id status source verifiedAt verifiedBy { username } } }`;

/** A need reported on the residents' page into grid1's grid, as a resident would. */
async function residentNeed(): Promise<string> {
  const [b] = await s.sql(`SELECT b.id FROM building b JOIN app_user u ON u.grid_id = b.grid_id WHERE u.username = 'grid1' ORDER BY b.sort_order LIMIT 1`);
  const input = {
    residentName: '欧阳淑芬',
    residentPhone: '13912345678',
    title: '楼道灯不亮',
    description: `三单元楼道灯坏了一周 ${Math.random()}`,
    buildingId: b.id,
    address: '3单元502',
    captcha: await solvedCaptcha(s),
  };
  const r = await s.gql(`mutation($input: PublicNeedInput!) { publicReportNeed(allianceCode: "songshan", input: $input) { trackingCode } }`, { input }, null);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  const [t] = await s.sql(`SELECT subject_id FROM public_tracking WHERE code = $1`, [r.data.publicReportNeed.trackingCode]);
  await s.sql(`DELETE FROM public_limit`);
  return t.subject_id;
}

/** Everything a refused call must leave as it was: the need, its history and its audit rows. */
const snapshot = async (id: string) =>
  (
    await s.sql(
      `SELECT n.status, n.version, n.verified_at, n.verified_by,
              (SELECT count(*)::int FROM need_event e WHERE e.need_id = n.id) AS events,
              (SELECT count(*)::int FROM audit_entry a WHERE a.subject_id = n.id::text) AS audits
         FROM need n WHERE n.id = $1`,
      [id],
    )
  )[0];

describe("a resident's report waits for its grid worker's verification", () => {
  it('screening it unverified is refused (CONFLICT NOT_VERIFIED), accept or reject, and nothing is written', async () => {
    const id = await residentNeed();
    const before = await snapshot(id);
    expect(before).toMatchObject({ status: 'REPORTED', verified_at: null, verified_by: null, events: 0 });
    for (const [accept, comment] of [
      [true, null],
      [false, '不属实'],
    ] as const) {
      const r = await w.committee(SCREEN, { id, accept, comment });
      expectError(r, 'CONFLICT');
      expect(r.errors![0]!.extensions!.reason).toBe('NOT_VERIFIED');
      expect(await snapshot(id)).toEqual(before);
    }
  });

  it("the grid's worker verifies it (history and audit log keep it); then the committee screens it", async () => {
    const id = await residentNeed();
    // 群众点单待核实 (我的待办): the grid's unverified residents' reports; once verified, it leaves that list.
    const queue = async (verified: boolean) =>
      ok(
        await w.grid1(`query($g: ID!, $v: Boolean) { needs(filter: { gridId: $g, status: [REPORTED], source: RESIDENT, verified: $v }, first: 100) { nodes { id } } }`, {
          g: w.grids[0]!.id,
          v: verified,
        }),
      ).needs.nodes.map((n: { id: string }) => n.id);
    expect(await queue(false)).toContain(id);
    expect(await queue(true)).not.toContain(id);
    const verified = ok(await w.grid1(VERIFY, { id, comment: '已电话联系居民，情况属实' })).verifyResidentNeed;
    expect(verified).toMatchObject({ status: 'REPORTED', source: 'RESIDENT', verifiedBy: { username: 'grid1' } });
    expect(Date.now() - new Date(verified.verifiedAt).getTime()).toBeLessThan(60_000);
    expect(await queue(false)).not.toContain(id);
    expect(await queue(true)).toContain(id);
    expect(verified.history).toEqual([{ from: 'REPORTED', to: 'REPORTED', comment: '已核实：已电话联系居民，情况属实', actor: { username: 'grid1' } }]);

    const audit = await s.sql(
      `SELECT a.action, u.username, a.summary FROM audit_entry a JOIN app_user u ON u.id = a.actor_id WHERE a.subject_id = $1`,
      [id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'NEED_VERIFY', username: 'grid1' });
    expect(audit[0].summary).toMatchObject({ before: { status: 'REPORTED', verifiedAt: null }, after: { status: 'REPORTED' }, comment: '已电话联系居民，情况属实' });

    // Everyone who reads the need sees that it was verified, and by whom.
    for (const c of [w.committee, w.viewer, w.unit1]) {
      expect(ok(await c(READ, { id })).need).toMatchObject({ verifiedAt: verified.verifiedAt, verifiedBy: { username: 'grid1' } });
    }

    const screened = ok(await w.committee(SCREEN, { id, accept: true })).screenNeed;
    expect(screened.status).toBe('ACCEPTED');
    // Verified once: again is CONFLICT ALREADY_VERIFIED (here no longer REPORTED, so the status refuses first).
    expectError(await w.grid1(VERIFY, { id }), 'CONFLICT');
  });

  it('twice: CONFLICT ALREADY_VERIFIED, nothing written; the committee may verify too, in any grid', async () => {
    const id = await residentNeed();
    ok(await w.committee(VERIFY, { id }));
    const before = await snapshot(id);
    expect(before.events).toBe(1);
    for (const c of [w.grid1, w.committee]) {
      const r = await c(VERIFY, { id, comment: '再次核实' });
      expectError(r, 'CONFLICT');
      expect(r.errors![0]!.extensions!.reason).toBe('ALREADY_VERIFIED');
      expect(await snapshot(id)).toEqual(before);
    }
    const history = ok(await w.committee(`query($id: ID!) { need(id: $id) { history { comment actor { username } } } }`, { id })).need.history;
    expect(history).toEqual([{ comment: '已核实', actor: { username: 'committee' } }]);
    // A rejection, once verified, is the committee's to make.
    expect(ok(await w.committee(SCREEN, { id, accept: false, comment: '不属于民生微实事' })).screenNeed.status).toBe('REJECTED');
  });

  it("another grid's worker, a unit admin, the viewer and another alliance's committee are refused, nothing written", async () => {
    const id = await residentNeed();
    const before = await snapshot(id);
    for (const [who, c, code] of [
      ['grid2', w.grid2, 'FORBIDDEN'],
      ['unit1', w.unit1, 'FORBIDDEN'],
      ['viewer', w.viewer, 'FORBIDDEN'],
      ['n-committee', w.nCommittee, 'NOT_FOUND'],
    ] as [string, Client, string][]) {
      const r = await c(VERIFY, { id, comment: '核实' });
      expect(r.errors?.[0]?.extensions?.code, who).toBe(code);
      expect(await snapshot(id), who).toEqual(before);
    }
  });

  it("a need reported by staff is not verified (CONFLICT NOT_RESIDENT_NEED) and is screened without it", async () => {
    const need = ok(await w.grid1(`mutation($input: ReportNeedInput!) { reportNeed(input: $input) { id source } }`, { input: reportInput(w) })).reportNeed;
    expect(need.source).toBe('STAFF');
    const before = await snapshot(need.id);
    const r = await w.grid1(VERIFY, { id: need.id });
    expectError(r, 'CONFLICT');
    expect(r.errors![0]!.extensions!.reason).toBe('NOT_RESIDENT_NEED');
    expect(await snapshot(need.id)).toEqual(before);
    expect(ok(await w.committee(SCREEN, { id: need.id, accept: true })).screenNeed).toMatchObject({ status: 'ACCEPTED', verifiedAt: null });
  });

  it('the comment is bounded like any comment (BAD_USER_INPUT naming it, nothing written)', async () => {
    const id = await residentNeed();
    const before = await snapshot(id);
    expectError(await w.grid1(VERIFY, { id, comment: '长'.repeat(5000) }), 'BAD_USER_INPUT', 'comment');
    expect(await snapshot(id)).toEqual(before);
  });
});
