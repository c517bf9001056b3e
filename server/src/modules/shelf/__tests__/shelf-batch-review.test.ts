import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '@alliance/shared';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';

/*
 * 批量审核: each project is decided by the single review's rules, in its own
 * transaction; one that moved on fails alone and is reported, the others are
 * decided; a bad batch (no reason for a rejection, duplicate or malformed ids)
 * writes nothing.
 */
let s: TestServer;
let committee: Client;
let unit1: Client;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
  unit1 = await s.as('unit1');
});
afterAll(() => s?.close());

const BATCH = `mutation($ids: [ID!]!, $approve: Boolean!, $comment: String) {
  reviewShelfProjects(ids: $ids, approve: $approve, comment: $comment) { id code message project { id status reviewComment } }
}`;

async function pending(n: number, status = 'PENDING_REVIEW'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await unit1(`mutation($input: ShelfProjectInput!) { createShelfProject(input: $input) { id } }`, {
      input: { title: `批量审核 ${Math.random()}`, description: '说明', categoryCode: 'LIVELIHOOD_SECURITY' },
    });
    const id = r.data.createShelfProject.id as string;
    await s.sql(`UPDATE shelf_project SET status = $1 WHERE id = $2`, [status, id]);
    ids.push(id);
  }
  return ids;
}
const statuses = async (ids: string[]) =>
  (await s.sql(`SELECT id, status, review_comment FROM shelf_project WHERE id = ANY($1)`, [ids])).sort(
    (a: { id: string }, b: { id: string }) => ids.indexOf(a.id) - ids.indexOf(b.id),
  );

describe('reviewShelfProjects', () => {
  it('approves every pending project named, in the order given, each with its event in the audit log', async () => {
    const ids = await pending(3);
    const r = await committee(BATCH, { ids, approve: true });
    expect(r.errors).toBeUndefined();
    expect(r.data.reviewShelfProjects).toEqual(ids.map((id) => ({ id, code: null, message: null, project: { id, status: 'ON_SHELF', reviewComment: null } })));
    expect((await statuses(ids)).map((p: { status: string }) => p.status)).toEqual(['ON_SHELF', 'ON_SHELF', 'ON_SHELF']);
    const audits = await s.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE subject_id = ANY($1)`, [ids]);
    expect(audits[0].n).toBeGreaterThanOrEqual(3);
  });

  it('rejects with one reason for all; a project no longer pending fails alone, with the single review\'s code', async () => {
    const [a, b] = await pending(2);
    const [drafted] = await pending(1, 'DRAFT');
    const r = await committee(BATCH, { ids: [a, drafted, b], approve: false, comment: '  请补充服务时间  ' });
    expect(r.errors).toBeUndefined();
    const out = r.data.reviewShelfProjects;
    expect(out.map((o: { id: string }) => o.id)).toEqual([a, drafted, b]);
    expect(out[0].project).toEqual({ id: a, status: 'REJECTED', reviewComment: '请补充服务时间' });
    expect(out[1]).toMatchObject({ id: drafted, project: null, code: 'CONFLICT' });
    expect(out[1].message).toBeTruthy();
    expect(out[2].project).toEqual({ id: b, status: 'REJECTED', reviewComment: '请补充服务时间' });
    expect(await statuses([a, drafted, b])).toEqual([
      { id: a, status: 'REJECTED', review_comment: '请补充服务时间' },
      { id: drafted, status: 'DRAFT', review_comment: null },
      { id: b, status: 'REJECTED', review_comment: '请补充服务时间' },
    ]);
  });

  it('an unknown id is NOT_FOUND in its outcome, the others decided', async () => {
    const [a] = await pending(1);
    const ghost = '00000000-0000-4000-8000-000000000000';
    const r = await committee(BATCH, { ids: [ghost, a], approve: true });
    expect(r.errors).toBeUndefined();
    expect(r.data.reviewShelfProjects[0]).toMatchObject({ id: ghost, code: 'NOT_FOUND', project: null });
    expect(r.data.reviewShelfProjects[1].project.status).toBe('ON_SHELF');
  });

  it('a bad batch writes nothing: a rejection without a reason, duplicates, a malformed id, none or too many', async () => {
    const ids = await pending(2);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ids, approve: false, comment: '   ' }, 'comment', 'REQUIRED'],
      [{ ids: [ids[0], ids[1], ids[0]], approve: true }, 'ids', 'DUPLICATE'],
      [{ ids: [ids[0], 'nope'], approve: true }, 'ids[1]', 'INVALID_ID'],
      [{ ids: [], approve: true }, 'ids', 'OUT_OF_RANGE'],
      [{ ids: Array.from({ length: LIMITS.batch + 1 }, () => ids[0]), approve: true }, 'ids', 'OUT_OF_RANGE'],
    ];
    for (const [vars, field, reason] of cases) {
      const r = await committee(BATCH, vars);
      expect(codeOf(r), JSON.stringify(vars).slice(0, 80)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.extensions).toMatchObject({ field, reason });
    }
    expect((await statuses(ids)).map((p: { status: string }) => p.status)).toEqual(['PENDING_REVIEW', 'PENDING_REVIEW']);
  });

  it('is the committee\'s: a unit admin is FORBIDDEN and nothing changes', async () => {
    const ids = await pending(1);
    const r = await unit1(BATCH, { ids, approve: true });
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect((await statuses(ids))[0].status).toBe('PENDING_REVIEW');
  });
});
