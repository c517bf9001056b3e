import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '@alliance/shared';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { ARTICLE_DATE, MAIN_FOUNDED } from '../demo-data.js';
import { demoId } from '../ids.js';
import { seedIncubatorAndRedEducation } from '../incubator-data.js';

/*
 * Issue 12 point 4's demo data, through the API as the admin asks it: the
 * 红色驿站's 300+ red education and party history events with 40,000+
 * beneficiaries since the founding, and the 阳光驿站's 15 incubated
 * organisations with their mentors and 170+ services given; the article's
 * figures on its dates untouched (article-history.test.ts pins those); and
 * loading it again changes nothing.
 */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const MAIN = demoId('songshan');
async function ask(who: string, query: string, vars: Record<string, unknown> = {}) {
  const r = await (await s.as(who))(query, vars);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
}
const SINCE_FOUNDING = { from: MAIN_FOUNDED, to: localDate() };

describe('the 红色驿站', () => {
  it('300+ completed red education and party history events since the founding, 40,000+ beneficiaries, in every year', async () => {
    const d = await ask('viewer', `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { activitiesByKind { kind count beneficiaries } } }`, SINCE_FOUNDING);
    const red = d.dashboard.activitiesByKind.filter((k: any) => k.kind === 'RED_EDUCATION' || k.kind === 'PARTY_HISTORY');
    expect(red.map((k: any) => k.kind)).toEqual(['RED_EDUCATION', 'PARTY_HISTORY']);
    for (const k of red) expect(k.count, k.kind).toBeGreaterThan(50);
    expect(red.reduce((n: number, k: any) => n + k.count, 0)).toBeGreaterThanOrEqual(300);
    expect(red.reduce((n: number, k: any) => n + k.beneficiaries, 0)).toBeGreaterThanOrEqual(40_000);
    const thisYear = Number(localDate().slice(0, 4));
    for (let y = 2019; y < thisYear; y++) {
      const year = await ask('viewer', `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { activitiesByKind { kind count } } }`, { from: `${y}-01-01`, to: `${y}-12-31` });
      const n = year.dashboard.activitiesByKind.filter((k: any) => k.kind === 'RED_EDUCATION' || k.kind === 'PARTY_HISTORY').reduce((a: number, k: any) => a + k.count, 0);
      expect(n, String(y)).toBeGreaterThan(20);
    }
  });
});

describe('the 阳光驿站', () => {
  it('15 organisations incubated (graduated or incubating) with 170+ services given; one application waiting, one left', async () => {
    const d = await ask('viewer', `query($from: Date, $to: Date) { dashboard(from: $from, to: $to) { incubator { organisationsIncubated servicesGiven } } }`, SINCE_FOUNDING);
    expect(d.dashboard.incubator.organisationsIncubated).toBe(15);
    expect(d.dashboard.incubator.servicesGiven).toBeGreaterThanOrEqual(170);
    const { incubations } = await ask('committee', `{ incubations { stage appliedOn startedOn endedOn servicesGiven unit { kind joinedAt } mentor { id kind } history { action } } }`);
    const by = (st: string) => incubations.filter((i: any) => i.stage === st);
    expect(by('GRADUATED').length + by('INCUBATING').length).toBe(15);
    expect(by('GRADUATED').length).toBeGreaterThanOrEqual(5);
    expect(by('INCUBATING').length).toBeGreaterThanOrEqual(3);
    expect(by('APPLIED')).toHaveLength(1);
    expect(by('LEFT')).toHaveLength(1);
    for (const i of incubations) {
      expect(i.unit.kind).toBe('SOCIAL_ORGANIZATION');
      expect(i.mentor).not.toBeNull();
      expect(i.history[0].action).toBe('apply');
    }
    for (const i of [...by('GRADUATED'), ...by('INCUBATING')]) {
      expect(i.startedOn >= i.appliedOn).toBe(true);
      expect(i.servicesGiven).toBeGreaterThan(0);
    }
    for (const i of by('GRADUATED')) expect(i.endedOn > i.startedOn).toBe(true);
  });

  it("the organisations that joined for the incubator joined after the article's date: 12 member units on 2 August 2021 still", async () => {
    const [row] = await s.sql(
      `SELECT count(*)::int AS n, min(u.joined_at)::text AS first FROM incubation i JOIN member_unit u ON u.id = i.unit_id
        WHERE i.alliance_id = $1 AND u.joined_at > $2::date`,
      [MAIN, ARTICLE_DATE],
    );
    expect(row.n).toBe(15);
    const d = await ask('viewer', `{ dashboard(to: "${ARTICLE_DATE}") { unitCount } }`);
    expect(d.dashboard.unitCount).toBe(12);
  });

  it('loading it again changes nothing', async () => {
    const counts = () =>
      s.sql(`SELECT (SELECT count(*) FROM incubation)::int AS i, (SELECT count(*) FROM incubation_event)::int AS h, (SELECT count(*) FROM activity)::int AS a,
                    (SELECT count(*) FROM signup)::int AS g, (SELECT count(*) FROM points_entry)::int AS p, (SELECT count(*) FROM member_unit)::int AS u,
                    (SELECT sum(confirmed_count) FROM activity)::int AS c`);
    const before = await counts();
    await s.db.transaction((m) => seedIncubatorAndRedEducation(m, new Date()));
    expect(await counts()).toEqual(before);
  });
});
