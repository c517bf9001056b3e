import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeedAction, NeedStatus } from '@alliance/shared';
import { NEED_LIFECYCLE } from '@alliance/shared';
import { recordEvents, names } from '../../../testing/event-recorder.js';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';
import { NeedTransitioned } from '../events/need-transitioned.js';
import { DAY, M, MV, driveTo, ok, reportInput, snapshot, world, type World } from './need-helpers.js';

let s: TestServer;
let w: World;
let events: ReturnType<typeof recordEvents>;
let allianceId: string;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
  [{ alliance_id: allianceId }] = await s.sql(`SELECT alliance_id FROM app_user WHERE username = 'committee'`);
  events = recordEvents(s.events);
  // The claims cap is another suite's subject.
  await s.sql(`UPDATE alliance SET max_open_claims = 100`);
});
afterAll(() => s?.close());

const later = () => new Date(Date.now() + 7 * DAY).toISOString();

interface Case {
  /** The row of NEED_LIFECYCLE, and what the step chose where the row offers a choice. */
  action: NeedAction;
  name: string;
  from: NeedStatus;
  to: NeedStatus;
  /** A status the row does not start from. */
  wrongStatus: NeedStatus;
  /** Who may take it, and a role that may not (or not on this need). */
  by: (w: World) => Client;
  notBy: (w: World) => Client;
  run: (c: Client, need: { id: string }, version: number) => Promise<GqlResult>;
  /** The same step with an input the server refuses, and the field it names. */
  bad: [(c: Client, need: { id: string }, version: number) => Promise<GqlResult>, string];
  /** The event's class, what follows it after commit, and the facts it carries besides the move. */
  event: string;
  then?: string[];
  facts?: (w: World) => Record<string, unknown>;
}

const CASES: Case[] = [
  {
    action: 'accept', name: 'accept', from: 'REPORTED', to: 'ACCEPTED', wrongStatus: 'ACCEPTED',
    by: (w) => w.committee, notBy: (w) => w.grid1,
    run: (c, n, version) => c(MV.screen, { id: n.id, accept: true, comment: '属实', version }),
    bad: [(c, n, version) => c(MV.screen, { id: n.id, accept: true, comment: '属实\u0007', version }), 'comment'],
    event: 'NeedAccepted',
    facts: () => ({ details: { before: undefined, after: undefined, decided: { comment: '属实' } } }),
  },
  {
    action: 'reject', name: 'reject', from: 'REPORTED', to: 'REJECTED', wrongStatus: 'REJECTED',
    by: (w) => w.committee, notBy: (w) => w.unit1,
    run: (c, n, version) => c(MV.screen, { id: n.id, accept: false, comment: '不属于受理范围', version }),
    bad: [(c, n, version) => c(MV.screen, { id: n.id, accept: false, comment: '  ', version }), 'comment'],
    event: 'NeedRejected',
  },
  {
    action: 'order', name: 'order', from: 'ACCEPTED', to: 'ORDERED', wrongStatus: 'REPORTED',
    by: (w) => w.committee, notBy: (w) => w.unit1,
    run: (c, n, version) => c(MV.order, { id: n.id, ids: [w.onShelf[0]!.id], version }),
    bad: [(c, n, version) => c(MV.order, { id: n.id, ids: [w.offShelf[0]!.id], version }), 'shelfProjectIds'],
    event: 'NeedOrdered',
  },
  {
    action: 'claim', name: 'claim', from: 'ACCEPTED', to: 'ACCEPTED', wrongStatus: 'REPORTED',
    by: (w) => w.unit1, notBy: (w) => w.committee,
    run: (c, n, version) => c(MV.claim, { id: n.id, version }),
    bad: [(c, _n, version) => c(MV.claim, { id: 'not-an-id', version }), 'id'],
    event: 'NeedClaimed',
  },
  {
    // 核实: a resident's own report (made one here with SQL, which no snapshot reads), by its grid's worker.
    action: 'verify', name: 'verify', from: 'REPORTED', to: 'REPORTED', wrongStatus: 'ACCEPTED',
    by: (w) => w.grid1, notBy: (w) => w.unit1,
    run: async (c, n, version) => {
      await w.s.sql(`UPDATE need SET source = 'RESIDENT' WHERE id = $1 AND status = 'REPORTED'`, [n.id]);
      return c(`mutation($id: ID!, $comment: String, $version: Int) { verifyResidentNeed(id: $id, comment: $comment, version: $version) { id status } }`, { id: n.id, comment: '已电话联系', version });
    },
    bad: [(c, n, version) => c(`mutation($id: ID!, $comment: String, $version: Int) { verifyResidentNeed(id: $id, comment: $comment, version: $version) { id } }`, { id: n.id, comment: '长'.repeat(5000), version }), 'comment'],
    event: 'ResidentNeedVerified',
  },
  {
    action: 'plan', name: 'plan', from: 'ORDERED', to: 'PLANNED', wrongStatus: 'ACCEPTED',
    by: (w) => w.committee, notBy: (w) => w.grid1,
    run: (c, n, version) => c(MV.plan, { id: n.id, plan: '更换灯具', dueAt: later(), version }),
    bad: [(c, n, version) => c(MV.plan, { id: n.id, plan: '更换灯具', dueAt: new Date(Date.now() - DAY).toISOString(), version }), 'dueAt'],
    event: 'NeedPlanned',
  },
  {
    action: 'assign', name: 'assign', from: 'PLANNED', to: 'IN_PROGRESS', wrongStatus: 'ORDERED',
    by: (w) => w.committee, notBy: (w) => w.unit1,
    run: (c, n, version) => c(MV.assign, { id: n.id, assigneeId: w.userId.grid1, version }),
    bad: [(c, n, version) => c(MV.assign, { id: n.id, assigneeId: w.userId.viewer, version }), 'assigneeId'],
    event: 'NeedAssigned',
    facts: (w) => ({ details: expect.objectContaining({ after: expect.objectContaining({ assigneeId: w.userId.grid1 }) }) }),
  },
  {
    action: 'resolve', name: 'resolve', from: 'IN_PROGRESS', to: 'RESOLVED', wrongStatus: 'RESOLVED',
    by: (w) => w.grid1, notBy: (w) => w.grid2,
    run: (c, n, version) => c(MV.resolve, { id: n.id, resolution: '已更换', version }),
    bad: [(c, n, version) => c(MV.resolve, { id: n.id, resolution: '', version }), 'resolution'],
    event: 'NeedResolved',
    then: ['PointsAwarded'],
    facts: (w) => ({ deliveringUnitIds: [w.onShelf[0]!.unit.id] }),
  },
  {
    action: 'followUp', name: 'followUp, satisfaction 5: closed', from: 'RESOLVED', to: 'CLOSED', wrongStatus: 'IN_PROGRESS',
    by: (w) => w.committee, notBy: (w) => w.unit1,
    run: (c, n, version) => c(MV.followUp, { id: n.id, satisfaction: 5, version }),
    bad: [(c, n, version) => c(MV.followUp, { id: n.id, satisfaction: 6, version }), 'satisfaction'],
    event: 'NeedFollowedUp',
    then: ['PointsAwarded'],
    facts: (w) => ({ satisfaction: 5, deliveringUnitIds: [w.onShelf[0]!.unit.id] }),
  },
  {
    action: 'followUp', name: 'followUp, satisfaction 1: reopened', from: 'RESOLVED', to: 'IN_PROGRESS', wrongStatus: 'CLOSED',
    by: (w) => w.grid1, notBy: (w) => w.grid2,
    run: (c, n, version) => c(MV.followUp, { id: n.id, satisfaction: 1, version }),
    bad: [(c, n, version) => c(MV.followUp, { id: n.id, satisfaction: 0, version }), 'satisfaction'],
    event: 'NeedFollowedUp',
    facts: () => ({ satisfaction: 1, deliveringUnitIds: [] }),
  },
  {
    action: 'replan', name: 'replan', from: 'PLANNED', to: 'PLANNED', wrongStatus: 'ORDERED',
    by: (w) => w.committee, notBy: (w) => w.grid1,
    run: (c, n, version) => c(M.replan, { id: n.id, version, plan: '改为整体更换线路', dueAt: later(), reason: '原方案不可行' }),
    bad: [(c, n, version) => c(M.replan, { id: n.id, version, plan: '改为整体更换线路', dueAt: later(), reason: '' }), 'reason'],
    event: 'NeedReplanned',
    facts: () => ({ details: expect.objectContaining({ decided: { reason: '原方案不可行' } }) }),
  },
  {
    action: 'reassign', name: 'reassign', from: 'IN_PROGRESS', to: 'IN_PROGRESS', wrongStatus: 'PLANNED',
    by: (w) => w.committee, notBy: (w) => w.grid1,
    run: (c, n, version) => c(M.reassign, { id: n.id, version, assigneeId: w.userId.unit1, reason: '网格员休假' }),
    bad: [(c, n, version) => c(M.reassign, { id: n.id, version, assigneeId: w.userId.unit1, reason: '\u0000' }), 'reason'],
    event: 'NeedReassigned',
  },
  {
    action: 'withdrawOrder', name: 'withdrawOrder', from: 'ORDERED', to: 'ACCEPTED', wrongStatus: 'IN_PROGRESS',
    by: (w) => w.committee, notBy: (w) => w.unit1,
    run: (c, n, version) => c(M.withdrawOrder, { id: n.id, version, reason: '项目暂停服务' }),
    bad: [(c, n, version) => c(M.withdrawOrder, { id: n.id, version, reason: '' }), 'reason'],
    event: 'NeedOrderWithdrawn',
  },
  {
    action: 'reopen', name: 'reopen', from: 'REJECTED', to: 'REPORTED', wrongStatus: 'REPORTED',
    by: (w) => w.committee, notBy: (w) => w.grid1,
    run: (c, n, version) => c(M.reopen, { id: n.id, version, reason: '居民补充了材料' }),
    bad: [(c, n, version) => c(M.reopen, { id: n.id, version, reason: '' }), 'reason'],
    event: 'NeedReopened',
  },
];

/** Everything an instance and the database show of a need, to see that a refused step changed nothing. */
async function state(id: string) {
  const [{ audits }] = await s.sql(`SELECT count(*)::int AS audits FROM audit_entry`);
  const [{ points }] = await s.sql(`SELECT count(*)::int AS points FROM points_entry`);
  return { need: await snapshot(s, id), audits, points };
}

describe('every step of NEED_LIFECYCLE publishes exactly one event, and a refused one none', () => {
  it('covers every row of the table', () => {
    expect(new Set(CASES.map((c) => c.action))).toEqual(new Set(Object.keys(NEED_LIFECYCLE)));
  });

  for (const c of CASES) {
    it(`${c.name}: ${c.from} -> ${c.to} publishes ${c.event}`, async () => {
      const need = await driveTo(w, c.from);
      const other = await driveTo(w, c.wrongStatus);
      events.take();
      const before = await state(need.id);
      const beforeOther = await state(other.id);

      const refusals: [string, Promise<GqlResult>, string][] = [
        ['wrong role', c.run(c.notBy(w), need, need.version), 'FORBIDDEN'],
        ['stale version', c.run(c.by(w), need, need.version + 1), 'CONFLICT'],
        ['bad input', c.bad[0](c.by(w), need, need.version), 'BAD_USER_INPUT'],
      ];
      for (const [why, call, code] of refusals) {
        const r = await call;
        expect(codeOf(r), `${why}: ${JSON.stringify(r.errors)}`).toBe(code);
        if (why === 'bad input') expect(r.errors![0]!.extensions!.field).toBe(c.bad[1]);
        expect(events.take(), why).toEqual({ committed: [], published: [] });
      }
      const wrong = await c.run(c.by(w), other, other.version);
      expect(codeOf(wrong), JSON.stringify(wrong.errors)).toBe('CONFLICT');
      expect(events.take()).toEqual({ committed: [], published: [] });
      expect(await state(need.id)).toEqual(before);
      expect(await state(other.id)).toEqual(beforeOther);

      const moved = ok(await c.run(c.by(w), need, need.version));
      const seen = events.take();
      expect(names(seen.committed)).toEqual([c.event, ...(c.then ?? [])]);
      expect(seen.published.map((e) => e.constructor.name).sort()).toEqual([c.event, ...(c.then ?? [])].sort());
      const transitions = seen.committed.filter((e) => e instanceof NeedTransitioned);
      expect(transitions).toHaveLength(1);
      const [e] = transitions as NeedTransitioned[];
      expect(Object.values(moved)[0]).toMatchObject({ status: c.to });
      expect(e).toMatchObject({
        action: c.action,
        needId: need.id,
        subjectId: need.id,
        allianceId,
        actorId: c.by(w) === w.grid1 ? w.userId.grid1 : c.by(w) === w.unit1 ? w.userId.unit1 : w.userId.committee,
        from: c.from,
        to: c.to,
        facts: { title: need.title, requesterPhone: '13912345678' },
        ...c.facts?.(w),
      });
      expect(e!.at).toBeInstanceOf(Date);
    });
  }

  it('a report publishes NeedReported; one refused publishes nothing', async () => {
    events.take();
    const refused = await w.grid2(M.report, { input: reportInput(w) });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(events.take()).toEqual({ committed: [], published: [] });
    const need = ok(await w.grid1(M.report, { input: reportInput(w) })).reportNeed;
    const seen = events.take();
    expect(names(seen.committed)).toEqual(['NeedReported']);
    expect(seen.committed[0]).toMatchObject({ needId: need.id, gridId: w.grids[0]!.id, actorId: w.userId.grid1 });
  });
});
