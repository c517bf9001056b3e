import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, statementsSent, untilReferenceHeld, type GqlResult, type TestServer } from '../../testing/test-server.js';
import { declaredFastType, forgetFastPlans } from '../fast-path.js';

/*
 * The fast path reads only the columns the selection needs (docs/architecture.md,
 * "Fast path": `columns` in each module's .fast.ts). What it does not read
 * must never be answered: a field resolver reading a column left unread fails
 * the request, and a request with other root fields (which may read the same
 * loaders) reads every column. The answers themselves are compared with the
 * general path's, for every role, in fast-path.test.ts.
 */

let s: TestServer;
let token = '';
const statementsOf = (run: () => Promise<unknown>) => statementsSent(s, run);

beforeAll(async () => {
  s = await startTestServer({}, { FAST_PATH: 'on' });
  token = await s.login('committee');
  // The statements counted below are a request's own, not the instance's first read of its reference data.
  await untilReferenceHeld(s, token);
});
afterAll(() => s?.close());

const SHELF = `{ shelfProjects(first: 5) { totalCount nodes { id title status createdAt category { name } unit { id name agreement { id validUntil } } } } }`;

describe('fast path: the columns read', () => {
  it('reads the columns of the fields selected, and those their resolvers and the visibility rules read: no long text unasked', async () => {
    let r: GqlResult | undefined;
    const [sql, ...more] = await statementsOf(async () => (r = await s.gql(SHELF, {}, token)));
    expect(r!.errors).toBeUndefined();
    expect(r!.data.shelfProjects.nodes.length).toBe(5);
    expect(more).toEqual([]);
    // The project: its selected columns, what decides who sees it, the order's key; the unit: its id and name.
    for (const read of ['e."title"', 'e."status"', 'e."unit_id"', 'e."created_at"', 'e."category_id"', '."name"', '."valid_until"']) expect(sql).toContain(read);
    for (const unread of ['"description"', '"responsibilities"', '"contact_phone"', '"address"', '"review_comment"', '"updated_at"']) {
      expect(sql).not.toContain(unread);
    }
  });

  it('reads a long text when its field is selected', async () => {
    const [sql] = await statementsOf(() => s.gql(`{ shelfProjects(first: 2) { nodes { id description unit { id agreement { responsibilities } } } } }`, {}, token));
    expect(sql).toContain('"description"');
    expect(sql).toContain('"responsibilities"');
    expect(sql).not.toContain('"contact_phone"');
  });

  it('reads every column when the operation has other root fields, which may read the loaders it fills', async () => {
    const doc = `{ shelfProjects(first: 2) { nodes { id unit { id } } } me { id unit { id name contactPhone address } } }`;
    let r: GqlResult | undefined;
    const statements = await statementsOf(async () => (r = await s.gql(doc, {}, token)));
    expect(r!.errors).toBeUndefined();
    const shelf = statements.find((q) => q.includes('WITH filtered'))!;
    for (const read of ['"description"', '"contact_phone"', '"address"', '"updated_at"']) expect(shelf).toContain(read);
  });

  it('never answers a column it did not read: a resolver reading more than its declaration names fails the request', async () => {
    const activity = (await s.sql(`SELECT a.id FROM activity a JOIN app_user u ON u.alliance_id = a.alliance_id
      WHERE u.username = 'committee' AND a.status = 'COMPLETED' AND a.outcome_participants IS NOT NULL LIMIT 1`))[0].id;
    const doc = `query($id: ID!) { activity(id: $id) { id outcome { participants summary } } }`;
    const right = await s.gql(doc, { id: activity }, token);
    expect(right.errors).toBeUndefined();
    expect(right.data.activity.outcome.participants).toBeGreaterThan(0);
    // The declaration forgets what outcome reads besides the row's id: the answer is an error, never a null outcome.
    const declared = declaredFastType('Activity')!.columns!;
    const reads = declared.reads!;
    const outcome = reads.outcome!;
    reads.outcome = [];
    // Plans are kept per document: the changed declaration is planned afresh, and so is the restored one.
    forgetFastPlans();
    try {
      const wrong = await s.gql(doc, { id: activity }, token);
      expect(wrong.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(wrong.data?.activity?.outcome ?? null).toBeNull();
      expect(JSON.stringify(wrong.errors)).not.toMatch(/outcome_|SELECT/);
    } finally {
      reads.outcome = outcome;
      forgetFastPlans();
    }
    expect((await s.gql(doc, { id: activity }, token)).data.activity.outcome).toEqual(right.data.activity.outcome);
  });
});
