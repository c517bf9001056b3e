import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type TestServer } from '../../testing/test-server.js';
import { demoId } from '../../modules/seed/ids.js';

// Each alliance sees only itself; another alliance's id behaves like one that does not exist.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const SONGSHAN = { unit: demoId('songshan:unit:0'), project: demoId('songshan:project:10'), draft: demoId('songshan:project:41') };
const SONGLIN = { unit: demoId('songlin:unit:0'), project: demoId('songlin:project:0') };
const NOWHERE = '7f1c2a9e-0000-4000-8000-000000000000';

const cases = [
  { who: 'n-committee', own: SONGLIN, foreign: SONGSHAN, ownUnits: 3, alliance: '松林社区区域化党建联盟' },
  { who: 'committee', own: SONGSHAN, foreign: SONGLIN, ownUnits: 27, alliance: '松山社区区域化党建联盟' },
] as const;

const snapshot = async () => ({
  units: await s.sql(`SELECT id, version, name, status FROM member_unit ORDER BY id`),
  projects: await s.sql(`SELECT id, version, status, title FROM shelf_project ORDER BY id`),
  agreements: await s.sql(`SELECT count(*)::int AS n FROM agreement`),
});

describe.each(cases)('as $who', ({ who, own, foreign, ownUnits, alliance }) => {
  it('reads only its own alliance', async () => {
    const c = await s.as(who);
    const r = await c(`{ alliance { name grids { name } categories { code } } memberUnits(first: 100) { totalCount nodes { id } } shelfProjects(first: 100) { nodes { id unit { id } } } }`);
    expect(r.data.alliance.name).toBe(alliance);
    expect(r.data.memberUnits.totalCount).toBe(ownUnits);
    const unitIds = new Set(r.data.memberUnits.nodes.map((n: { id: string }) => n.id));
    expect(unitIds.has(own.unit)).toBe(true);
    expect(unitIds.has(foreign.unit)).toBe(false);
    for (const p of r.data.shelfProjects.nodes) expect(unitIds.has(p.unit.id)).toBe(true);
  });

  it("finds another alliance's records exactly as it finds ids that do not exist", async () => {
    const c = await s.as(who);
    const Q = `query($u: ID!, $p: ID!) { memberUnit(id: $u) { id } shelfProject(id: $p) { id } }`;
    const theirs = await c(Q, { u: foreign.unit, p: foreign.project });
    const none = await c(Q, { u: NOWHERE, p: NOWHERE });
    expect(theirs).toEqual({ ...none, sql: theirs.sql });
    expect(theirs.data).toEqual({ memberUnit: null, shelfProject: null });
    const filtered = await c(`query($u: ID!) { shelfProjects(filter: { unitId: $u }) { totalCount } }`, { u: foreign.unit });
    expect(filtered.data.shelfProjects.totalCount).toBe(0);
  });

  it("cannot write another alliance's records: NOT_FOUND, as for a missing id, and nothing changes", async () => {
    const c = await s.as(who);
    const before = await snapshot();
    const writes: [string, Record<string, unknown>][] = [
      [`mutation($id: ID!) { r: updateMemberUnit(id: $id, version: 1, input: { contactName: "x" }) { id } }`, { id: foreign.unit }],
      [`mutation($id: ID!) { r: signAgreement(unitId: $id, input: { signedAt: "2026-01-01", validUntil: "2027-01-01", responsibilities: "x" }) { id } }`, { id: foreign.unit }],
      [`mutation($id: ID!) { r: updateShelfProject(id: $id, version: 1, input: { title: "x" }) { id } }`, { id: foreign.project }],
      [`mutation($id: ID!) { r: submitShelfProject(id: $id) { id } }`, { id: foreign.project }],
      [`mutation($id: ID!) { r: reviewShelfProject(id: $id, approve: true) { id } }`, { id: foreign.project }],
      [`mutation($id: ID!) { r: takeDownShelfProject(id: $id, reason: "x") { id } }`, { id: foreign.project }],
    ];
    for (const [doc, vars] of writes) {
      const theirs = await c(doc, vars);
      const missing = await c(doc, { ...vars, id: NOWHERE });
      expect(codeOf(theirs), doc).toBe('NOT_FOUND');
      expect(theirs.errors![0]!.message).toBe(missing.errors![0]!.message);
    }
    const create = await c(`mutation($u: ID!) { createShelfProject(input: { title: "x", description: "x", categoryCode: "PARTY_MASS_SERVICE", unitId: $u }) { id } }`, { u: foreign.unit });
    expect(create.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(await snapshot()).toEqual(before);
  });
});

it("a unit admin of the neighbouring alliance cannot reach this alliance's projects either", async () => {
  const u = await s.as('n-unit1');
  const r = await u(`query($id: ID!) { shelfProject(id: $id) { id } }`, { id: SONGSHAN.draft });
  expect(r.data.shelfProject).toBeNull();
  const w = await u(`mutation($id: ID!) { submitShelfProject(id: $id) { id } }`, { id: SONGSHAN.draft });
  expect(codeOf(w)).toBe('NOT_FOUND');
});
