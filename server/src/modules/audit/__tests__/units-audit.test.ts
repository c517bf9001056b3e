import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Client, type GqlResult, type TestServer } from '../../../testing/test-server.js';

/*
 * The committee's decisions on its member units (a unit joins, is suspended
 * or withdrawn, signs an agreement) and every edit of a unit's profile reach
 * the audit log: one entry per act, by its actor, with only what changed and
 * the contact's phone masked; a refused act writes none.
 */

let s: TestServer;
let committee: Client;
let unit1: Client;
let ownUnit: string;
let names: Record<'committee' | 'unit1', string>;

function ok<T = any>(r: GqlResult<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

interface Row {
  action: string;
  subject_type: string;
  username: string;
  actor_name: string;
  summary: Record<string, any>;
}
/** The audit rows about one unit, in the order written. */
const auditOf = (unitId: string): Promise<Row[]> =>
  s.sql(
    `SELECT a.action, a.subject_type, u.username, a.actor_name, a.summary
       FROM audit_entry a JOIN app_user u ON u.id = a.actor_id WHERE a.subject_id = $1 ORDER BY a.at, a.id`,
    [unitId],
  );
const entries = async () => (await s.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE action NOT IN ('SIGN_IN', 'SIGN_IN_FAILED')`))[0].n as number;

const CREATE = `mutation($input: CreateMemberUnitInput!) { createMemberUnit(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateMemberUnitInput!) { updateMemberUnit(id: $id, version: $v, input: $input) { version } }`;
const SIGN = `mutation($id: ID!, $input: AgreementInput!) { signAgreement(unitId: $id, input: $input) { id } }`;
const newUnit = () => ({
  name: `审计测试单位${Math.random().toString(36).slice(2, 8)}`,
  kind: 'SOCIAL_ORGANIZATION',
  partyMemberCount: 4,
  contactName: '王芳',
  contactPhone: '13912345678',
});

beforeAll(async () => {
  s = await startTestServer();
  [committee, unit1] = await Promise.all(['committee', 'unit1'].map((u) => s.as(u)));
  const rows = await s.sql(`SELECT username, display_name, unit_id FROM app_user WHERE username IN ('committee', 'unit1')`);
  names = Object.fromEntries(rows.map((r: { username: string; display_name: string }) => [r.username, r.display_name])) as typeof names;
  ownUnit = rows.find((r: { username: string }) => r.username === 'unit1').unit_id;
});
afterAll(() => s?.close());

describe('audit of member units', () => {
  it('a unit joins: one UNIT_CREATE with what it was created with, the phone masked', async () => {
    const input = newUnit();
    const { id } = ok(await committee(CREATE, { input })).createMemberUnit;
    const rows = await auditOf(id);
    expect(rows.map((r) => [r.action, r.subject_type, r.username, r.actor_name])).toEqual([['UNIT_CREATE', 'MEMBER_UNIT', 'committee', names.committee]]);
    expect(rows[0]!.summary.after).toMatchObject({ name: input.name, kind: 'SOCIAL_ORGANIZATION', status: 'ACTIVE', partyMemberCount: 4, contactName: '王芳', contactPhone: '139****5678' });
    expect(JSON.stringify(rows[0]!.summary)).not.toContain('13912345678');
  });

  it('an edit keeps only what changed; a suspension is the status decision, with whatever else the same save changed', async () => {
    const { id, version } = ok(await committee(CREATE, { input: newUnit() })).createMemberUnit;
    const v2 = ok(await committee(UPDATE, { id, v: version, input: { contactName: '李明', contactPhone: '13987654321', address: '健康街道18号' } })).updateMemberUnit.version;
    const v3 = ok(await committee(UPDATE, { id, v: v2, input: { status: 'SUSPENDED', partyMemberCount: 5 } })).updateMemberUnit.version;
    ok(await committee(UPDATE, { id, v: v3, input: { status: 'ACTIVE' } }));

    const rows = (await auditOf(id)).slice(1);
    expect(rows.map((r) => [r.action, r.username, r.summary])).toEqual([
      ['UNIT_UPDATE', 'committee', { before: { contactName: '王芳', contactPhone: '139****5678', address: null }, after: { contactName: '李明', contactPhone: '139****4321', address: '健康街道18号' } }],
      ['UNIT_STATUS', 'committee', { before: { status: 'ACTIVE', partyMemberCount: 4 }, after: { status: 'SUSPENDED', partyMemberCount: 5 } }],
      ['UNIT_STATUS', 'committee', { before: { status: 'SUSPENDED' }, after: { status: 'ACTIVE' } }],
    ]);
  });

  it("a new phone that masks like the old one still shows as changed; a save that changes nothing writes no entry", async () => {
    const { id, version } = ok(await committee(CREATE, { input: newUnit() })).createMemberUnit;
    const v2 = ok(await committee(UPDATE, { id, v: version, input: { contactPhone: '13900005678' } })).updateMemberUnit.version;
    const same = ok(await committee(UPDATE, { id, v: v2, input: { contactName: '王芳', status: 'ACTIVE' } })).updateMemberUnit;
    expect(same.version).toBe(v2 + 1);
    expect((await auditOf(id)).slice(1).map((r) => [r.action, r.summary])).toEqual([
      ['UNIT_UPDATE', { before: { contactPhone: '139****5678' }, after: { contactPhone: '139****5678' } }],
    ]);
  });

  it("a unit's own admin editing its contact is logged as that admin's act", async () => {
    const [{ version }] = await s.sql(`SELECT version FROM member_unit WHERE id = $1`, [ownUnit]);
    ok(await unit1(UPDATE, { id: ownUnit, v: version, input: { contactName: '新联系人' } }));
    const rows = await auditOf(ownUnit);
    expect(rows.at(-1)).toMatchObject({ action: 'UNIT_UPDATE', username: 'unit1', actor_name: names.unit1, summary: { after: { contactName: '新联系人' } } });
  });

  it('an agreement signed is filed under its unit with its dates', async () => {
    const { id } = ok(await committee(CREATE, { input: newUnit() })).createMemberUnit;
    ok(await committee(SIGN, { id, input: { signedAt: '2026-01-01', validUntil: '2028-12-31', responsibilities: '每月开展一次共建服务' } }));
    expect((await auditOf(id)).slice(1).map((r) => [r.action, r.subject_type, r.username, r.summary])).toEqual([
      ['AGREEMENT_SIGN', 'MEMBER_UNIT', 'committee', { signedAt: '2026-01-01', validUntil: '2028-12-31' }],
    ]);
  });

  it('a refused act writes nothing: a stale version, a bad field, another unit edited by a unit admin, a bad agreement', async () => {
    const { id, version } = ok(await committee(CREATE, { input: newUnit() })).createMemberUnit;
    const before = await entries();
    expect(codeOf(await committee(UPDATE, { id, v: version + 7, input: { status: 'WITHDRAWN' } }))).toBe('CONFLICT');
    expect(codeOf(await committee(UPDATE, { id, v: version, input: { contactPhone: '12' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await unit1(UPDATE, { id, v: version, input: { contactName: '冒名' } }))).toBe('FORBIDDEN');
    expect(codeOf(await committee(SIGN, { id, input: { signedAt: '2026-05-01', validUntil: '2026-04-01', responsibilities: '倒签' } }))).toBe('BAD_USER_INPUT');
    expect(await entries()).toBe(before);
    expect((await auditOf(id)).map((r) => r.action)).toEqual(['UNIT_CREATE']);
  });

  it("auditLog gives one unit's history, newest first, to the committee", async () => {
    const { id, version } = ok(await committee(CREATE, { input: newUnit() })).createMemberUnit;
    ok(await committee(UPDATE, { id, v: version, input: { status: 'WITHDRAWN' } }));
    ok(await committee(SIGN, { id, input: { signedAt: '2026-02-01', validUntil: '2027-01-31', responsibilities: '共建' } }));
    const Q = `query($f: AuditFilter) { auditLog(filter: $f, first: 10) { totalCount nodes { action subjectType subjectId actorName summary } } }`;
    const log = ok(await committee(Q, { f: { subjectType: 'MEMBER_UNIT', subjectId: id } })).auditLog;
    expect(log.totalCount).toBe(3);
    expect(log.nodes.map((n: { action: string }) => n.action)).toEqual(['AGREEMENT_SIGN', 'UNIT_STATUS', 'UNIT_CREATE']);
    expect(log.nodes[1]).toMatchObject({ subjectType: 'MEMBER_UNIT', subjectId: id, actorName: names.committee, summary: { before: { status: 'ACTIVE' }, after: { status: 'WITHDRAWN' } } });
    expect(codeOf(await unit1(Q, { f: { subjectType: 'MEMBER_UNIT', subjectId: ownUnit } }))).toBe('FORBIDDEN');
  });
});
