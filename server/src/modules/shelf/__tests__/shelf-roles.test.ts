import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';

// The roles table of docs/domain.md for the shelf, row by row.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const UNIT1 = demoId('songshan:unit:0');
const UNIT2 = demoId('songshan:unit:1');
const CREATE = `mutation($input: ShelfProjectInput!) { createShelfProject(input: $input) { id unit { id } } }`;
const input = (extra: Record<string, unknown> = {}) => ({ title: '测试', description: '说明', categoryCode: 'PARTY_MASS_SERVICE', ...extra });
const count = async () => (await s.sql(`SELECT count(*)::int AS n FROM shelf_project`))[0].n as number;

async function draftOf(unitId: string) {
  const c = await s.as('committee');
  const r = await c(CREATE, { input: input({ unitId }) });
  return r.data.createShelfProject.id as string;
}

describe('who may create, edit and submit shelf projects', () => {
  it('the committee creates for any unit, and must say which', async () => {
    const c = await s.as('committee');
    const ok = await c(CREATE, { input: input({ unitId: UNIT2 }) });
    expect(ok.data.createShelfProject.unit.id).toBe(UNIT2);
    const before = await count();
    const missing = await c(CREATE, { input: input() });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(await count()).toBe(before);
  });

  it("a unit admin creates for its own unit only", async () => {
    const u = await s.as('unit1');
    const own = await u(CREATE, { input: input() });
    expect(own.data.createShelfProject.unit.id).toBe(UNIT1);
    const before = await count();
    const other = await u(CREATE, { input: input({ unitId: UNIT2 }) });
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('grid workers and viewers create nothing', async () => {
    const before = await count();
    for (const who of ['grid1', 'viewer']) {
      const r = await (await s.as(who))(CREATE, { input: input({ unitId: UNIT1 }) });
      expect(codeOf(r), who).toBe('FORBIDDEN');
    }
    expect(await count()).toBe(before);
  });

  it("a unit admin edits and submits its own unit's projects, not another's", async () => {
    const mine = await draftOf(UNIT1);
    const theirs = await draftOf(UNIT2);
    const u = await s.as('unit1');
    const EDIT = `mutation($id: ID!) { updateShelfProject(id: $id, version: 1, input: { title: "改" }) { title } }`;
    const SUBMIT = `mutation($id: ID!) { submitShelfProject(id: $id) { status } }`;
    expect((await u(EDIT, { id: mine })).data.updateShelfProject.title).toBe('改');
    expect((await u(SUBMIT, { id: mine })).data.submitShelfProject.status).toBe('PENDING_REVIEW');
    expect(codeOf(await u(EDIT, { id: theirs }))).toBe('FORBIDDEN');
    expect(codeOf(await u(SUBMIT, { id: theirs }))).toBe('FORBIDDEN');
    const [row] = await s.sql(`SELECT title, status FROM shelf_project WHERE id = $1`, [theirs]);
    expect(row).toEqual({ title: '测试', status: 'DRAFT' });
  });

  it('only the committee reviews and takes down, even a unit its own project', async () => {
    const id = await draftOf(UNIT1);
    const c = await s.as('committee');
    await c(`mutation($id: ID!) { submitShelfProject(id: $id) { status } }`, { id });
    for (const who of ['unit1', 'grid1', 'viewer']) {
      const u = await s.as(who);
      expect(codeOf(await u(`mutation($id: ID!) { reviewShelfProject(id: $id, approve: true) { status } }`, { id })), who).toBe('FORBIDDEN');
    }
    expect((await c(`mutation($id: ID!) { reviewShelfProject(id: $id, approve: true) { status } }`, { id })).data.reviewShelfProject.status).toBe('ON_SHELF');
    for (const who of ['unit1', 'grid1', 'viewer']) {
      const u = await s.as(who);
      expect(codeOf(await u(`mutation($id: ID!) { takeDownShelfProject(id: $id, reason: "x") { status } }`, { id })), who).toBe('FORBIDDEN');
    }
    expect((await s.sql(`SELECT status FROM shelf_project WHERE id = $1`, [id]))[0].status).toBe('ON_SHELF');
  });
});

describe('who sees which projects', () => {
  it('everyone reads the shelf; drafts are seen by their own unit and the committee (and viewers) only', async () => {
    const draft = await draftOf(UNIT2);
    const Q = `query($id: ID!) { shelfProject(id: $id) { id } }`;
    const seen: Record<string, boolean> = {};
    for (const who of ['committee', 'viewer', 'unit1', 'unit2', 'grid1']) {
      seen[who] = !!(await (await s.as(who))(Q, { id: draft })).data.shelfProject;
    }
    expect(seen).toEqual({ committee: true, viewer: true, unit1: false, unit2: true, grid1: false });
    const onShelf = demoId('songshan:project:10');
    for (const who of ['committee', 'viewer', 'unit1', 'unit2', 'grid1']) {
      expect((await (await s.as(who))(Q, { id: onShelf })).data.shelfProject, who).toEqual({ id: onShelf });
    }
  });
});
