import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMITMENT_LIFECYCLE, type CommitmentAction } from '@alliance/shared';
import { names, recordEvents } from '../../../testing/event-recorder.js';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';
import { demoId } from '../../seed/ids.js';

/**
 * Issue 10 point 7 for the community: the profile, a member's transfer and
 * every row of COMMITMENT_LIFECYCLE publish exactly one event with its facts
 * (the audit log writes its entry from it); a wrong role, a stale version,
 * bad input or a wrong status publishes nothing and writes nothing.
 */

let s: TestServer;
let events: ReturnType<typeof recordEvents>;
let committee: Client;
let unit1: Client;
let actorId: string;
let allianceId: string;
beforeAll(async () => {
  s = await startTestServer();
  events = recordEvents(s.events);
  committee = await s.as('committee');
  unit1 = await s.as('unit1');
  [{ id: actorId, alliance_id: allianceId }] = await s.sql(`SELECT id, alliance_id FROM app_user WHERE username = 'committee'`);
});
afterAll(() => s?.close());

const BRANCH = demoId('songshan:branch:3');
const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) + 1;

const ok = (r: GqlResult) => {
  expect(r.errors).toBeUndefined();
  return r.data;
};
const auditRows = () => s.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE action NOT IN ('SIGN_IN', 'SIGN_IN_FAILED')`).then((r) => r[0].n as number);

function theEvent(name: string, facts: Record<string, unknown>) {
  const seen = events.take();
  expect(names(seen.published)).toEqual([name]);
  expect(names(seen.committed)).toEqual([name]);
  expect(seen.committed[0]).toMatchObject({ allianceId, actorId, ...facts });
  return seen.committed[0]!;
}

async function refused(r: GqlResult, code: string, field?: string) {
  const n = await auditRows();
  expect(codeOf(r)).toBe(code);
  if (field) expect(r.errors![0]!.extensions!.field).toBe(field);
  expect(events.take()).toEqual({ published: [], committed: [] });
  expect(await auditRows()).toBe(n);
}

let seq = 0;
async function newMember() {
  seq++;
  const r = ok(await committee(`mutation($input: CreatePartyMemberInput!) { createPartyMember(input: $input) { id name version } }`, {
    input: { name: `事件党员${seq}`, gender: 'MALE', branchId: BRANCH, gridDuty: 'NONE' },
  }));
  events.take();
  return r.createPartyMember as { id: string; name: string; version: number };
}

describe('the community profile and a member\'s transfer', () => {
  it('updateCommunityProfile: CommunityProfileUpdated with before and after, and its COMMUNITY_PROFILE entry', async () => {
    const PROFILE = `mutation($input: CommunityProfileInput!, $v: Int) { updateCommunityProfile(input: $input, version: $v) { profileVersion } }`;
    const { profileVersion: v } = ok(await committee(`{ alliance { profileVersion } }`)).alliance;
    events.take();
    await refused(await unit1(PROFILE, { input: { residents: 1 } }), 'FORBIDDEN');
    await refused(await committee(PROFILE, { input: { households: -1 } }), 'BAD_USER_INPUT', 'households');
    await refused(await committee(PROFILE, { input: { residents: 1 }, v: v + 5 }), 'CONFLICT');
    ok(await committee(PROFILE, { input: { residents: 10300 }, v }));
    const before = { households: 5061, residents: 10221, foundedYear: 2002 };
    const after = { households: 5061, residents: 10300, foundedYear: 2002 };
    theEvent('CommunityProfileUpdated', { before, after });
    expect(await s.sql(`SELECT actor_id, subject_type, subject_id, summary FROM audit_entry WHERE action = 'COMMUNITY_PROFILE'`)).toEqual([
      { actor_id: actorId, subject_type: 'ALLIANCE', subject_id: allianceId, summary: { before, after } },
    ]);
  });

  it('transferPartyMember: PartyMemberTransferred with the name and the day, and its PARTY_MEMBER_TRANSFER entry', async () => {
    const TRANSFER = `mutation($id: ID!, $v: Int!, $on: Date) { transferPartyMember(id: $id, version: $v, on: $on) { transferredOutOn } }`;
    const m = await newMember();
    await refused(await unit1(TRANSFER, { id: m.id, v: m.version }), 'FORBIDDEN');
    await refused(await committee(TRANSFER, { id: m.id, v: m.version + 1 }), 'CONFLICT');
    ok(await committee(TRANSFER, { id: m.id, v: m.version, on: '2026-03-01' }));
    theEvent('PartyMemberTransferred', { memberId: m.id, name: m.name, on: '2026-03-01' });
    await refused(await committee(TRANSFER, { id: m.id, v: m.version + 1 }), 'CONFLICT');
    expect(await s.sql(`SELECT action, actor_id, subject_type, summary FROM audit_entry WHERE subject_id = $1`, [m.id])).toEqual([
      { action: 'PARTY_MEMBER_TRANSFER', actor_id: actorId, subject_type: 'PARTY_MEMBER', summary: { name: m.name, on: '2026-03-01' } },
    ]);
  });
});

describe('every row of COMMITMENT_LIFECYCLE publishes its event', () => {
  const FIELDS = `id version status`;
  interface Case {
    action: CommitmentAction;
    event: string;
    run: (c: Client, id: string, v: number) => Promise<GqlResult>;
    bad: [(c: Client, id: string, v: number) => Promise<GqlResult>, string];
    details: Record<string, unknown>;
  }
  const CASES: Case[] = [
    {
      action: 'edit', event: 'CommitmentEdited',
      run: (c, id, v) => c(`mutation($id: ID!, $v: Int!) { updateCommitment(id: $id, version: $v, input: { text: "全年志愿服务不少于50小时" }) { ${FIELDS} } }`, { id, v }),
      bad: [(c, id, v) => c(`mutation($id: ID!, $v: Int!) { updateCommitment(id: $id, version: $v, input: { text: "  " }) { ${FIELDS} } }`, { id, v }), 'text'],
      details: { before: { category: 'VOLUNTEER', text: '全年志愿服务不少于40小时' }, after: { category: 'VOLUNTEER', text: '全年志愿服务不少于50小时' } },
    },
    {
      action: 'publish', event: 'CommitmentPublished',
      run: (c, id, v) => c(`mutation($id: ID!, $v: Int!) { publishCommitment(id: $id, version: $v) { ${FIELDS} } }`, { id, v }),
      bad: [(c, _id, v) => c(`mutation($v: Int!) { publishCommitment(id: "not-an-id", version: $v) { ${FIELDS} } }`, { v }), 'id'],
      details: {},
    },
    {
      action: 'addProgress', event: 'CommitmentProgressAdded',
      run: (c, id) => c(`mutation($id: ID!) { addCommitmentProgress(id: $id, text: "上半年已服务26小时") { ${FIELDS} } }`, { id }),
      bad: [(c, id) => c(`mutation($id: ID!) { addCommitmentProgress(id: $id, text: "  ") { ${FIELDS} } }`, { id }), 'text'],
      details: { decided: { noteId: expect.any(String) } },
    },
    {
      action: 'evaluate', event: 'CommitmentEvaluated',
      run: (c, id, v) => c(`mutation($id: ID!, $v: Int!) { evaluateCommitment(id: $id, version: $v, rating: COMPETENT, comment: " 基本完成 ") { ${FIELDS} } }`, { id, v }),
      bad: [(c, id, v) => c(`mutation($id: ID!, $v: Int!) { evaluateCommitment(id: $id, version: $v, rating: COMPETENT, comment: "x\\u0007") { ${FIELDS} } }`, { id, v }), 'comment'],
      details: { decided: { rating: 'COMPETENT', comment: '基本完成' } },
    },
  ];

  it('lists every action of the table', () => {
    expect(CASES.map((c) => c.action).sort()).toEqual(Object.keys(COMMITMENT_LIFECYCLE).sort());
  });

  it('each legal step: exactly its event with its facts; refused ones: nothing; only the evaluation is audited', async () => {
    const m = await newMember();
    const created = ok(await committee(`mutation($input: CommitmentInput!) { createCommitment(input: $input) { id version status } }`, {
      input: { memberId: m.id, year, category: 'VOLUNTEER', text: '全年志愿服务不少于40小时' },
    })).createCommitment;
    events.take();
    let { id, version, status } = created as { id: string; version: number; status: string };
    for (const c of CASES) {
      const row = COMMITMENT_LIFECYCLE[c.action];
      expect(row.from, c.action).toContain(status);
      // A step the table does not allow from this status (the one after it) is a CONFLICT.
      const later = CASES.find((x) => !COMMITMENT_LIFECYCLE[x.action].from.includes(status as never))!;
      await refused(await later.run(committee, id, version), 'CONFLICT');
      await refused(await c.run(unit1, id, version), 'FORBIDDEN');
      if (c.action !== 'addProgress') await refused(await c.run(committee, id, version - 1 || 99), 'CONFLICT');
      await refused(await c.bad[0](committee, id, version), 'BAD_USER_INPUT', c.bad[1]);

      const done = ok(await c.run(committee, id, version));
      const after = Object.values(done)[0] as { version: number; status: string };
      const to = row.to ?? status;
      expect(after.status, c.action).toBe(to);
      theEvent(c.event, { commitmentId: id, memberId: m.id, year, action: c.action, from: status, to, details: c.details });
      ({ version, status } = after);
    }
    expect(await s.sql(`SELECT action, actor_id, subject_type, summary FROM audit_entry WHERE subject_id = $1`, [id])).toEqual([
      { action: 'COMMITMENT_EVALUATE', actor_id: actorId, subject_type: 'COMMITMENT', summary: { year, rating: 'COMPETENT', comment: '基本完成' } },
    ]);
  });
});
