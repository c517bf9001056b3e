import { addDays, localDate } from '@alliance/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, fastPathOn, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';

/** docs/adoption.md "Agreements": VALID, EXPIRING, EXPIRED, NONE as of the alliance's today (Asia/Shanghai). */

let s: TestServer;
let committee: Client;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
});
afterAll(() => s?.close());

const PREFIX = '协议状态测试';
type Status = 'VALID' | 'EXPIRING' | 'EXPIRED' | 'NONE';

/** name suffix -> its agreements as [signedAt, validUntil] in days from today, and the status expected. */
const CASES: Record<string, { agreements: [number, number][]; expected: Status }> = {
  valid31: { agreements: [[-200, 31]], expected: 'VALID' },
  signedToday: { agreements: [[0, 365]], expected: 'VALID' },
  renewed: { agreements: [[-900, -200], [-199, 500]], expected: 'VALID' },
  endingAndRenewedLonger: { agreements: [[-300, 10], [-5, 400]], expected: 'VALID' },
  expiring30: { agreements: [[-300, 30]], expected: 'EXPIRING' },
  lastDayToday: { agreements: [[-300, 0]], expected: 'EXPIRING' },
  endedYesterday: { agreements: [[-400, -1]], expected: 'EXPIRED' },
  endedThenFuture: { agreements: [[-800, -100], [3, 700]], expected: 'EXPIRED' },
  never: { agreements: [], expected: 'NONE' },
  futureOnly: { agreements: [[1, 700]], expected: 'NONE' },
};

let unitIds: Record<string, string>;

beforeAll(async () => {
  const today = localDate();
  const [{ alliance_id: allianceId }] = await s.sql(`SELECT alliance_id FROM app_user WHERE username = 'committee'`);
  unitIds = {};
  for (const [name, c] of Object.entries(CASES)) {
    const [{ id }] = await s.sql(
      `INSERT INTO member_unit (alliance_id, name, kind, contact_name, contact_phone) VALUES ($1, $2, 'OTHER', '测试联系人', '13800000000') RETURNING id`,
      [allianceId, `${PREFIX}-${name}`],
    );
    unitIds[name] = id;
    for (const [from, to] of c.agreements) {
      await s.sql(`INSERT INTO agreement (alliance_id, unit_id, signed_at, valid_until, responsibilities) VALUES ($1, $2, $3, $4, '共建')`, [
        allianceId,
        id,
        addDays(today, from),
        addDays(today, to),
      ]);
    }
  }
});

const LIST = `query($filter: MemberUnitFilter) { memberUnits(filter: $filter, first: 100) { totalCount nodes { name agreementStatus } } }`;
const listOf = async (c: Client, filter: Record<string, unknown>) => {
  const r = await c(LIST, { filter });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.memberUnits.nodes as { name: string; agreementStatus: Status }[];
};
const expectedOf = (status?: Status) =>
  Object.entries(CASES)
    .filter(([, c]) => !status || c.expected === status)
    .map(([name]) => `${PREFIX}-${name}`)
    .sort();

describe('MemberUnit.agreementStatus', () => {
  it('is VALID, EXPIRING, EXPIRED or NONE by the agreements and today, for every role', async () => {
    for (const who of ['committee', 'unit1', 'grid1', 'viewer']) {
      const nodes = await listOf(await s.as(who), { search: PREFIX });
      expect(Object.fromEntries(nodes.map((n) => [n.name, n.agreementStatus])), who).toEqual(
        Object.fromEntries(Object.entries(CASES).map(([name, c]) => [`${PREFIX}-${name}`, c.expected])),
      );
    }
  });

  it('the demo alliance: 9 of its 27 units hold a valid agreement (2 of them due for renewal within 30 days), the others lapsed or never signed (the 阳光驿站\'s 15 newcomers among them)', async () => {
    const nodes = (await listOf(committee, {})).filter((n) => !n.name.startsWith(PREFIX));
    expect(nodes).toHaveLength(27);
    const count = (st: Status) => nodes.filter((n) => n.agreementStatus === st).length;
    expect({ VALID: count('VALID'), EXPIRING: count('EXPIRING'), EXPIRED: count('EXPIRED'), NONE: count('NONE') }).toEqual({ VALID: 7, EXPIRING: 2, EXPIRED: 2, NONE: 16 });
  });

  it('memberUnits filters by it, with the same rule as the field', async () => {
    for (const status of ['VALID', 'EXPIRING', 'EXPIRED', 'NONE'] as const) {
      const nodes = await listOf(committee, { search: PREFIX, agreementStatus: status });
      expect(nodes.map((n) => n.name).sort(), status).toEqual(expectedOf(status));
      expect(nodes.every((n) => n.agreementStatus === status)).toBe(true);
      // Across the whole alliance too: the filter and the field agree on every unit.
      const all = await listOf(committee, { agreementStatus: status });
      expect(all.every((n) => n.agreementStatus === status), status).toBe(true);
    }
    const every = await listOf(committee, {});
    const filtered = await Promise.all((['VALID', 'EXPIRING', 'EXPIRED', 'NONE'] as const).map((st) => listOf(committee, { agreementStatus: st })));
    expect(filtered.reduce((n, l) => n + l.length, 0)).toBe(every.length);
    const bad = await committee(LIST, { filter: { agreementStatus: 'SOMETIMES' } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('is read through a loader: one statement for a whole list of units', async () => {
    const without = await committee(`{ memberUnits(first: 100) { nodes { id name } } }`);
    const withStatus = await committee(`{ memberUnits(first: 100) { nodes { id name agreementStatus } } }`);
    expect(withStatus.errors).toBeUndefined();
    expect(withStatus.data.memberUnits.nodes.length).toBeGreaterThan(20);
    expect(withStatus.sql - without.sql).toBe(1);
  });

  it("is there where orders and reviews need it: a shelf project's unit", async () => {
    const Q = `{ shelfProjects(first: 50) { nodes { id unit { id agreementStatus } } } }`;
    const without = await committee(`{ shelfProjects(first: 50) { nodes { id unit { id } } } }`);
    const r = await committee(Q);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const nodes = r.data.shelfProjects.nodes as { unit: { id: string; agreementStatus: Status } }[];
    expect(nodes.length).toBeGreaterThan(10);
    // One statement for every unit's agreements; none on the fast path, which reads them in the page's statement.
    expect(r.sql - without.sql).toBe(fastPathOn ? 0 : 1);
    const byUnit = Object.fromEntries((await listOf(committee, {})).map((n) => [n.name, n.agreementStatus]));
    const names = Object.fromEntries(
      (await s.sql(`SELECT id, name FROM member_unit WHERE id = ANY($1)`, [nodes.map((n) => n.unit.id)])).map((u: { id: string; name: string }) => [u.id, u.name]),
    );
    for (const n of nodes) expect(n.unit.agreementStatus).toBe(byUnit[names[n.unit.id]!]);
  });

  it("a unit's agreement signed through the API moves it from EXPIRED to VALID", async () => {
    const id = unitIds.endedYesterday!;
    const today = localDate();
    const SIGN = `mutation($unitId: ID!, $input: AgreementInput!) { signAgreement(unitId: $unitId, input: $input) { signedAt } }`;
    const r = await committee(SIGN, { unitId: id, input: { signedAt: today, validUntil: addDays(today, 3 * 365), responsibilities: '续签' } });
    expect(r.errors).toBeUndefined();
    const after = await committee(`query($id: ID!) { memberUnit(id: $id) { agreementStatus } }`, { id });
    expect(after.data.memberUnit.agreementStatus).toBe('VALID');
  });
});
