import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';
import { ACTIVITY_FIELDS, COMPLETE, OUTCOME, PUBLISH, START, createActivity, ok, openActivity, setSpan, timeHasCome } from './helpers.js';

/** docs/adoption.md "Activities: dates": publish, start, complete and edit against the clock. */

const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $v, input: $input) { ${ACTIVITY_FIELDS} } }`;
const HOUR = 3_600_000;
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

let s: TestServer;
let committee: Client;
beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
});
afterAll(() => s?.close());

const row = async (id: string) => (await s.sql(`SELECT * FROM activity WHERE id = $1`, [id]))[0];
const auditActions = async (id: string) =>
  (await s.sql(`SELECT action FROM audit_entry WHERE subject_id = $1 ORDER BY at, id`, [id])).map((r: { action: string }) => r.action);

function refused(r: GqlResult, code: string, field: string, reason: string) {
  expect(r.data?.[Object.keys(r.data ?? {})[0] ?? ''] ?? null).toBeNull();
  expect(r.errors?.[0]?.extensions, JSON.stringify(r.errors)).toMatchObject({ code, field, reason });
}

describe('publishing needs a start in the future', () => {
  it('a DRAFT whose start has passed (or is now) is refused as BAD_USER_INPUT on startsAt, nothing written', async () => {
    for (const startsAt of [fromNow(-HOUR), fromNow(-60 * 24 * HOUR), fromNow(0)]) {
      // A draft may hold any dates; the rule bites when it is published.
      const a = await createActivity(committee, { startsAt, endsAt: fromNow(3 * HOUR) });
      const before = await row(a.id);
      refused(await committee(PUBLISH, { id: a.id }), 'BAD_USER_INPUT', 'startsAt', 'NOT_IN_FUTURE');
      expect(await row(a.id)).toEqual(before);
      expect(await auditActions(a.id)).toEqual([]);
    }
  });

  it('a start a few minutes ahead is fine', async () => {
    const a = await createActivity(committee, { startsAt: fromNow(5 * 60_000), endsAt: fromNow(2 * HOUR) });
    expect(ok(await committee(PUBLISH, { id: a.id })).publishActivity.status).toBe('OPEN');
  });
});

describe('starting: no earlier than 24 h before startsAt', () => {
  it('25 h ahead is CONFLICT naming startsAt; 23 h ahead, or a start already passed, starts', async () => {
    const a = await openActivity(committee);
    await setSpan(s, a.id, fromNow(25 * HOUR), fromNow(27 * HOUR));
    const before = await row(a.id);
    refused(await committee(START, { id: a.id }), 'CONFLICT', 'startsAt', 'TOO_EARLY');
    expect(await row(a.id)).toEqual(before);
    expect(await auditActions(a.id)).toEqual(['ACTIVITY_PUBLISH']);

    await setSpan(s, a.id, fromNow(23 * HOUR), fromNow(27 * HOUR));
    expect(ok(await committee(START, { id: a.id })).startActivity.status).toBe('ONGOING');

    const late = await openActivity(committee);
    await timeHasCome(s, late.id, 3 * HOUR);
    expect(ok(await committee(START, { id: late.id })).startActivity.status).toBe('ONGOING');
  });

  it('the far-future activity of a fresh publish cannot start', async () => {
    const a = await openActivity(committee); // 2090
    refused(await committee(START, { id: a.id }), 'CONFLICT', 'startsAt', 'TOO_EARLY');
    expect((await row(a.id)).status).toBe('OPEN');
  });
});

describe('completing: only after the start, and no earlier than startsAt', () => {
  it('started early (within the 24 h) it cannot complete before startsAt; once startsAt has come it can', async () => {
    const a = await openActivity(committee);
    await setSpan(s, a.id, fromNow(2 * HOUR), fromNow(4 * HOUR));
    ok(await committee(START, { id: a.id }));
    const before = await row(a.id);
    refused(await committee(COMPLETE, { id: a.id, outcome: OUTCOME }), 'CONFLICT', 'startsAt', 'TOO_EARLY');
    expect(await row(a.id)).toEqual(before);
    expect(await s.sql(`SELECT 1 FROM points_entry WHERE source_id = $1`, [a.id])).toEqual([]);
    expect(await auditActions(a.id)).toEqual(['ACTIVITY_PUBLISH', 'ACTIVITY_START']);

    await timeHasCome(s, a.id, 1000);
    const done = ok(await committee(COMPLETE, { id: a.id, outcome: OUTCOME })).completeActivity;
    expect(done).toMatchObject({ status: 'COMPLETED', outcome: OUTCOME });
  });

  it('an OPEN activity whose startsAt has passed still cannot skip the start (lifecycle CONFLICT)', async () => {
    const a = await openActivity(committee);
    await timeHasCome(s, a.id);
    expect(codeOf(await committee(COMPLETE, { id: a.id, outcome: OUTCOME }))).toBe('CONFLICT');
    expect((await row(a.id)).status).toBe('OPEN');
  });
});

describe("updateActivity and the dates", () => {
  it('an OPEN activity may not move its start into the past (BAD_USER_INPUT startsAt), nothing written; a future start is fine', async () => {
    const a = await openActivity(committee);
    const before = await row(a.id);
    for (const startsAt of [fromNow(-HOUR), fromNow(0)]) {
      refused(await committee(UPDATE, { id: a.id, v: before.version, input: { startsAt, endsAt: fromNow(HOUR) } }), 'BAD_USER_INPUT', 'startsAt', 'NOT_IN_FUTURE');
    }
    expect(await row(a.id)).toEqual(before);
    const moved = ok(await committee(UPDATE, { id: a.id, v: before.version, input: { startsAt: fromNow(HOUR), endsAt: fromNow(3 * HOUR) } })).updateActivity;
    expect(moved.version).toBe(before.version + 1);
  });

  it('an OPEN activity whose start has passed can still have other fields edited', async () => {
    const a = await openActivity(committee);
    await timeHasCome(s, a.id);
    const v = (await row(a.id)).version;
    expect(ok(await committee(UPDATE, { id: a.id, v, input: { location: '松山社区广场' } })).updateActivity.location).toBe('松山社区广场');
  });

  it("a DRAFT's dates are free (checked when it is published)", async () => {
    const a = await createActivity(committee);
    const r = ok(await committee(UPDATE, { id: a.id, v: a.version, input: { startsAt: fromNow(-2 * HOUR), endsAt: fromNow(-HOUR) } })).updateActivity;
    expect(r.status).toBe('DRAFT');
    refused(await committee(PUBLISH, { id: a.id }), 'BAD_USER_INPUT', 'startsAt', 'NOT_IN_FUTURE');
  });
});
