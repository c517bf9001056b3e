import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';

/**
 * Two instances behind a load balancer, each with its matching index
 * (docs/adoption.md "Operations", docs/matching.md): a project edited, a
 * thesaurus group added or a project taken off the shelf by an operator's
 * SQL reaches the other instance's index through PostgreSQL NOTIFY
 * (matching_changed) within a second.
 */
let s: TestServer;
let a: Client;
let b: Client;
const MAIN = demoId('songshan');

beforeAll(async () => {
  s = await startTestServer();
  const twin = await s.twin();
  a = await s.as('committee');
  const token = await s.login('committee');
  b = (query, variables) => twin.gql(query, variables, token);
});
afterAll(() => s?.close());

const MATCH = `query($id: ID!) { matchSuggestions(needId: $id, first: 100) { score reasonCodes { code params { from to } } project { id title } } }`;

type Suggestion = { score: number; reasonCodes: { code: string; params: { from: string | null; to: string | null } }[]; project: { id: string; title: string } };

async function match(c: Client, id: string): Promise<Suggestion[]> {
  const r = await c<{ matchSuggestions: Suggestion[] }>(MATCH, { id });
  expect(r.errors).toBeUndefined();
  return r.data!.matchSuggestions;
}

/** Polls `c` until its suggestions for the need satisfy `ok`; fails after a second. */
async function within1s(c: Client, id: string, ok: (list: Suggestion[]) => boolean): Promise<Suggestion[]> {
  const start = Date.now();
  for (;;) {
    const list = await match(c, id);
    if (ok(list)) return list;
    if (Date.now() - start > 1000) throw new Error(`not reflected after 1 s: ${list.slice(0, 3).map((m) => m.project.title).join(' / ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function fileNeed(title: string): Promise<string> {
  const [row] = await s.sql<{ id: string }>(
    `INSERT INTO need (alliance_id, grid_id, title, description, location, requester_name, requester_phone)
     VALUES ($1, $2, $3, '', '3号楼2单元', '测试居民', '13800000000') RETURNING id`,
    [MAIN, demoId('songshan:grid:0'), title],
  );
  return row!.id;
}

const projectNamed = async (title: string) =>
  (await s.sql<{ id: string; version: number; tags: string[] }>(`SELECT id, version, tags FROM shelf_project WHERE alliance_id = $1 AND title = $2`, [MAIN, title]))[0]!;

describe('the matching index across instances', () => {
  it('a project edited on one instance is matched by its new words on the other within a second, and on its own at once', async () => {
    const need = await fileNeed('鹦鹉飞走了');
    const target = await projectNamed('亲子阅读活动');
    // Both instances have built their index.
    expect((await match(a, need))[0]!.project.id).not.toBe(target.id);
    expect((await match(b, need))[0]!.project.id).not.toBe(target.id);
    const edited = await a(`mutation($id: ID!, $v: Int!, $input: UpdateShelfProjectInput!) { updateShelfProject(id: $id, version: $v, input: $input) { status tags } }`, {
      id: target.id,
      v: target.version,
      input: { tags: [...target.tags, '鹦鹉'] },
    });
    expect(edited.errors).toBeUndefined();
    expect(edited.data.updateShelfProject.status).toBe('ON_SHELF');
    expect((await match(a, need))[0]!.project.id).toBe(target.id);
    const other = await within1s(b, need, (list) => list[0]!.project.id === target.id);
    expect(other[0]!.reasonCodes.map((r) => r.code)).toContain('SHARED_WORDS');
  });

  it('a thesaurus group added on the other instance is used here within a second', async () => {
    const need = await fileNeed('八哥丢了');
    const target = await projectNamed('四点半课堂');
    expect((await match(a, need))[0]!.project.id).not.toBe(target.id);
    const added = await b(`mutation { addThesaurusGroup(words: ["八哥", "课堂"]) { id } }`);
    expect(added.errors).toBeUndefined();
    const here = await within1s(a, need, (list) => list[0]!.project.id === target.id);
    expect(here[0]!.reasonCodes).toContainEqual({ code: 'SYNONYM', params: { from: '八哥', to: '课堂' } });
  });

  it('a project an operator takes off the shelf by SQL leaves both instances’ suggestions within a second', async () => {
    const need = await fileNeed('楼道灯坏了');
    const target = await projectNamed('楼道照明维修');
    expect((await match(a, need))[0]!.project.id).toBe(target.id);
    expect((await match(b, need))[0]!.project.id).toBe(target.id);
    await s.sql(`UPDATE shelf_project SET status = 'OFF_SHELF' WHERE id = $1`, [target.id]);
    for (const c of [a, b]) await within1s(c, need, (list) => list.every((m) => m.project.id !== target.id));
  });
});
