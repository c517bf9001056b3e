import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { ACTIVITY_FIELDS, createActivity, ok, openActivity, SIGN_UP, START, timeHasCome, userUnit } from './helpers.js';

const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $v, input: $input) { ${ACTIVITY_FIELDS} } }`;

let s: TestServer;
let committee: Client;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
});
afterAll(() => s?.close());

const row = async (id: string) => (await s.sql(`SELECT * FROM activity WHERE id = $1`, [id]))[0];

describe('updateActivity (beyond the contract)', () => {
  it('edits a DRAFT activity, trimmed, and bumps its version', async () => {
    const a = await createActivity(committee);
    const r = ok(await committee(UPDATE, { id: a.id, v: a.version, input: { title: '  改过的标题 ', location: '松山小区广场', categoryCode: '' } }));
    expect(r.updateActivity).toMatchObject({ title: '改过的标题', location: '松山小区广场', category: null, version: a.version + 1 });
  });

  it('raising maxUnits of an OPEN activity confirms the oldest waitlisted units', async () => {
    const a = await openActivity(committee, { maxUnits: 1 });
    const units = await Promise.all(['unit1', 'unit2'].map((u) => userUnit(s, u)));
    const first = ok(await committee(SIGN_UP, { activityId: a.id, headcount: 2, unitId: units[0] })).signUpForActivity;
    const second = ok(await committee(SIGN_UP, { activityId: a.id, headcount: 2, unitId: units[1] })).signUpForActivity;
    expect([first.status, second.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    const v = (await row(a.id)).version;
    const r = ok(await committee(UPDATE, { id: a.id, v, input: { maxUnits: 2 } }));
    expect(r.updateActivity).toMatchObject({ maxUnits: 2, confirmedCount: 2 });
    const [{ status }] = await s.sql(`SELECT status FROM signup WHERE id = $1`, [second.id]);
    expect(status).toBe('CONFIRMED');
  });

  it('never lowers maxUnits below the confirmed units, and checks the dates it ends with', async () => {
    const a = await openActivity(committee, { maxUnits: 3 });
    await committee(SIGN_UP, { activityId: a.id, headcount: 1, unitId: await userUnit(s, 'unit1') });
    await committee(SIGN_UP, { activityId: a.id, headcount: 1, unitId: await userUnit(s, 'unit2') });
    const before = await row(a.id);
    const low = await committee(UPDATE, { id: a.id, v: before.version, input: { maxUnits: 1 } });
    expect(low.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxUnits' });
    const backwards = await committee(UPDATE, { id: a.id, v: before.version, input: { endsAt: '2000-01-01T00:00:00Z' } });
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
    expect(await row(a.id)).toEqual(before);
  });

  it('is the committee’s, only while DRAFT or OPEN, and only with the current version', async () => {
    const a = await openActivity(committee);
    for (const who of ['unit1', 'grid1', 'viewer']) {
      expect(codeOf(await (await s.as(who))(UPDATE, { id: a.id, v: a.version, input: { title: 'x' } })), who).toBe('FORBIDDEN');
    }
    const stale = await committee(UPDATE, { id: a.id, v: a.version - 1, input: { title: 'x' } });
    expect(codeOf(stale)).toBe('CONFLICT');
    await timeHasCome(s, a.id);
    ok(await committee(START, { id: a.id }));
    const before = await row(a.id);
    const ongoing = await committee(UPDATE, { id: a.id, v: before.version, input: { title: 'x' } });
    expect(codeOf(ongoing)).toBe('CONFLICT');
    expect(await row(a.id)).toEqual(before);
    const foreign = await (await s.as('n-committee'))(UPDATE, { id: a.id, v: before.version, input: { title: 'x' } });
    expect(codeOf(foreign)).toBe('NOT_FOUND');
  });
});
