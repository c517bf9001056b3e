import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShelfAction, ShelfStatus } from '@alliance/shared';
import { SHELF_LIFECYCLE } from '@alliance/shared';
import { names, recordEvents } from '../../../testing/event-recorder.js';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';

let s: TestServer;
let committee: Client;
let unit1: Client;
let unit2: Client;
let events: ReturnType<typeof recordEvents>;
let ids: { committee: string; unit1: string; unit1Unit: string; alliance: string };
beforeAll(async () => {
  s = await startTestServer();
  [committee, unit1, unit2] = await Promise.all(['committee', 'unit1', 'unit2'].map((u) => s.as(u)));
  events = recordEvents(s.events);
  const rows = await s.sql(`SELECT username, id, unit_id, alliance_id FROM app_user WHERE username IN ('committee', 'unit1')`);
  const by = Object.fromEntries(rows.map((r: any) => [r.username, r]));
  ids = { committee: by.committee.id, unit1: by.unit1.id, unit1Unit: by.unit1.unit_id, alliance: by.committee.alliance_id };
});
afterAll(() => s?.close());

const CREATE = `mutation($input: ShelfProjectInput!) { createShelfProject(input: $input) { id status version } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateShelfProjectInput!) { r: updateShelfProject(id: $id, version: $v, input: $input) { status version } }`;
const SUBMIT = `mutation($id: ID!) { r: submitShelfProject(id: $id) { status } }`;
const REVIEW = `mutation($id: ID!, $approve: Boolean!, $comment: String) { r: reviewShelfProject(id: $id, approve: $approve, comment: $comment) { status } }`;
const TAKE_DOWN = `mutation($id: ID!, $reason: String!) { r: takeDownShelfProject(id: $id, reason: $reason) { status } }`;

async function projectIn(status: ShelfStatus): Promise<{ id: string; version: number; title: string }> {
  const title = `事件测试项目 ${Math.random()}`;
  const r = await unit1(CREATE, { input: { title, description: '说明', categoryCode: 'LIVELIHOOD_SECURITY' } });
  const { id } = r.data.createShelfProject;
  await s.sql(`UPDATE shelf_project SET status = $1 WHERE id = $2`, [status, id]);
  const [{ version }] = await s.sql(`SELECT version FROM shelf_project WHERE id = $1`, [id]);
  return { id, version, title };
}

async function state(id: string) {
  const [row] = await s.sql(`SELECT status, version, title, review_comment, updated_at FROM shelf_project WHERE id = $1`, [id]);
  const [{ audits }] = await s.sql(`SELECT count(*)::int AS audits FROM audit_entry`);
  return { row, audits };
}

type Run = (c: Client, p: { id: string; version: number }) => Promise<GqlResult>;
interface Case {
  action: ShelfAction;
  name: string;
  from: ShelfStatus;
  to: ShelfStatus;
  wrongStatus?: ShelfStatus;
  by: Client;
  notBy: Client;
  run: Run;
  refused: [string, Run, string][];
  event: string;
  decided?: Record<string, unknown>;
}

const cases = (): Case[] => [
  {
    action: 'edit', name: 'edit of what residents read', from: 'ON_SHELF', to: 'PENDING_REVIEW', by: unit1, notBy: unit2,
    run: (c, p) => c(UPDATE, { id: p.id, v: p.version, input: { title: `改过的标题 ${Math.random()}` } }),
    refused: [
      ['stale version', (c, p) => c(UPDATE, { id: p.id, v: p.version + 1, input: { title: '改过的标题' } }), 'CONFLICT'],
      ['bad input', (c, p) => c(UPDATE, { id: p.id, v: p.version, input: { title: 'x'.repeat(101) } }), 'BAD_USER_INPUT'],
    ],
    event: 'ShelfProjectEdited',
  },
  {
    action: 'edit', name: 'edit of the tags only', from: 'ON_SHELF', to: 'ON_SHELF', by: committee, notBy: unit2,
    run: (c, p) => c(UPDATE, { id: p.id, v: p.version, input: { tags: ['夜间'] } }),
    refused: [['stale version', (c, p) => c(UPDATE, { id: p.id, v: p.version - 1, input: { tags: ['夜间'] } }), 'CONFLICT']],
    event: 'ShelfProjectEdited',
  },
  {
    action: 'submit', name: 'submit', from: 'DRAFT', to: 'PENDING_REVIEW', wrongStatus: 'ON_SHELF', by: unit1, notBy: unit2,
    run: (c, p) => c(SUBMIT, { id: p.id }),
    refused: [['bad input', (c) => c(SUBMIT, { id: 'nope' }), 'BAD_USER_INPUT']],
    event: 'ShelfProjectSubmitted',
  },
  {
    action: 'approve', name: 'approve', from: 'PENDING_REVIEW', to: 'ON_SHELF', wrongStatus: 'DRAFT', by: committee, notBy: unit1,
    run: (c, p) => c(REVIEW, { id: p.id, approve: true }),
    refused: [['bad input', (c, p) => c(REVIEW, { id: p.id, approve: true, comment: 'x'.repeat(1001) }), 'BAD_USER_INPUT']],
    event: 'ShelfProjectApproved',
    decided: { comment: null },
  },
  {
    action: 'reject', name: 'reject', from: 'PENDING_REVIEW', to: 'REJECTED', wrongStatus: 'ON_SHELF', by: committee, notBy: unit1,
    run: (c, p) => c(REVIEW, { id: p.id, approve: false, comment: '请补充服务时间' }),
    refused: [['bad input', (c, p) => c(REVIEW, { id: p.id, approve: false }), 'BAD_USER_INPUT']],
    event: 'ShelfProjectRejected',
    decided: { comment: '请补充服务时间' },
  },
  {
    action: 'takeDown', name: 'takeDown', from: 'ON_SHELF', to: 'OFF_SHELF', wrongStatus: 'PENDING_REVIEW', by: committee, notBy: unit1,
    run: (c, p) => c(TAKE_DOWN, { id: p.id, reason: '冬季暂停' }),
    refused: [['bad input', (c, p) => c(TAKE_DOWN, { id: p.id, reason: ' ' }), 'BAD_USER_INPUT']],
    event: 'ShelfProjectTakenDown',
    decided: { reason: '冬季暂停' },
  },
];

describe('every step of SHELF_LIFECYCLE publishes exactly one event, and a refused one none', () => {
  it('covers every row of the table', () => {
    expect(new Set(cases().map((c) => c.action))).toEqual(new Set(Object.keys(SHELF_LIFECYCLE)));
  });

  for (const name of cases().map((c) => c.name)) {
    it(name, async () => {
      const c = cases().find((x) => x.name === name)!;
      const p = await projectIn(c.from);
      const other = c.wrongStatus ? await projectIn(c.wrongStatus) : null;
      events.take();
      const before = await state(p.id);
      const refusals: [string, Run, string][] = [['wrong role', c.run, 'FORBIDDEN'], ...c.refused];
      for (const [why, run, code] of refusals) {
        const r = await run(why === 'wrong role' ? c.notBy : c.by, p);
        expect(codeOf(r), `${why}: ${JSON.stringify(r.errors)}`).toBe(code);
        expect(events.take(), why).toEqual({ committed: [], published: [] });
      }
      if (other) {
        expect(codeOf(await c.run(c.by, other))).toBe('CONFLICT');
        expect(events.take()).toEqual({ committed: [], published: [] });
      }
      expect(await state(p.id)).toEqual(before);

      const r = await c.run(c.by, p);
      expect(r.errors).toBeUndefined();
      expect(r.data.r.status).toBe(c.to);
      const seen = events.take();
      expect(names(seen.committed)).toEqual([c.event]);
      expect(names(seen.published)).toEqual([c.event]);
      expect(seen.committed[0]).toMatchObject({
        action: c.action,
        projectId: p.id,
        unitId: ids.unit1Unit,
        allianceId: ids.alliance,
        actorId: c.by === unit1 ? ids.unit1 : ids.committee,
        from: c.from,
        to: c.to,
        ...(c.decided ? { details: { decided: c.decided } } : {}),
      });
    });
  }

  it('a project created publishes ShelfProjectCreated', async () => {
    events.take();
    const p = await projectIn('DRAFT');
    expect(names(events.take().committed)).toEqual(['ShelfProjectCreated']);
    expect(p.id).toBeTruthy();
  });
});
