import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShelfStatus } from '@alliance/shared';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';

let s: TestServer;
let committee: Client;
let unit1: Client;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
  unit1 = await s.as('unit1');
});
afterAll(() => s?.close());

const CREATE = `mutation($input: ShelfProjectInput!) { createShelfProject(input: $input) { id status version unit { name } } }`;
const ACTIONS = {
  submit: `mutation($id: ID!) { r: submitShelfProject(id: $id) { status } }`,
  approve: `mutation($id: ID!) { r: reviewShelfProject(id: $id, approve: true) { status reviewComment } }`,
  reject: `mutation($id: ID!) { r: reviewShelfProject(id: $id, approve: false, comment: "请补充服务时间") { status reviewComment } }`,
  takeDown: `mutation($id: ID!) { r: takeDownShelfProject(id: $id, reason: "冬季暂停") { status reviewComment } }`,
} as const;
type Action = keyof typeof ACTIONS;

// docs/domain.md's shelf lifecycle, written out independently of shared/'s table.
const LEGAL: Partial<Record<ShelfStatus, Partial<Record<Action, ShelfStatus>>>> = {
  DRAFT: { submit: 'PENDING_REVIEW' },
  PENDING_REVIEW: { approve: 'ON_SHELF', reject: 'REJECTED' },
  ON_SHELF: { takeDown: 'OFF_SHELF' },
  OFF_SHELF: { submit: 'PENDING_REVIEW' },
  REJECTED: { submit: 'PENDING_REVIEW' },
};
const STATUSES: ShelfStatus[] = ['DRAFT', 'PENDING_REVIEW', 'ON_SHELF', 'OFF_SHELF', 'REJECTED'];

async function projectIn(status: ShelfStatus): Promise<string> {
  const r = await unit1(CREATE, {
    input: { title: `测试项目 ${status} ${Math.random()}`, description: '说明', categoryCode: 'LIVELIHOOD_SECURITY' },
  });
  const id = r.data.createShelfProject.id as string;
  await s.sql(`UPDATE shelf_project SET status = $1 WHERE id = $2`, [status, id]);
  return id;
}

const row = async (id: string) => (await s.sql(`SELECT status, version, review_comment FROM shelf_project WHERE id = $1`, [id]))[0];

describe('shelf lifecycle', () => {
  it('a unit admin creates a DRAFT of its own unit', async () => {
    const r = await unit1(CREATE, { input: { title: '  社区义务理发  ', description: '每月一次', categoryCode: 'PARTY_MASS_SERVICE', tags: [' 理发 '] } });
    expect(r.errors).toBeUndefined();
    expect(r.data.createShelfProject).toMatchObject({ status: 'DRAFT', version: 1, unit: { name: '海拉尔区松风小学' } });
    const [p] = await s.sql(`SELECT title, tags FROM shelf_project WHERE id = $1`, [r.data.createShelfProject.id]);
    expect(p).toEqual({ title: '社区义务理发', tags: ['理发'] });
  });

  for (const from of STATUSES) {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      const to = LEGAL[from]?.[action];
      it(`${from} --${action}--> ${to ?? 'CONFLICT'}`, async () => {
        const id = await projectIn(from);
        const before = await row(id);
        const r = await committee(ACTIONS[action], { id });
        if (to) {
          expect(r.errors).toBeUndefined();
          expect(r.data.r.status).toBe(to);
          const after = await row(id);
          expect(after.status).toBe(to);
          expect(after.version).toBe(before.version + 1);
        } else {
          expect(codeOf(r)).toBe('CONFLICT');
          expect(await row(id)).toEqual(before);
        }
      });
    }
  }

  it('rejecting needs a comment, and keeps it for the unit to read', async () => {
    const id = await projectIn('PENDING_REVIEW');
    const r = await committee(`mutation($id: ID!) { reviewShelfProject(id: $id, approve: false, comment: "   ") { status } }`, { id });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.extensions!.field).toBe('comment');
    expect((await row(id)).status).toBe('PENDING_REVIEW');
    const ok = await committee(ACTIONS.reject, { id });
    expect(ok.data.r).toEqual({ status: 'REJECTED', reviewComment: '请补充服务时间' });
  });

  it('taking down needs a reason', async () => {
    const id = await projectIn('ON_SHELF');
    const r = await committee(`mutation($id: ID!) { takeDownShelfProject(id: $id, reason: "") { status } }`, { id });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await row(id)).status).toBe('ON_SHELF');
  });

  it("editing an ON_SHELF project's title, description or category sends it back to review; capacity and tags do not", async () => {
    const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateShelfProjectInput!) { updateShelfProject(id: $id, version: $v, input: $input) { status version title capacityPerMonth category { code } } }`;
    const id = await projectIn('ON_SHELF');
    let v = (await row(id)).version;
    const cap = await unit1(UPDATE, { id, v, input: { capacityPerMonth: 9, tags: ['夜间'] } });
    expect(cap.data.updateShelfProject).toMatchObject({ status: 'ON_SHELF', capacityPerMonth: 9, version: v + 1 });
    v += 1;
    const cat = await unit1(UPDATE, { id, v, input: { categoryCode: 'ENVIRONMENT_SANITATION' } });
    expect(cat.data.updateShelfProject).toMatchObject({ status: 'PENDING_REVIEW', category: { code: 'ENVIRONMENT_SANITATION' } });
    await committee(ACTIONS.approve, { id });
    v = (await row(id)).version;
    const title = await unit1(UPDATE, { id, v, input: { title: '新的标题' } });
    expect(title.data.updateShelfProject).toMatchObject({ status: 'PENDING_REVIEW', title: '新的标题' });
  });

  it('a stale version is CONFLICT and writes nothing', async () => {
    const id = await projectIn('DRAFT');
    const UPDATE = `mutation($id: ID!, $v: Int!) { updateShelfProject(id: $id, version: $v, input: { title: "改过的" }) { version } }`;
    const first = await unit1(UPDATE, { id, v: 1 });
    expect(first.data.updateShelfProject.version).toBe(2);
    const before = await s.sql(`SELECT * FROM shelf_project WHERE id = $1`, [id]);
    const stale = await committee(`mutation($id: ID!, $v: Int!) { updateShelfProject(id: $id, version: $v, input: { title: "另一个" }) { version } }`, { id, v: 1 });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await s.sql(`SELECT * FROM shelf_project WHERE id = $1`, [id])).toEqual(before);
  });
});
