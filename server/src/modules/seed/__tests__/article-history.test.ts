import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifecyclePath, localDate, NEED_LIFECYCLE, type NeedStatus } from '@alliance/shared';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';

/*
 * Issue 10 point 9: the demo alliance's history tells the article's story
 * (docs/domain.md): the dashboard, asked about the article's dates, gives the
 * article's figures; and the present stays realistic whenever the seed runs.
 * Everything here goes through the API, as the admin asks it.
 */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const ARTICLE_KINDS = ['CIVILIZED_CITY', 'ASSISTANCE', 'EPIDEMIC_PREVENTION'];

async function ask(who: string, query: string, vars: Record<string, unknown> = {}) {
  const r = await (await s.as(who))(query, vars);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}

describe("the article's figures, from the dashboard at the article's dates", () => {
  it('2020: 107 needs reported, 96 resolved; the 96 were resolved within 2020', async () => {
    const d = await ask('viewer', `{ dashboard(from: "2020-01-01", to: "2020-12-31") { needsReported needsResolved } }`);
    expect(d.dashboard).toEqual({ needsReported: 107, needsResolved: 96 });
    const { needs } = await ask(
      'committee',
      `{ needs(filter: { reportedFrom: "2020-01-01", reportedTo: "2020-12-31", status: [RESOLVED, CLOSED] }, first: 100) { totalCount nodes { resolvedAt } } }`,
    );
    expect(needs.totalCount).toBe(96);
    const resolvedIn = needs.nodes.map((n: { resolvedAt: string }) => localDate(new Date(n.resolvedAt)).slice(0, 4));
    expect(resolvedIn.filter((y: string) => y !== '2020')).toEqual([]);
  });

  it('2 August 2021: 12 member units, 9 with a valid agreement; fewer on earlier days (figures as of `to`)', async () => {
    const d = await ask('viewer', `{ dashboard(to: "2021-08-02") { to unitCount signedAgreementCount } }`);
    expect(d.dashboard).toEqual({ to: '2021-08-02', unitCount: 12, signedAgreementCount: 9 });
    // The founding members and the first to follow, each signing two weeks after joining.
    const early = await ask('viewer', `{ dashboard(to: "2019-01-01") { unitCount signedAgreementCount } }`);
    expect(early.dashboard).toEqual({ unitCount: 6, signedAgreementCount: 6 });
    const before = await ask('viewer', `{ dashboard(to: "2018-06-30") { unitCount signedAgreementCount } }`);
    expect(before.dashboard).toEqual({ unitCount: 0, signedAgreementCount: 0 });
  });

  it('from the founding to 2 August 2021: at least 240 completed joint actions of 创城创卫, 帮扶助困, 疫情防控', async () => {
    const d = await ask(
      'grid1',
      `{ dashboard(from: "2018-07-01", to: "2021-08-02") { activitiesCompleted activitiesByKind { kind count } } }`,
    );
    const byKind = d.dashboard.activitiesByKind as { kind: string; count: number }[];
    expect(byKind.map((k) => k.kind)).toEqual(['CIVILIZED_CITY', 'ASSISTANCE', 'EPIDEMIC_PREVENTION', 'SERVICE', 'RED_EDUCATION', 'PARTY_HISTORY', 'OTHER']);
    expect(byKind.reduce((n, k) => n + k.count, 0)).toBe(d.dashboard.activitiesCompleted);
    const joint = byKind.filter((k) => ARTICLE_KINDS.includes(k.kind)).reduce((n, k) => n + k.count, 0);
    expect(joint).toBeGreaterThanOrEqual(240);
    for (const k of byKind) expect(k.count, k.kind).toBeGreaterThan(0);
    // The alliance began on its founding day: nothing before.
    const before = await ask('grid1', `{ dashboard(from: "2010-01-01", to: "2018-06-30") { activitiesCompleted needsReported } }`);
    expect(before.dashboard).toEqual({ activitiesCompleted: 0, needsReported: 0 });
  });

  it('the years between are lived too: needs and activities every year from 2019 to last year', async () => {
    const lastYear = Number(localDate().slice(0, 4)) - 1;
    for (let y = 2019; y <= lastYear; y++) {
      const d = await ask('viewer', `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { needsReported activitiesCompleted } }`, {
        from: `${y}-01-01`,
        to: `${y}-12-31`,
      });
      expect(d.dashboard.needsReported, String(y)).toBeGreaterThan(40);
      expect(d.dashboard.activitiesCompleted, String(y)).toBeGreaterThan(60);
    }
  });
});

describe('a realistic present', () => {
  it('needs of the last 12 months in every status, a few overdue', async () => {
    const d = await ask('committee', `{ dashboard { needsOverdue needsByStatus { status count } } }`);
    for (const b of d.dashboard.needsByStatus) expect(b.count, b.status).toBeGreaterThan(0);
    expect(d.dashboard.needsOverdue).toBeGreaterThanOrEqual(3);
    const { needs } = await ask('committee', `{ needs(filter: { overdue: true }, first: 100) { totalCount nodes { status } } }`);
    expect(needs.totalCount).toBe(d.dashboard.needsOverdue);
    // A few: most open needs are on time.
    const open = await ask('committee', `{ needs(filter: { status: [PLANNED, IN_PROGRESS] }) { totalCount } }`);
    expect(needs.totalCount).toBeLessThan(open.needs.totalCount);
  });

  it('activities in every status', async () => {
    for (const status of ['DRAFT', 'OPEN', 'ONGOING', 'COMPLETED', 'CANCELLED']) {
      const { activities } = await ask('committee', `query($status: [ActivityStatus!]) { activities(filter: { status: $status }) { totalCount } }`, { status: [status] });
      expect(activities.totalCount, status).toBeGreaterThan(0);
    }
  });

  it('27 units today (12 and the incubator\'s newcomers), 9 holding a valid agreement, a few of them due for renewal within 30 days', async () => {
    const d = await ask('committee', `{ dashboard { unitCount signedAgreementCount } memberUnits(first: 100) { nodes { agreementStatus } } }`);
    // The 12 and the 15 social organisations that joined for the 阳光驿站 (none holds an agreement yet).
    expect(d.dashboard).toEqual({ unitCount: 27, signedAgreementCount: 9 });
    const by = (st: string) => d.memberUnits.nodes.filter((n: { agreementStatus: string }) => n.agreementStatus === st).length;
    expect(by('VALID') + by('EXPIRING')).toBe(9);
    expect(by('EXPIRING')).toBeGreaterThanOrEqual(1);
    expect(by('EXPIRING')).toBeLessThanOrEqual(3);
    expect(by('EXPIRED')).toBeGreaterThan(0);
  });
});

describe('coherent histories', () => {
  it("a 2020 need's history walks the lifecycle from REPORTED to its status, in time order, the resolver its assignee", async () => {
    const { needs } = await ask(
      'committee',
      `{ needs(filter: { reportedFrom: "2020-01-01", reportedTo: "2020-12-31" }, first: 100) {
          nodes { status reportedAt assignee { id } history { from to at actor { id } } } } }`,
    );
    expect(needs.nodes.length).toBe(100);
    for (const n of needs.nodes as { status: NeedStatus; reportedAt: string; assignee: { id: string } | null; history: { from: NeedStatus | null; to: NeedStatus; at: string; actor: { id: string } }[] }[]) {
      const expected = lifecyclePath(NEED_LIFECYCLE, 'REPORTED', n.status);
      expect(n.history.map((e) => [e.from, e.to])).toEqual([[null, 'REPORTED'], ...expected.map((st) => [st.from, st.to])]);
      expect(n.history[0]!.at).toBe(n.reportedAt);
      const times = n.history.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((x, y) => x - y));
      const resolved = n.history.find((e) => e.to === 'RESOLVED');
      if (resolved) expect(resolved.actor.id).toBe(n.assignee!.id);
    }
  });
});
