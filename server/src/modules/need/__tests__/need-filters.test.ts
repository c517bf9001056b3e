import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { LIMITS } from '@alliance/shared';
import { driveTo, expectError, ok, Q, snapshot, world, type World } from './need-helpers.js';

let s: TestServer;
let w: World;
let allianceId: string;
/** The needs made here, by what they are to unit1 (its liaison: user unit1). */
const made: Record<string, string> = {};

beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
  allianceId = (await s.sql(`SELECT alliance_id FROM app_user WHERE username = 'committee'`))[0].alliance_id;
  const unit1Project = w.onShelf.find((p) => p.unit.id === w.unitId.unit1)!;
  const otherProject = w.onShelf.find((p) => p.unit.id !== w.unitId.unit1 && p.unit.id !== w.unitId.unit2)!;
  made.assignedToUnit1 = (await driveTo(w, 'IN_PROGRESS', { projects: [otherProject.id], assignee: { client: w.unit1, id: w.userId.unit1 } })).id;
  made.claimedByUnit1 = (await driveTo(w, 'ACCEPTED', { claimers: [w.unit1] })).id;
  made.orderedFromUnit1 = (await driveTo(w, 'ORDERED', { projects: [unit1Project.id] })).id;
  made.unclaimed = (await driveTo(w, 'ACCEPTED')).id;
  made.claimedByUnit2 = (await driveTo(w, 'ORDERED', { projects: [otherProject.id], claimers: [w.unit2] })).id;
  made.assignedToGrid1 = (await driveTo(w, 'IN_PROGRESS', { projects: [otherProject.id] })).id;
  made.reported = (await driveTo(w, 'REPORTED')).id;
});
afterAll(() => s?.close());

async function ids(c: Client, filter: Record<string, unknown>): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const r: any = ok(await c(Q.needs, { filter, first: 100, after })).needs;
    out.push(...r.nodes.map((n: any) => n.id));
    if (!r.pageInfo.hasNextPage) {
      expect(r.totalCount).toBe(out.length);
      return out.sort();
    }
    after = r.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

const sqlIds = async (where: string, params: unknown[] = []): Promise<string[]> =>
  (await s.sql(`SELECT n.id FROM need n WHERE n.alliance_id = $1 AND (${where})`, [allianceId, ...params])).map((r) => r.id).sort();

const allIds = () => sqlIds('TRUE');
const complement = async (part: string[]) => (await allIds()).filter((id) => !part.includes(id));

describe('assignedToMe', () => {
  it('the needs assigned to the caller, whatever the role; false: all the others', async () => {
    for (const [who, c, user] of [
      ['grid1', w.grid1, w.userId.grid1],
      ['unit1', w.unit1, w.userId.unit1],
      ['committee', w.committee, w.userId.committee],
      ['viewer', w.viewer, w.userId.viewer],
    ] as const) {
      const mine = await sqlIds('n.assignee_id = $2', [user]);
      expect(await ids(c, { assignedToMe: true }), who).toEqual(mine);
      expect(await ids(c, { assignedToMe: false }), who).toEqual(await complement(mine));
    }
    expect(await ids(w.grid1, { assignedToMe: true })).toContain(made.assignedToGrid1);
    expect(await ids(w.unit1, { assignedToMe: true })).toContain(made.assignedToUnit1);
    expect(await ids(w.viewer, { assignedToMe: true })).toEqual([]);
  });
});

describe('myUnit', () => {
  it("a liaison: assigned to it, claimed by its unit, or ordered against its unit's project", async () => {
    for (const [who, c, user, unit] of [
      ['unit1', w.unit1, w.userId.unit1, w.unitId.unit1],
      ['unit2', w.unit2, w.userId.unit2, w.unitId.unit2],
    ] as const) {
      const expected = await sqlIds(
        `n.assignee_id = $2
         OR n.id IN (SELECT c.need_id FROM need_claim c WHERE c.unit_id = $3)
         OR n.id IN (SELECT np.need_id FROM need_project np JOIN shelf_project p ON p.id = np.shelf_project_id WHERE p.unit_id = $3)`,
        [user, unit],
      );
      expect(expected.length, who).toBeGreaterThan(0);
      expect(await ids(c, { myUnit: true }), who).toEqual(expected);
      expect(await ids(c, { myUnit: false }), who).toEqual(await complement(expected));
    }
    const unit1 = await ids(w.unit1, { myUnit: true });
    expect(unit1).toEqual(expect.arrayContaining([made.assignedToUnit1, made.claimedByUnit1, made.orderedFromUnit1]));
    for (const n of [made.unclaimed, made.claimedByUnit2, made.assignedToGrid1, made.reported]) expect(unit1).not.toContain(n);
  });

  it('a role without a unit: none (not an error) for true, all for false', async () => {
    const all = await allIds();
    for (const [who, c] of [['committee', w.committee], ['grid1', w.grid1], ['viewer', w.viewer]] as const) {
      expect(await ids(c, { myUnit: true }), who).toEqual([]);
      expect(await ids(c, { myUnit: false }), who).toEqual(all);
    }
  });
});

describe('claimable', () => {
  it("a liaison: ACCEPTED or ORDERED needs its unit has not claimed, in the categories it serves or none", async () => {
    for (const [who, c, unit] of [
      ['unit1', w.unit1, w.unitId.unit1],
      ['unit2', w.unit2, w.unitId.unit2],
    ] as const) {
      const expected = await sqlIds(
        `n.status IN ('ACCEPTED', 'ORDERED') AND NOT EXISTS (SELECT 1 FROM need_claim c WHERE c.need_id = n.id AND c.unit_id = $2)
         AND (n.category_id IS NULL OR n.category_id IN (SELECT p.category_id FROM shelf_project p WHERE p.unit_id = $2 AND p.status = 'ON_SHELF'))`,
        [unit],
      );
      expect(await ids(c, { claimable: true }), who).toEqual(expected);
      expect(await ids(c, { claimable: false }), who).toEqual(await complement(expected));
    }
    const unit1 = await ids(w.unit1, { claimable: true });
    expect(unit1).toEqual(expect.arrayContaining([made.unclaimed, made.claimedByUnit2, made.orderedFromUnit1]));
    for (const n of [made.claimedByUnit1, made.assignedToUnit1, made.reported]) expect(unit1).not.toContain(n);
    expect(await ids(w.unit2, { claimable: true })).not.toContain(made.claimedByUnit2);

    // What the list offers can be claimed: the first one, then it is no longer offered.
    const [first] = unit1;
    ok(await w.unit1(`mutation($id: ID!) { claimNeed(id: $id) { id } }`, { id: first }));
    expect(await ids(w.unit1, { claimable: true })).toEqual(unit1.filter((id) => id !== first));
  });

  it("offers only the categories of the unit's ON_SHELF projects (and needs without one); a claim outside them is still taken", async () => {
    const projectsIn = async (code: string): Promise<string[]> =>
      (
        await s.sql(
          `SELECT p.id FROM shelf_project p JOIN service_category c ON c.id = p.category_id WHERE p.unit_id = $1 AND p.status = 'ON_SHELF' AND c.code = $2`,
          [w.unitId.unit1, code],
        )
      ).map((r) => r.id);
    const [{ code: other }, { code: served }] = await s.sql(
      `SELECT c.code FROM service_category c WHERE c.alliance_id = $1
        AND EXISTS (SELECT 1 FROM shelf_project p WHERE p.category_id = c.id AND p.unit_id = $2 AND p.status = 'ON_SHELF') ORDER BY c.code LIMIT 2`,
      [allianceId, w.unitId.unit1],
    );
    // unit1 serves every category of the demo: it stops serving one for this test.
    const withdrawn = await projectsIn(other);
    expect(withdrawn.length).toBeGreaterThan(0);
    await s.sql(`UPDATE shelf_project SET status = 'OFF_SHELF' WHERE id = ANY($1)`, [withdrawn]);
    try {
      const inMine = (await driveTo(w, 'ACCEPTED', { input: { categoryCode: served } })).id;
      const outside = (await driveTo(w, 'ACCEPTED', { input: { categoryCode: other } })).id;
      const uncategorised = (await driveTo(w, 'ACCEPTED', { input: { categoryCode: null } })).id;
      const offered = await ids(w.unit1, { claimable: true });
      expect(offered).toEqual(expect.arrayContaining([inMine, uncategorised]));
      expect(offered).not.toContain(outside);
      expect(await ids(w.unit1, { claimable: false })).toContain(outside);
      // Another unit that serves it is offered it.
      const unit2Serves = (await s.sql(
        `SELECT 1 FROM shelf_project p JOIN service_category c ON c.id = p.category_id WHERE p.unit_id = $1 AND p.status = 'ON_SHELF' AND c.code = $2`,
        [w.unitId.unit2, other],
      )).length > 0;
      expect(await ids(w.unit2, { claimable: true }).then((x) => x.includes(outside))).toBe(unit2Serves);

      // The hall narrows what is offered; a unit that wants to help outside its shelf still may.
      const claimed = ok(await w.unit1(`mutation($id: ID!) { claimNeed(id: $id) { id claimedBy { id } } }`, { id: outside })).claimNeed;
      expect(claimed.claimedBy.map((u: { id: string }) => u.id)).toContain(w.unitId.unit1);
    } finally {
      await s.sql(`UPDATE shelf_project SET status = 'ON_SHELF' WHERE id = ANY($1)`, [withdrawn]);
    }
  });

  it("a claim may carry a note (what the unit offers): kept in the history after the unit's name; a bad note writes nothing", async () => {
    const id = (await driveTo(w, 'ACCEPTED')).id;
    const CLAIM = `mutation($id: ID!, $note: String) { claimNeed(id: $id, note: $note) { id claimedBy { id name } history { to comment actor { username } } } }`;
    const before = await snapshot(s, id);
    expectError(await w.unit1(CLAIM, { id, note: '长'.repeat(LIMITS.comment + 1) }), 'BAD_USER_INPUT', 'note');
    expect(await snapshot(s, id)).toEqual(before);
    const claimed = ok(await w.unit1(CLAIM, { id, note: '  可派2名党员电工，周末上门  ' })).claimNeed;
    const unitName = claimed.claimedBy.find((u: { id: string }) => u.id === w.unitId.unit1).name;
    expect(claimed.history.at(-1)).toEqual({ to: 'ACCEPTED', comment: `${unitName}：可派2名党员电工，周末上门`, actor: { username: 'unit1' } });
  });

  it('a unit that is not ACTIVE claims nothing: none for true, all for false', async () => {
    const all = await allIds();
    expect((await ids(w.unit2, { claimable: true })).length).toBeGreaterThan(0);
    await s.sql(`UPDATE member_unit SET status = 'SUSPENDED' WHERE id = $1`, [w.unitId.unit2]);
    try {
      expect(await ids(w.unit2, { claimable: true })).toEqual([]);
      expect(await ids(w.unit2, { claimable: false })).toEqual(all);
    } finally {
      await s.sql(`UPDATE member_unit SET status = 'ACTIVE' WHERE id = $1`, [w.unitId.unit2]);
    }
  });

  it('roles that do not claim: none for true, all for false', async () => {
    const all = await allIds();
    for (const [who, c] of [['committee', w.committee], ['grid1', w.grid1], ['viewer', w.viewer]] as const) {
      expect(await ids(c, { claimable: true }), who).toEqual([]);
      expect(await ids(c, { claimable: false }), who).toEqual(all);
    }
  });
});

describe('reportedFrom / reportedTo: the alliance\'s days, inclusive', () => {
  it('counts a need on the local day it was reported (Asia/Shanghai), both ends included', async () => {
    // Around 2019-03-10 in Shanghai (UTC+8), where the demo has no needs.
    const at: Record<string, string> = {
      beforeDay: '2019-03-09T23:59:59+08:00',
      dayStart: '2019-03-10T00:00:00+08:00',
      dayEnd: '2019-03-10T23:59:59.999+08:00',
      nextDay: '2019-03-11T00:00:00+08:00',
      twoDaysOn: '2019-03-12T12:00:00+08:00',
    };
    const needOf: Record<string, string> = {};
    for (const [key, time] of Object.entries(at)) {
      needOf[key] = (await driveTo(w, 'REPORTED')).id;
      await s.sql(`UPDATE need SET reported_at = $2 WHERE id = $1`, [needOf[key], time]);
    }
    const local = (from: string | null, to: string | null) =>
      sqlIds(
        `($2::date IS NULL OR (n.reported_at AT TIME ZONE 'Asia/Shanghai')::date >= $2::date)
         AND ($3::date IS NULL OR (n.reported_at AT TIME ZONE 'Asia/Shanghai')::date <= $3::date)`,
        [from, to],
      );
    const ranges: [string | null, string | null, string[]][] = [
      ['2019-03-10', '2019-03-10', ['dayStart', 'dayEnd']],
      ['2019-03-10', '2019-03-11', ['dayStart', 'dayEnd', 'nextDay']],
      ['2019-03-09', '2019-03-12', ['beforeDay', 'dayStart', 'dayEnd', 'nextDay', 'twoDaysOn']],
      ['2019-03-11', null, ['nextDay', 'twoDaysOn']],
      [null, '2019-03-09', ['beforeDay']],
    ];
    for (const [from, to, keys] of ranges) {
      const filter = { ...(from ? { reportedFrom: from } : {}), ...(to ? { reportedTo: to } : {}) };
      const got = await ids(w.viewer, filter);
      expect(got, JSON.stringify(filter)).toEqual(await local(from, to));
      const ours = Object.values(needOf);
      expect(got.filter((id) => ours.includes(id)).sort(), JSON.stringify(filter)).toEqual(keys.map((k) => needOf[k]!).sort());
    }
    // With other filters: both hold.
    expect(await ids(w.committee, { reportedFrom: '2019-03-10', reportedTo: '2019-03-10', status: ['REPORTED'] })).toEqual(
      [needOf.dayStart!, needOf.dayEnd!].sort(),
    );
    expect(await ids(w.committee, { reportedFrom: '2019-03-10', reportedTo: '2019-03-10', status: ['CLOSED'] })).toEqual([]);
  });

  it('reportedTo before reportedFrom: BAD_USER_INPUT DATE_ORDER naming filter.reportedTo; a malformed day is refused', async () => {
    const r = await w.committee(Q.needs, { filter: { reportedFrom: '2019-03-11', reportedTo: '2019-03-10' } });
    expectError(r, 'BAD_USER_INPUT', 'filter.reportedTo');
    expect(r.errors![0]!.extensions!.reason).toBe('DATE_ORDER');
    for (const bad of ['2019-02-30', '10.03.2019', '2019-03-10T00:00:00Z']) {
      expect((await w.committee(Q.needs, { filter: { reportedFrom: bad } })).errors?.[0]?.extensions?.code, bad).toBe('BAD_USER_INPUT');
    }
  });
});

describe("resolvedFrom / resolvedTo: 办结 on the alliance's days, inclusive", () => {
  it('counts a need on the local day it was resolved, with the other filters, and refuses a range the wrong way round', async () => {
    // Around 2018-07-10 in Shanghai, where the demo has no needs; reported a month earlier.
    const at: Record<string, string> = {
      beforeDay: '2018-07-09T23:59:59+08:00',
      dayStart: '2018-07-10T00:00:00+08:00',
      dayEnd: '2018-07-10T23:59:59.999+08:00',
      nextDay: '2018-07-11T00:00:00+08:00',
    };
    const needOf: Record<string, string> = {};
    for (const [key, time] of Object.entries(at)) {
      needOf[key] = (await driveTo(w, 'REPORTED')).id;
      await s.sql(`UPDATE need SET status = 'CLOSED', reported_at = '2018-06-05T10:00:00+08:00', resolved_at = $2 WHERE id = $1`, [needOf[key], time]);
    }
    const ours = Object.values(needOf);
    const ranges: [Record<string, unknown>, string[]][] = [
      [{ resolvedFrom: '2018-07-10', resolvedTo: '2018-07-10' }, ['dayStart', 'dayEnd']],
      [{ resolvedFrom: '2018-07-10' }, ['dayStart', 'dayEnd', 'nextDay']],
      [{ resolvedTo: '2018-07-09' }, ['beforeDay']],
      // Resolved in the month and reported before it (the monthly 台账's second part).
      [{ resolvedFrom: '2018-07-01', resolvedTo: '2018-07-31', reportedTo: '2018-06-30' }, ['beforeDay', 'dayStart', 'dayEnd', 'nextDay']],
      [{ resolvedFrom: '2018-07-01', resolvedTo: '2018-07-31', reportedFrom: '2018-07-01' }, []],
      [{ resolvedFrom: '2018-07-10', resolvedTo: '2018-07-10', status: ['RESOLVED'] }, []],
    ];
    for (const [filter, keys] of ranges) {
      const got = await ids(w.viewer, filter);
      expect(got.filter((id) => ours.includes(id)).sort(), JSON.stringify(filter)).toEqual(keys.map((k) => needOf[k]!).sort());
    }
    // Exactly the SQL's local days over every need, not only ours.
    expect(await ids(w.committee, { resolvedFrom: '2018-07-10', resolvedTo: '2018-07-10' })).toEqual(
      await sqlIds(`(n.resolved_at AT TIME ZONE 'Asia/Shanghai')::date = '2018-07-10'::date`, []),
    );
    const r = await w.committee(Q.needs, { filter: { resolvedFrom: '2018-07-11', resolvedTo: '2018-07-10' } });
    expectError(r, 'BAD_USER_INPUT', 'filter.resolvedTo');
    expect(r.errors![0]!.extensions!.reason).toBe('DATE_ORDER');
    expect((await w.committee(Q.needs, { filter: { resolvedFrom: '2018-02-30' } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('overdue with the new filters', () => {
  it('combines with myUnit and assignedToMe (all must hold)', async () => {
    const late = await driveTo(w, 'IN_PROGRESS', { dueAt: new Date(Date.now() - 86_400_000), assignee: { client: w.unit1, id: w.userId.unit1 } });
    const expected = await sqlIds(`n.assignee_id = $2 AND n.status NOT IN ('RESOLVED', 'CLOSED', 'REJECTED') AND n.due_at < now()`, [w.userId.unit1]);
    expect(expected).toContain(late.id);
    expect(await ids(w.unit1, { assignedToMe: true, overdue: true })).toEqual(expected);
    expect(await ids(w.unit1, { myUnit: true, overdue: true })).toContain(late.id);
    expect(await ids(w.unit2, { myUnit: true, overdue: true })).not.toContain(late.id);
  });
});
