import { expect } from 'vitest';
import type { Client, GqlResult, TestServer } from '../../../testing/test-server.js';

export const ACTIVITY_FIELDS = `id title status kind startsAt endsAt location maxUnits confirmedCount version cancelReason
  category { code } outcome { participants volunteerHours beneficiaries summary }`;

export const CREATE = `mutation($input: ActivityInput!) { createActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
export const PUBLISH = `mutation($id: ID!) { publishActivity(id: $id) { ${ACTIVITY_FIELDS} } }`;
export const START = `mutation($id: ID!) { startActivity(id: $id) { ${ACTIVITY_FIELDS} } }`;
export const COMPLETE = `mutation($id: ID!, $outcome: ActivityOutcomeInput!) { completeActivity(id: $id, outcome: $outcome) { ${ACTIVITY_FIELDS} } }`;
export const CANCEL = `mutation($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) { ${ACTIVITY_FIELDS} } }`;
export const SIGN_UP = `mutation($activityId: ID!, $headcount: Int!, $note: String, $unitId: ID) {
  signUpForActivity(activityId: $activityId, headcount: $headcount, note: $note, unitId: $unitId) {
    id status headcount note createdAt unit { id name } activity { id confirmedCount }
  }
}`;
export const WITHDRAW = `mutation($id: ID!) { withdrawSignup(id: $id) { id status unit { id } activity { id confirmedCount } } }`;
export const ACTIVITY = `query($id: ID!) { activity(id: $id) { ${ACTIVITY_FIELDS} signups { id status unit { id name } } } }`;

export const OUTCOME = { participants: 42, volunteerHours: 126.5, beneficiaries: 300, summary: '清理楼道杂物，发放宣传单' };

let seq = 0;
/** A valid ActivityInput; far-future dates keep test activities apart from any demo data. */
export function activityInput(overrides: Record<string, unknown> = {}) {
  seq++;
  const start = new Date(Date.UTC(2090, 0, 1) + seq * 3_600_000);
  return {
    title: `测试联建活动 ${seq}`,
    description: '社区环境整治，共建单位报名参与',
    kind: 'CIVILIZED_CITY',
    categoryCode: 'ENVIRONMENT_SANITATION',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    location: '松山社区党群服务中心',
    maxUnits: 5,
    ...overrides,
  };
}

/** Asserts success and returns the data. */
export function ok<T = any>(r: GqlResult<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

export async function createActivity(c: Client, overrides: Record<string, unknown> = {}) {
  return ok(await c(CREATE, { input: activityInput(overrides) })).createActivity;
}

export async function openActivity(c: Client, overrides: Record<string, unknown> = {}) {
  const a = await createActivity(c, overrides);
  return ok(await c(PUBLISH, { id: a.id })).publishActivity;
}

/**
 * As if the activity's time had come: its span moves to start `agoMs` before
 * now (a minute by default), keeping its length. Publishing needs a start in
 * the future, starting a start at most 24 h ahead and completing a start in
 * the past; tests cannot wait, so the dates move (the version stays).
 */
export async function timeHasCome(s: TestServer, id: string, agoMs = 60_000): Promise<void> {
  await s.sql(
    `UPDATE activity SET starts_at = now() - $2::int * interval '1 millisecond',
                         ends_at = now() - $2::int * interval '1 millisecond' + (ends_at - starts_at)
      WHERE id = $1`,
    [id, agoMs],
  );
}

/** Puts an activity's span back where a test wants it (e.g. after timeHasCome, to test date filters). */
export async function setSpan(s: TestServer, id: string, startsAt: string, endsAt: string): Promise<void> {
  await s.sql(`UPDATE activity SET starts_at = $2, ends_at = $3 WHERE id = $1`, [id, startsAt, endsAt]);
}

export async function userUnit(s: TestServer, username: string): Promise<string> {
  const [row] = await s.sql(`SELECT unit_id FROM app_user WHERE username = $1`, [username]);
  return row.unit_id;
}

export async function allianceOf(s: TestServer, username: string): Promise<string> {
  const [row] = await s.sql(`SELECT alliance_id FROM app_user WHERE username = $1`, [username]);
  return row.alliance_id;
}

/** n ACTIVE member units of the user's alliance, inserted directly; returns their ids. */
export async function makeUnits(s: TestServer, n: number, prefix: string, username = 'committee'): Promise<string[]> {
  const allianceId = await allianceOf(s, username);
  const rows = await s.sql(
    `INSERT INTO member_unit (alliance_id, name, kind, contact_name, contact_phone)
     SELECT $1, $2 || '单位' || g, 'OTHER', '测试联系人', '13800000000' FROM generate_series(1, $3::int) g
     RETURNING id`,
    [allianceId, prefix, n],
  );
  return rows.map((r: { id: string }) => r.id);
}

/** ON_SHELF projects of the user's alliance. */
export async function onShelfProjects(s: TestServer, n: number, username = 'committee'): Promise<string[]> {
  const rows = await s.sql(
    `SELECT id FROM shelf_project WHERE alliance_id = $1 AND status = 'ON_SHELF' ORDER BY created_at, id LIMIT $2`,
    [await allianceOf(s, username), n],
  );
  expect(rows.length).toBe(n);
  return rows.map((r: { id: string }) => r.id);
}

/** Needs of the user's alliance, inserted directly (the needs API is another module's). */
export async function makeNeeds(s: TestServer, n: number, username = 'committee'): Promise<string[]> {
  const allianceId = await allianceOf(s, username);
  const rows = await s.sql(
    `INSERT INTO need (alliance_id, grid_id, title, description, requester_name, requester_phone, status)
     SELECT $1, (SELECT id FROM grid WHERE alliance_id = $1 ORDER BY name LIMIT 1), '活动测试需求' || g, '楼道灯坏了', '测试居民', '13900000000', 'ACCEPTED'
       FROM generate_series(1, $2::int) g
     RETURNING id`,
    [allianceId, n],
  );
  return rows.map((r: { id: string }) => r.id);
}
