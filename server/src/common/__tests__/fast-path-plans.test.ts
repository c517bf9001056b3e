import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, statementsSent, type GqlResult, type TestServer } from '../../testing/test-server.js';

/*
 * The fast path keeps a plan per document (docs/architecture.md, "Fast
 * path": the plan's key). A plan must never carry one caller's answer to
 * another: the same document, sent by callers of two alliances or two roles,
 * or with two filters of the same variables, must each get its own rows. The
 * documents are sent as the same text, so the second caller finds the first
 * one's plan kept.
 */

let s: TestServer;

const statementsOf = (run: () => Promise<unknown>) => statementsSent(s, run);

async function ask(username: string, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> {
  const r = await (await s.as(username))(query, variables);
  expect(r.errors).toBeUndefined();
  return r;
}

const ids = (r: GqlResult, field: string): string[] => r.data[field].nodes.map((n: { id: string }) => n.id);

let draftOfUnit1 = '';

beforeAll(async () => {
  s = await startTestServer({}, { FAST_PATH: 'on' });
  const unit1 = await s.as('unit1');
  const r = await unit1(`mutation($i: ShelfProjectInput!) { createShelfProject(input: $i) { id } }`, {
    i: { title: '草稿：楼道照明', description: '待提交审核', categoryCode: 'LIVELIHOOD_SECURITY', tags: [] },
  });
  expect(r.errors).toBeUndefined();
  draftOfUnit1 = r.data.createShelfProject.id;
});
afterAll(() => s?.close());

const SHELF = `query Shelf($first: Int) { shelfProjects(first: $first) { totalCount nodes { id status unit { id name } } } }`;

describe('fast path: plans kept per document', () => {
  it("answers each alliance's caller with its own alliance's rows", async () => {
    const expected = async (username: string) =>
      (
        await s.sql(
          `SELECT p.id FROM shelf_project p JOIN app_user u ON u.alliance_id = p.alliance_id
            WHERE u.username = $1 ORDER BY p.created_at DESC, p.id DESC LIMIT 50`,
          [username],
        )
      ).map((row: { id: string }) => row.id);
    for (const username of ['committee', 'n-committee', 'committee']) {
      const r = await ask(username, SHELF, { first: 50 });
      expect(ids(r, 'shelfProjects')).toEqual(await expected(username));
    }
    expect(await expected('committee')).not.toEqual(await expected('n-committee'));
  });

  it("answers each role by its own rules: a unit's draft is not shown to another unit's admin", async () => {
    const committee = ids(await ask('committee', SHELF, { first: 100 }), 'shelfProjects');
    const unit2 = ids(await ask('unit2', SHELF, { first: 100 }), 'shelfProjects');
    const unit1 = ids(await ask('unit1', SHELF, { first: 100 }), 'shelfProjects');
    expect(committee).toContain(draftOfUnit1);
    expect(unit1).toContain(draftOfUnit1);
    expect(unit2).not.toContain(draftOfUnit1);
  });

  it('reads what a role decides on in the same one statement: a liaison’s phone mask reads the delivering units', async () => {
    const doc = `query Phones { needs(first: 20) { nodes { id requesterPhone } } }`;
    await ask('committee', doc);
    await ask('unit1', doc);
    // Each caller's own plan: the liaison's statement reads the delivering units too, so no loader asks for them.
    for (const username of ['committee', 'unit1']) {
      const statements = await statementsOf(() => ask(username, doc));
      expect(statements).toHaveLength(1);
    }
  });

  it('answers each filter by its own conditions: verified and not verified, with the same variables', async () => {
    const doc = `query Needs($filter: NeedFilter) { needs(filter: $filter, first: 100) { totalCount nodes { id } } }`;
    const expected = async (verified: boolean) =>
      (
        await s.sql(
          `SELECT n.id FROM need n JOIN app_user u ON u.alliance_id = n.alliance_id
            WHERE u.username = 'committee' AND n.verified_at IS ${verified ? 'NOT ' : ''}NULL ORDER BY n.reported_at DESC, n.id DESC LIMIT 100`,
        )
      ).map((row: { id: string }) => row.id);
    for (const verified of [true, false, true]) {
      const r = await ask('committee', doc, { filter: { verified } });
      expect(ids(r, 'needs')).toEqual(await expected(verified));
    }
    expect((await expected(false)).length).toBeGreaterThan(0);
  });

  it("plans a nested field's arguments by their variables' values: each value read in the one statement", async () => {
    const doc = `query UnitProjects($status: ShelfStatus) {
      shelfProjects(first: 5) { nodes { id unit { id shelfProjects(status: $status) { id status } } } } }`;
    for (const status of ['ON_SHELF', 'DRAFT', null]) {
      let r: GqlResult | undefined;
      const statements = await statementsOf(async () => (r = await ask('committee', doc, { status })));
      expect(statements).toHaveLength(1);
      const listed = r!.data.shelfProjects.nodes.flatMap((n: { unit: { shelfProjects: { status: string }[] } }) => n.unit.shelfProjects);
      if (status) for (const p of listed) expect(p.status).toBe(status);
    }
  });
});
